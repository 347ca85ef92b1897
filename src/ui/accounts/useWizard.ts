/**
 * The account wizard's state plus its effects: verifying the credentials (with an AbortSignal
 * that fires when the user cancels or leaves) and saving the profile. Errors are classified here by
 * their typed classes (AuthError → rejected, UnreachableError → unreachable), never by message.
 * The reducer and key function are pure (state/wizard-*.ts); this hook is the only impure part.
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import { ConfigValueError, ProfileError, type Profile } from '../../config/index.js';
import { AuthError, UnreachableError } from '../../providers/errors.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { profileNameToSave, wizardReducer, type WizardAction } from '../../state/accounts/wizard-reducer.js';
import { initWizard, verifiedKey, type VerifyFailure, type WizardField, type WizardInit, type WizardState } from '../../state/accounts/wizard-state.js';

/** Credentials to check. `applicationKey` is secret. */
export interface WizardCredentials {
  applicationKeyId: string;
  applicationKey: string;
  /** Absent for the real B2. */
  endpoint?: string;
}

/** What the wizard asks of the outside world. */
export interface WizardEffects {
  /**
   * Authorises once and resolves with what the key may do (the app passes
   * `verifyCredentials` from src/commands/session.ts). Rejects with the provider's typed errors.
   */
  verify: (credentials: WizardCredentials, signal: AbortSignal) => Promise<KeyInfo>;
  /**
   * Stores the profile, replacing one with the same name (the wizard has asked first when the
   * name was taken). May throw ConfigValueError (its `field` is focused) or ConfigError.
   */
  save: (profile: Profile) => void | Promise<void>;
  /** Called once the profile is saved. */
  onDone?: (profileName: string, keyInfo: KeyInfo) => void;
  /** Called when the user leaves the wizard without saving. */
  onCancel?: () => void;
}

/** Removes `secret` from a message, in case some lower layer ever echoed it. */
function scrub(message: string, secret: string): string {
  return secret.length >= 4 ? message.split(secret).join('••••') : message;
}

/** Turns what `verify` threw into the wizard's failure (plain words from the provider). */
export function classifyVerifyError(error: unknown, secret: string): VerifyFailure {
  const message = scrub(error instanceof Error ? error.message : String(error), secret);
  if (error instanceof AuthError) return { kind: 'rejected', message };
  if (error instanceof UnreachableError) return { kind: 'unreachable', message };
  return { kind: 'other', message };
}

const CONFIG_FIELDS: Record<string, WizardField> = { name: 'name', applicationKeyId: 'keyId', applicationKey: 'key', endpoint: 'endpoint' };

function saveFailure(error: unknown, secret: string): { message: string; field?: WizardField } {
  const message = scrub(error instanceof Error ? error.message : String(error), secret);
  if (error instanceof ConfigValueError) return { message, field: CONFIG_FIELDS[error.field] };
  if (error instanceof ProfileError) return { message, field: 'name' };
  return { message };
}

/** The wizard's state and dispatch, with verify/save running as the stage asks. */
export function useWizard(effects: WizardEffects, init: WizardInit = {}): [WizardState, Dispatch<WizardAction>] {
  const [state, dispatch] = useReducer(wizardReducer, init, initWizard);
  const latest = useRef(state);
  latest.current = state;
  const effectsRef = useRef(effects);
  effectsRef.current = effects;
  const stage = state.stage;
  const verifyingId = stage.kind === 'verifying' ? stage.requestId : null;
  const savingId = stage.kind === 'saving' ? stage.requestId : null;

  useEffect(() => {
    if (verifyingId === null) return;
    const controller = new AbortController();
    const { keyId, key, endpoint } = latest.current.values;
    const credentials: WizardCredentials = { applicationKeyId: keyId, applicationKey: key, ...(endpoint === '' ? {} : { endpoint }) };
    effectsRef.current.verify(credentials, controller.signal).then(
      (keyInfo) => {
        if (!controller.signal.aborted) dispatch({ type: 'verified', requestId: verifyingId, keyInfo });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'verifyFailed', requestId: verifyingId, failure: classifyVerifyError(error, key) });
      },
    );
    return () => controller.abort();
  }, [verifyingId]);

  useEffect(() => {
    if (savingId === null) return;
    const s = latest.current;
    const name = profileNameToSave(s);
    const profile: Profile = {
      name,
      applicationKeyId: s.values.keyId,
      applicationKey: s.values.key,
      ...(s.values.endpoint === '' ? {} : { endpoint: s.values.endpoint }),
    };
    Promise.resolve()
      .then(() => effectsRef.current.save(profile))
      .then(
        () => dispatch({ type: 'saved', requestId: savingId, name }),
        (error: unknown) => dispatch({ type: 'saveFailed', requestId: savingId, ...saveFailure(error, s.values.key) }),
      );
  }, [savingId]);

  const finished = stage.kind === 'saved' ? stage.name : null;
  const cancelled = stage.kind === 'cancelled';
  useEffect(() => {
    const keyInfo = verifiedKey(latest.current);
    if (finished !== null && keyInfo !== null) effectsRef.current.onDone?.(finished, keyInfo);
  }, [finished]);
  useEffect(() => {
    if (cancelled) effectsRef.current.onCancel?.();
  }, [cancelled]);

  return [state, useCallback((a: WizardAction) => dispatch(a), [])];
}
