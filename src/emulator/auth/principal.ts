/**
 * Who is calling: the master key or an application key, with its scope. Resolved per request
 * from the key behind the token, so a deleted key's tokens stop working at once.
 */
import { MASTER_CAPABILITIES } from './capabilities.js';
import { badAuthToken } from '../http/errors.js';
import type { Store } from '../store/store.js';

/** The caller's key and scope. */
export interface Principal {
  keyId: string;
  isMaster: boolean;
  capabilities: readonly string[];
  /** null = all buckets. */
  bucketIds: string[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null. */
  expirationTimestamp: number | null;
  /** Created through v4 with a restriction: unusable on v1–v3 authorize. */
  v4Only: boolean;
}

/** The master key's principal. */
export function masterPrincipal(store: Store): Principal {
  return {
    keyId: store.meta.masterKeyId,
    isMaster: true,
    capabilities: MASTER_CAPABILITIES,
    bucketIds: null,
    namePrefix: null,
    expirationTimestamp: null,
    v4Only: false,
  };
}

/** Resolves a key ID to its principal. Throws 401 bad_auth_token when the key no longer exists. */
export function principalFor(store: Store, keyId: string): Principal {
  if (keyId === store.meta.masterKeyId) return masterPrincipal(store);
  const key = store.keys.get(keyId);
  if (!key) throw badAuthToken('The key behind this token was deleted');
  return {
    keyId,
    isMaster: false,
    capabilities: key.capabilities,
    bucketIds: key.bucketIds,
    namePrefix: key.namePrefix,
    expirationTimestamp: key.expirationTimestamp,
    v4Only: key.v4Only,
  };
}
