/**
 * The profiles screen's state plus its effects: store operations (rename, delete, make default)
 * on the config store, and inspecting a profile (verifying its key with B2). Errors from the store
 * (ProfileError, ConfigValueError, ConfigError) are shown with their own sentences.
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { ConfigStore } from '../../config/index.js';
import { profilesScreenReducer, type ProfilesScreenAction } from '../../state/accounts/profiles-screen-reducer.js';
import { initProfilesScreen, type ProfilesOperation, type ProfilesScreenState } from '../../state/accounts/profiles-screen-state.js';
import { classifyVerifyError, type WizardEffects } from './useWizard.js';

/** What the screen needs from the config store (a ConfigStore fits). */
export type ProfileStorePort = Pick<ConfigStore, 'listProfiles' | 'getProfile' | 'getDefaultProfileName' | 'renameProfile' | 'deleteProfile' | 'setDefaultProfile' | 'saveProfile'>;

/** What the profiles screen asks of the outside world. */
export interface ProfilesScreenEffects {
  store: ProfileStorePort;
  /** Verifies credentials (the wizard's and the inspector's effect). */
  verify: WizardEffects['verify'];
  /** The user chose a profile for the pane that opened the screen. */
  onChoose?: (profileName: string) => void;
  onClose?: () => void;
}

function runStore(store: ProfileStorePort, op: Exclude<ProfilesOperation, { kind: 'inspect' }>): string {
  switch (op.kind) {
    case 'rename':
      store.renameProfile(op.from, op.to);
      return `Renamed ${op.from} to ${op.to}.`;
    case 'delete':
      store.deleteProfile(op.name);
      return `Deleted profile ${op.name}.`;
    case 'set-default':
      store.setDefaultProfile(op.name);
      return `${op.name} is now the default profile.`;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/** The profiles screen's state and dispatch, with effects running as the state asks. */
export function useProfilesScreen(effects: ProfilesScreenEffects, cursorOn?: string): [ProfilesScreenState, Dispatch<ProfilesScreenAction>] {
  const [state, dispatch] = useReducer(profilesScreenReducer, undefined, () =>
    initProfilesScreen(effects.store.listProfiles(), effects.store.getDefaultProfileName(), { cursorOn }),
  );
  const ref = useRef(effects);
  ref.current = effects;
  const latest = useRef(state);
  latest.current = state;
  const workingId = state.mode.kind === 'working' ? state.mode.requestId : null;

  useEffect(() => {
    const mode = latest.current.mode;
    if (workingId === null || mode.kind !== 'working') return;
    const { store } = ref.current;
    const op = mode.operation;
    if (op.kind !== 'inspect') {
      try {
        const message = runStore(store, op);
        dispatch({ type: 'refreshed', requestId: workingId, profiles: store.listProfiles(), defaultName: store.getDefaultProfileName(), message });
      } catch (error) {
        dispatch({ type: 'failed', requestId: workingId, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    const profile = store.getProfile(op.name);
    if (profile === undefined) {
      dispatch({ type: 'failed', requestId: workingId, message: `The profile ${op.name} no longer exists.` });
      return;
    }
    const controller = new AbortController();
    const endpoint = profile.endpoint ?? null;
    ref.current
      .verify({ applicationKeyId: profile.applicationKeyId, applicationKey: profile.applicationKey, ...(endpoint === null ? {} : { endpoint }) }, controller.signal)
      .then(
        (keyInfo) => dispatch({ type: 'inspected', requestId: workingId, keyInfo, endpoint }),
        (error: unknown) => {
          if (!controller.signal.aborted) dispatch({ type: 'failed', requestId: workingId, message: classifyVerifyError(error, profile.applicationKey).message });
        },
      );
    return () => controller.abort();
  }, [workingId]);

  const chosen = state.mode.kind === 'chosen' ? state.mode.name : null;
  const closed = state.mode.kind === 'closed';
  useEffect(() => {
    if (chosen !== null) ref.current.onChoose?.(chosen);
  }, [chosen]);
  useEffect(() => {
    if (closed) ref.current.onClose?.();
  }, [closed]);

  return [state, useCallback((a: ProfilesScreenAction) => dispatch(a), [])];
}
