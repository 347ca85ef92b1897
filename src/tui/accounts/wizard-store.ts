/**
 * The account wizard's effects: verifying the credentials (with an AbortSignal that fires when the
 * user cancels or leaves) and saving the profile. Errors are classified here by their typed
 * classes (AuthError → rejected, UnreachableError → unreachable), never by message. The reducer
 * and key function are pure (state/accounts/wizard-*.ts); this store is the only impure part.
 */
import { errorMessage } from '../../error-text.js';
import { ConfigValueError, ProfileError, type Profile } from '../../config/index.js';
import { AuthError, UnreachableError } from '../../providers/errors.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { profileNameToSave, wizardReducer, type WizardAction } from '../../state/accounts/wizard-reducer.js';
import {
  initWizard,
  verifiedKey,
  type VerifyFailure,
  type WizardField,
  type WizardInit,
  type WizardState,
} from '../../state/accounts/wizard-state.js';
import { wizardKeyAction } from '../../state/accounts/wizard-keys.js';
import { ScreenStore } from './screen-store.js';

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
   * `verifyCredentials` from src/session/authorize.ts). Rejects with the provider's typed errors.
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
  const message = scrub(errorMessage(error), secret);
  if (error instanceof AuthError) return { kind: 'rejected', message };
  if (error instanceof UnreachableError) return { kind: 'unreachable', message };
  return { kind: 'other', message };
}

const CONFIG_FIELDS: Record<string, WizardField> = {
  name: 'name',
  applicationKeyId: 'keyId',
  applicationKey: 'key',
  endpoint: 'endpoint',
};

function saveFailure(error: unknown, secret: string): { message: string; field?: WizardField } {
  const message = scrub(errorMessage(error), secret);
  if (error instanceof ConfigValueError) return { message, field: CONFIG_FIELDS[error.field] };
  if (error instanceof ProfileError) return { message, field: 'name' };
  return { message };
}

/**
 * The account wizard as a store: the pure wizard (state/accounts/wizard-*.ts) plus verifying the
 * credentials (aborted when the user cancels or leaves) and saving the profile.
 */
export class WizardStore extends ScreenStore<WizardState, WizardAction> {
  private verifying: { id: number; abort: AbortController } | null = null;

  constructor(
    private readonly effects: WizardEffects,
    init: WizardInit = {},
  ) {
    super(initWizard(init), wizardReducer, wizardKeyAction);
  }

  protected changed(before: WizardState, after: WizardState): void {
    const was = before.stage;
    const stage = after.stage;
    if (this.verifying !== null && (stage.kind !== 'verifying' || stage.requestId !== this.verifying.id)) {
      this.verifying.abort.abort();
      this.verifying = null;
    }
    if (stage.kind === 'verifying' && (was.kind !== 'verifying' || was.requestId !== stage.requestId))
      this.verify(after, stage.requestId);
    if (stage.kind === 'saving' && (was.kind !== 'saving' || was.requestId !== stage.requestId))
      this.save(after, stage.requestId);
    if (stage.kind === 'saved' && was.kind !== 'saved') {
      const keyInfo = verifiedKey(after);
      if (keyInfo !== null) this.effects.onDone?.(stage.name, keyInfo);
    }
    if (stage.kind === 'cancelled' && was.kind !== 'cancelled') this.effects.onCancel?.();
  }

  private verify(s: WizardState, requestId: number): void {
    const abort = new AbortController();
    this.verifying = { id: requestId, abort };
    const { keyId, key, endpoint } = s.values;
    const credentials: WizardCredentials = {
      applicationKeyId: keyId,
      applicationKey: key,
      ...(endpoint === '' ? {} : { endpoint }),
    };
    this.effects.verify(credentials, abort.signal).then(
      (keyInfo) => {
        if (!abort.signal.aborted) this.dispatch({ type: 'verified', requestId, keyInfo });
      },
      (error: unknown) => {
        if (!abort.signal.aborted)
          this.dispatch({ type: 'verifyFailed', requestId, failure: classifyVerifyError(error, key) });
      },
    );
  }

  private save(s: WizardState, requestId: number): void {
    const name = profileNameToSave(s);
    const profile: Profile = {
      name,
      applicationKeyId: s.values.keyId,
      applicationKey: s.values.key,
      ...(s.values.endpoint === '' ? {} : { endpoint: s.values.endpoint }),
    };
    Promise.resolve()
      .then(() => this.effects.save(profile))
      .then(
        () => this.dispatch({ type: 'saved', requestId, name }),
        (error: unknown) => this.dispatch({ type: 'saveFailed', requestId, ...saveFailure(error, s.values.key) }),
      );
  }

  override dispose(): void {
    this.verifying?.abort.abort();
    super.dispose();
  }
}
