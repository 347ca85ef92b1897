/**
 * The keys screen's state plus its effects: listing keys and buckets, creating and deleting keys,
 * saving a new key as a profile. Each effect runs when the state asks for it (a request id in the
 * state) and answers with that id, so cancelled or stale answers are dropped by the reducer.
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { Profile } from '../../config/index.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { BucketChoice } from '../../state/accounts/key-form-state.js';
import type { CheckedKeyRequest } from '../../state/accounts/key-form-validate.js';
import { keysScreenReducer, type KeysScreenAction } from '../../state/accounts/keys-screen-reducer.js';
import { initKeysScreen, type KeysScreenState } from '../../state/accounts/keys-screen-state.js';
import type { CreatedKey, KeyRecord } from '../../state/model/key-info.js';

/**
 * Key management as the screen needs it; the B2 provider's `keys` (KeyAdmin) fits. No signals:
 * the reducer drops answers that arrive after the user moved on.
 */
export interface KeyAdminPort {
  listKeys(): Promise<KeyRecord[]>;
  createKey(request: CheckedKeyRequest): Promise<CreatedKey>;
  deleteKey(applicationKeyId: string): Promise<KeyRecord>;
}

/** What the keys screen asks of the outside world. */
export interface KeysScreenEffects {
  /** The signed-in key (for greying, and to mark its own row). */
  keyInfo: KeyInfo;
  admin: KeyAdminPort;
  /** Buckets the signed-in key can see (names for IDs; the form's choices). */
  listBuckets: (signal?: AbortSignal) => Promise<BucketChoice[]>;
  /** Stores a new key as a profile (the app passes ConfigStore.saveProfile). */
  saveProfile: (profile: Profile) => void | Promise<void>;
  /** Endpoint to store with a saved profile (null: the real B2). */
  endpoint: string | null;
  existingProfileNames?: readonly string[];
  onClose?: () => void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The keys screen's state and dispatch, with effects running as the state asks. */
export function useKeysScreen(effects: KeysScreenEffects, now: number): [KeysScreenState, Dispatch<KeysScreenAction>] {
  const [state, dispatch] = useReducer(keysScreenReducer, undefined, () => initKeysScreen(effects.keyInfo, now, effects.existingProfileNames));
  const ref = useRef(effects);
  ref.current = effects;
  const latest = useRef(state);
  latest.current = state;
  const mode = state.mode;
  const loadingId = state.load.kind === 'loading' ? state.load.requestId : null;
  const creatingId = mode.kind === 'creating' ? mode.requestId : null;
  const deletingId = mode.kind === 'deleting' ? mode.requestId : null;
  const savingId = mode.kind === 'created' && mode.save.kind === 'saving' ? mode.save.requestId : null;

  useEffect(() => {
    if (loadingId === null) return;
    const controller = new AbortController();
    Promise.all([ref.current.admin.listKeys(), ref.current.listBuckets(controller.signal).catch((): BucketChoice[] => [])]).then(
      ([keys, buckets]) => dispatch({ type: 'loaded', requestId: loadingId, keys, buckets }),
      (e: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'loadFailed', requestId: loadingId, message: messageOf(e) });
      },
    );
    return () => controller.abort();
  }, [loadingId]);

  useEffect(() => {
    const m = latest.current.mode;
    if (creatingId === null || m.kind !== 'creating') return;
    ref.current.admin.createKey(m.request).then(
      (key) => dispatch({ type: 'created', requestId: creatingId, key }),
      (e: unknown) => dispatch({ type: 'createFailed', requestId: creatingId, message: messageOf(e) }),
    );
  }, [creatingId]);

  useEffect(() => {
    const m = latest.current.mode;
    if (deletingId === null || m.kind !== 'deleting') return;
    ref.current.admin.deleteKey(m.key.applicationKeyId).then(
      () => dispatch({ type: 'deleted', requestId: deletingId }),
      (e: unknown) => dispatch({ type: 'deleteFailed', requestId: deletingId, message: messageOf(e) }),
    );
  }, [deletingId]);

  useEffect(() => {
    const m = latest.current.mode;
    if (savingId === null || m.kind !== 'created' || m.save.kind !== 'saving') return;
    const endpoint = ref.current.endpoint;
    const profile: Profile = { name: m.save.name, applicationKeyId: m.key.applicationKeyId, applicationKey: m.key.applicationKey, ...(endpoint === null ? {} : { endpoint }) };
    Promise.resolve()
      .then(() => ref.current.saveProfile(profile))
      .then(
        () => dispatch({ type: 'profileSaved', requestId: savingId }),
        (e: unknown) => dispatch({ type: 'profileSaveFailed', requestId: savingId, message: messageOf(e) }),
      );
  }, [savingId]);

  const closed = mode.kind === 'closed';
  useEffect(() => {
    if (closed) ref.current.onClose?.();
  }, [closed]);

  return [state, useCallback((a: KeysScreenAction) => dispatch(a), [])];
}
