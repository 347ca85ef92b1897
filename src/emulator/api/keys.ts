/**
 * Application keys (docs/b2-api.md §1.4, §2.5): b2_create_key, b2_list_keys, b2_delete_key. v1–v3
 * use a single `bucketId`, v4 `bucketIds`; keys created through v4 with a restriction are
 * "v4-only": hidden from v1–v3 b2_list_keys and refused by v1–v3 b2_delete_key and authorize. The
 * secret is returned only by b2_create_key.
 */
import { checkAccountId, pageSize } from './api-common.js';
import { ALL_CAPABILITIES, BUCKET_SCOPED_CAPABILITIES } from '../auth/capabilities.js';
import { isBucketRestricted, requireCapability } from '../auth/enforce.js';
import { badBucketId, badRequest, unauthorized } from '../http/errors.js';
import { newApplicationKeyId, newSecret } from '../store/ids.js';
import type { ApiVersion, KeyRecord } from '../store/model.js';
import type { ApiContext, EmulatorState } from '../state.js';
import type { Store } from '../store/store.js';

/** A key as B2 shows it on `version` (no secret). */
export function keyObject(version: ApiVersion, accountId: string, k: KeyRecord): Record<string, unknown> {
  const buckets = version === 4 ? { bucketIds: k.bucketIds } : { bucketId: k.bucketIds?.[0] ?? null };
  return {
    accountId,
    applicationKeyId: k.applicationKeyId,
    ...buckets,
    capabilities: [...k.capabilities],
    expirationTimestamp: k.expirationTimestamp,
    keyName: k.keyName,
    namePrefix: k.namePrefix,
    options: ['s3'],
  };
}

/** Fields of a new key. */
export interface NewKey {
  keyName: string;
  capabilities: string[];
  bucketIds: string[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null. */
  expirationTimestamp: number | null;
  v4Only: boolean;
}

/** Validates and stores a key. Throws 400. */
export async function createKeyRecord(store: Store, input: NewKey): Promise<KeyRecord> {
  if (!/^[A-Za-z0-9-]{1,100}$/.test(input.keyName)) throw badRequest(`Invalid keyName: ${input.keyName}`);
  if (input.capabilities.length === 0) throw badRequest('capabilities must not be empty');
  for (const c of input.capabilities) if (!ALL_CAPABILITIES.includes(c)) throw badRequest(`Unknown capability: ${c}`);
  for (const id of input.bucketIds ?? []) if (!store.buckets.has(id)) throw badBucketId(id);
  if (input.bucketIds && input.bucketIds.length > 0) {
    const bad = input.capabilities.filter((c) => !BUCKET_SCOPED_CAPABILITIES.includes(c));
    if (bad.length > 0) throw badRequest(`Capabilities not allowed on a bucket-restricted key: ${bad.join(', ')}`);
  }
  const record: KeyRecord = {
    applicationKeyId: newApplicationKeyId(store.meta.accountId, store.nextSeq()),
    applicationKey: newSecret(),
    keyName: input.keyName,
    capabilities: [...input.capabilities],
    bucketIds: input.bucketIds && input.bucketIds.length > 0 ? [...input.bucketIds] : null,
    namePrefix: input.namePrefix,
    expirationTimestamp: input.expirationTimestamp,
    v4Only: input.v4Only,
  };
  await store.commit({ t: 'key', v: record });
  return record;
}

/** Deletes a key and revokes its outstanding tokens at once (a deleted key's sessions end with it). */
export async function deleteKeyRecord(state: EmulatorState, applicationKeyId: string): Promise<void> {
  await state.store.commit({ t: 'key-', id: applicationKeyId });
  state.tokens.revokeKey(applicationKeyId);
}

/** b2_delete_key. */
export async function createKey(ctx: ApiContext): Promise<unknown> {
  const { params, version, principal } = ctx;
  requireCapability(principal, 'writeKeys');
  if (isBucketRestricted(principal)) throw unauthorized('Bucket-restricted keys cannot create keys');
  checkAccountId(ctx);
  let bucketIds: string[] | null;
  if (version === 4) {
    if (params.has('bucketId')) throw badRequest('bucketId is not supported on API version 4; use bucketIds');
    bucketIds = params.optStringArray('bucketIds') ?? null;
  } else {
    if (params.has('bucketIds')) throw badRequest(`bucketIds is not supported on API version ${version}`);
    const one = params.optString('bucketId');
    bucketIds = one ? [one] : null;
  }
  const namePrefix = params.optString('namePrefix') ?? null;
  const restricted = bucketIds !== null && bucketIds.length > 0;
  if (namePrefix !== null && !restricted && version < 4) throw badRequest('namePrefix requires bucketId');
  const seconds = params.optInt('validDurationInSeconds');
  if (seconds !== undefined && (seconds < 1 || seconds > 86_400_000)) {
    throw badRequest('validDurationInSeconds must be between 1 and 86400000');
  }
  const record = await createKeyRecord(ctx.state.store, {
    keyName: params.string('keyName'),
    capabilities: params.optStringArray('capabilities') ?? [],
    bucketIds,
    namePrefix,
    expirationTimestamp: seconds === undefined ? null : Date.now() + seconds * 1000,
    v4Only: version === 4 && (restricted || namePrefix !== null),
  });
  return { ...keyObject(version, ctx.state.store.meta.accountId, record), applicationKey: record.applicationKey };
}

/** b2_list_keys: sorted by key ID, paged by maxKeyCount/startApplicationKeyId. */
export function listKeys(ctx: ApiContext): unknown {
  requireCapability(ctx.principal, 'listKeys');
  checkAccountId(ctx);
  const max = pageSize(ctx, 'maxKeyCount', 100, 10_000);
  const start = ctx.params.optString('startApplicationKeyId') ?? '';
  const all = [...ctx.state.store.keys.values()]
    .filter((k) => ctx.version === 4 || !k.v4Only)
    .filter((k) => k.applicationKeyId >= start)
    .sort((a, b) => (a.applicationKeyId < b.applicationKeyId ? -1 : 1));
  return {
    keys: all.slice(0, max).map((k) => keyObject(ctx.version, ctx.state.store.meta.accountId, k)),
    nextApplicationKeyId: all[max]?.applicationKeyId ?? null,
  };
}

/** b2_delete_key: returns the deleted key; its tokens stop working at once. */
export async function deleteKey(ctx: ApiContext): Promise<unknown> {
  requireCapability(ctx.principal, 'deleteKeys');
  const id = ctx.params.string('applicationKeyId');
  const key = ctx.state.store.keys.get(id);
  if (!key) throw badRequest(`application key does not exist: ${id}`);
  if (key.v4Only && ctx.version < 4) {
    throw badRequest(`This request is not currently supported on API version number ${ctx.version}`);
  }
  await deleteKeyRecord(ctx.state, id);
  return keyObject(ctx.version, ctx.state.store.meta.accountId, key);
}
