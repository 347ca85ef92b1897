/**
 * The keys screen's effects: listing keys and buckets, creating and deleting keys, saving a new
 * key as a profile. Each effect runs when the state asks for it (a request id in the state) and
 * answers with that id, so cancelled or stale answers are dropped by the reducer.
 */
import { errorMessage } from '../../error-text.js';
import type { Profile } from '../../config/index.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { BucketChoice } from '../../state/accounts/key-form-state.js';
import type { CheckedKeyRequest } from '../../state/accounts/key-form-validate.js';
import { keysScreenReducer, type KeysScreenAction } from '../../state/accounts/keys-screen-reducer.js';
import { initKeysScreen, type KeysScreenState } from '../../state/accounts/keys-screen-state.js';
import { keysScreenKeyAction } from '../../state/accounts/keys-screen-keys.js';
import { ScreenStore } from './screen-store.js';
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
  /** Saved profiles live in memory only (`b2c --demo`), forgotten when b2c quits. */
  profilesInMemory?: boolean;
  existingProfileNames?: readonly string[];
  onClose?: () => void;
}

function loadingId(s: KeysScreenState): number | null {
  return s.load.kind === 'loading' ? s.load.requestId : null;
}

function savingId(s: KeysScreenState): number | null {
  return s.mode.kind === 'created' && s.mode.save.kind === 'saving' ? s.mode.save.requestId : null;
}

/** The keys screen as a store: the pure screen (state/accounts/keys-screen-*.ts) plus its effects. */
export class KeysScreenStore extends ScreenStore<KeysScreenState, KeysScreenAction> {
  private loading: AbortController | null = null;

  /** True when a profile saved here lives in memory only (`b2c --demo`). */
  get profilesInMemory(): boolean {
    return this.effects.profilesInMemory === true;
  }

  /** @param now ms since the epoch when the screen opens (expired keys are marked against it) */
  constructor(
    private readonly effects: KeysScreenEffects,
    readonly now: number,
  ) {
    super(initKeysScreen(effects.keyInfo, now, effects.existingProfileNames), keysScreenReducer, keysScreenKeyAction);
    const load = this.getSnapshot().load;
    if (load.kind === 'loading') this.load(load.requestId);
  }

  protected changed(before: KeysScreenState, after: KeysScreenState): void {
    const loading = loadingId(after);
    if (loading !== loadingId(before)) {
      this.loading?.abort();
      this.loading = null;
      if (loading !== null) this.load(loading);
    }
    const m = after.mode;
    const was = before.mode;
    if (m.kind === 'creating' && (was.kind !== 'creating' || was.requestId !== m.requestId))
      this.create(m.requestId, m.request);
    if (m.kind === 'deleting' && (was.kind !== 'deleting' || was.requestId !== m.requestId))
      this.remove(m.requestId, m.key.applicationKeyId);
    if (m.kind === 'created' && m.save.kind === 'saving' && m.save.requestId !== savingId(before))
      this.saveProfile(m.save.requestId, m.key, m.save.name);
    if (m.kind === 'closed' && was.kind !== 'closed') this.effects.onClose?.();
  }

  private load(requestId: number): void {
    const abort = new AbortController();
    this.loading = abort;
    const { admin, listBuckets } = this.effects;
    Promise.all([admin.listKeys(), listBuckets(abort.signal).catch((): BucketChoice[] => [])]).then(
      ([keys, buckets]) => this.dispatch({ type: 'loaded', requestId, keys, buckets }),
      (e: unknown) => {
        if (!abort.signal.aborted) this.dispatch({ type: 'loadFailed', requestId, message: errorMessage(e) });
      },
    );
  }

  private create(requestId: number, request: CheckedKeyRequest): void {
    this.effects.admin.createKey(request).then(
      (key) => this.dispatch({ type: 'created', requestId, key }),
      (e: unknown) => this.dispatch({ type: 'createFailed', requestId, message: errorMessage(e) }),
    );
  }

  private remove(requestId: number, applicationKeyId: string): void {
    this.effects.admin.deleteKey(applicationKeyId).then(
      () => this.dispatch({ type: 'deleted', requestId }),
      (e: unknown) => this.dispatch({ type: 'deleteFailed', requestId, message: errorMessage(e) }),
    );
  }

  private saveProfile(requestId: number, key: CreatedKey, name: string): void {
    const endpoint = this.effects.endpoint;
    const profile: Profile = {
      name,
      applicationKeyId: key.applicationKeyId,
      applicationKey: key.applicationKey,
      ...(endpoint === null ? {} : { endpoint }),
    };
    Promise.resolve()
      .then(() => this.effects.saveProfile(profile))
      .then(
        () => this.dispatch({ type: 'profileSaved', requestId }),
        (e: unknown) => this.dispatch({ type: 'profileSaveFailed', requestId, message: errorMessage(e) }),
      );
  }

  override dispose(): void {
    this.loading?.abort();
    super.dispose();
  }
}
