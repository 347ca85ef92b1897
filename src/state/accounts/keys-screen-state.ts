/**
 * The keys screen: the account's application keys with their scope; create (the form in
 * ./key-form-*.ts), show the new secret exactly once and offer to save it as a profile; delete after
 * confirmation. Without listKeys / writeKeys / deleteKeys the parts are greyed with the permission
 * rules' reason. Transitions in ./keys-screen-reducer.ts, keys in ./keys-screen-keys.ts. Pure data.
 */
import type { CreatedKey, KeyInfo, KeyRecord } from '../model/key-info.js';
import type { BucketChoice, KeyFormState } from './key-form-state.js';
import type { CheckedKeyRequest } from './key-form-validate.js';
import { checkAction, type PermissionDecision } from '../permissions/permissions.js';
import type { LineState } from '../keyboard/line-edit.js';

/** Whether the signed-in key may list, create and delete keys (with reasons when not). */
export interface KeysAccess {
  list: PermissionDecision;
  create: PermissionDecision;
  delete: PermissionDecision;
}

/** Loading the list. */
export type KeysLoad =
  | { kind: 'loading'; requestId: number }
  | { kind: 'loaded' }
  | { kind: 'failed'; message: string }
  | { kind: 'not-allowed' };

/** Saving a new key as a profile, inside the "created" view. */
export type SaveAsProfile =
  | { kind: 'offer' }
  | { kind: 'naming'; name: LineState; error: string | null }
  | { kind: 'saving'; requestId: number; name: string }
  | { kind: 'saved'; name: string };

/** What the screen shows on top of the list. */
export type KeysMode =
  | { kind: 'list' }
  | { kind: 'form'; form: KeyFormState }
  | { kind: 'creating'; requestId: number; request: CheckedKeyRequest; form: KeyFormState }
  | { kind: 'created'; key: CreatedKey; save: SaveAsProfile }
  | { kind: 'confirm-delete'; key: KeyRecord }
  | { kind: 'deleting'; requestId: number; key: KeyRecord }
  | { kind: 'closed' };

/** The whole screen. */
export interface KeysScreenState {
  /** The signed-in key's ID (its row is marked; deleting it warns). */
  ownKeyId: string;
  access: KeysAccess;
  load: KeysLoad;
  keys: readonly KeyRecord[];
  /** Buckets the signed-in key can see: names for IDs, and the form's choices. */
  buckets: readonly BucketChoice[];
  cursor: number;
  mode: KeysMode;
  /** A one-line message: what just happened, or why something cannot be done. */
  message: { tone: 'info' | 'error'; text: string } | null;
  existingProfileNames: readonly string[];
  nextRequestId: number;
}

const ACCOUNT = { kind: 'b2', bucket: null, key: '' } as const;

/** What `key` may do on this screen at `now` (ms since the epoch). */
export function keysAccess(key: KeyInfo, now: number): KeysAccess {
  return {
    list: checkAction('list-keys', ACCOUNT, key, now),
    create: checkAction('create-key', ACCOUNT, key, now),
    delete: checkAction('delete-key', ACCOUNT, key, now),
  };
}

/** The screen for `key`, loading when it may list keys. */
export function initKeysScreen(
  key: KeyInfo,
  now: number,
  existingProfileNames: readonly string[] = [],
): KeysScreenState {
  const access = keysAccess(key, now);
  return {
    ownKeyId: key.applicationKeyId,
    access,
    load: access.list.allowed ? { kind: 'loading', requestId: 1 } : { kind: 'not-allowed' },
    keys: [],
    buckets: [],
    cursor: 0,
    mode: { kind: 'list' },
    message: null,
    existingProfileNames,
    nextRequestId: 2,
  };
}

/** The key under the cursor, or null. */
export function selectedKey(state: KeysScreenState): KeyRecord | null {
  return state.keys[state.cursor] ?? null;
}
