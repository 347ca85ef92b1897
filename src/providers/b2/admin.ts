/**
 * Account administration for the accounts/keys UI: application keys (v4 shapes: `bucketIds`) and
 * buckets. The key calls go through the session's `api` helper on v4 because backblaze-b2 1.7.1
 * speaks v2 there, where b2_create_key takes one `bucketId` and b2_list_keys leaves out
 * multi-bucket keys (docs/b2-api.md §1.4).
 */
import type { BucketDirectory, BucketRef } from './buckets.js';
import type { CallContext } from './error-map.js';
import type { B2Session } from './session.js';
import type { CreatedKey, KeyRecord } from '../../state/model/key-info.js';
import type { WireBucket, WireKeyV4, WireListKeysV4 } from './wire-types.js';

/** What `createKey` needs (v4 shape: `bucketIds`, any number of buckets). */
export interface CreateKeyRequest {
  keyName: string;
  capabilities: string[];
  bucketIds?: string[] | null;
  namePrefix?: string | null;
  /** 1 … 86 400 000 seconds; omit for a key that never expires. */
  validDurationInSeconds?: number;
}

function record(k: WireKeyV4): KeyRecord {
  const bucketIds =
    k.bucketIds === null || k.bucketIds === undefined || k.bucketIds.length === 0 ? null : [...k.bucketIds];
  return {
    applicationKeyId: k.applicationKeyId,
    keyName: k.keyName,
    capabilities: [...k.capabilities],
    bucketIds,
    namePrefix: k.namePrefix ?? null,
    expiresAt: k.expirationTimestamp ?? null,
  };
}

/** Key management helpers (B2Provider.keys). */
export class KeyAdmin {
  constructor(private readonly session: B2Session) {}

  /**
   * Every key of the account (pages through b2_list_keys, `pageSize` keys per call, default 1000).
   * @throws PermissionDeniedError (listKeys), TransientError
   */
  async listKeys(options: { signal?: AbortSignal; pageSize?: number } = {}): Promise<KeyRecord[]> {
    const { signal } = options;
    const ctx: CallContext = { op: 'b2_list_keys', capability: 'listKeys', action: 'Listing keys' };
    const out: KeyRecord[] = [];
    let start: string | null = null;
    do {
      const body: Record<string, unknown> = {
        accountId: this.session.auth.accountId,
        maxKeyCount: options.pageSize ?? 1000,
      };
      if (start !== null) body.startApplicationKeyId = start;
      const page: WireListKeysV4 = await this.session.api<WireListKeysV4>('b2_list_keys', body, ctx, signal);
      out.push(...page.keys.map(record));
      start = page.nextApplicationKeyId ?? null;
    } while (start !== null);
    return out;
  }

  /**
   * Creates a key. The returned `applicationKey` is secret: show it once, never log it.
   * @throws PermissionDeniedError (writeKeys), ConflictError (B2 rejected the request, with its reason), TransientError
   */
  async createKey(req: CreateKeyRequest, signal?: AbortSignal): Promise<CreatedKey> {
    const ctx: CallContext = { op: 'b2_create_key', capability: 'writeKeys', action: 'Creating a key' };
    const body: Record<string, unknown> = {
      accountId: this.session.auth.accountId,
      keyName: req.keyName,
      capabilities: req.capabilities,
    };
    if (req.bucketIds !== undefined && req.bucketIds !== null && req.bucketIds.length > 0)
      body.bucketIds = req.bucketIds;
    if (req.namePrefix !== undefined && req.namePrefix !== null && req.namePrefix !== '')
      body.namePrefix = req.namePrefix;
    if (req.validDurationInSeconds !== undefined) body.validDurationInSeconds = req.validDurationInSeconds;
    const k = await this.session.api<WireKeyV4>('b2_create_key', body, ctx, signal);
    return { ...record(k), applicationKey: k.applicationKey ?? '' };
  }

  /**
   * Deletes a key; returns what it was.
   * @throws PermissionDeniedError (deleteKeys), ConflictError (unknown key), TransientError
   */
  async deleteKey(applicationKeyId: string, signal?: AbortSignal): Promise<KeyRecord> {
    const ctx: CallContext = { op: 'b2_delete_key', capability: 'deleteKeys', action: 'Deleting a key' };
    return record(await this.session.api<WireKeyV4>('b2_delete_key', { applicationKeyId }, ctx, signal));
  }
}

/**
 * Creates a bucket (`allPrivate` unless told otherwise).
 * @throws AlreadyExistsError (name taken anywhere on B2), PermissionDeniedError (writeBuckets), ConflictError, TransientError
 */
export async function createBucket(
  session: B2Session,
  buckets: BucketDirectory,
  name: string,
  type = 'allPrivate',
  signal?: AbortSignal,
): Promise<BucketRef> {
  const ctx: CallContext = {
    op: 'b2_create_bucket',
    bucket: name,
    path: `/${name}`,
    capability: 'writeBuckets',
    action: 'Creating a bucket',
  };
  const b = await session.lib<WireBucket>(ctx, signal, (c, x) =>
    c.createBucket({ bucketName: name, bucketType: type, ...x }),
  );
  const ref = { name: b.bucketName, id: b.bucketId, type: b.bucketType };
  buckets.add(ref);
  return ref;
}

/**
 * Deletes an empty bucket.
 * @throws NotFoundError, NotEmptyError (files, versions or unfinished uploads left), PermissionDeniedError (deleteBuckets), TransientError
 */
export async function deleteBucket(
  session: B2Session,
  buckets: BucketDirectory,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  const ref = await buckets.resolve(name, signal);
  const ctx: CallContext = {
    op: 'b2_delete_bucket',
    bucket: name,
    path: `/${name}`,
    capability: 'deleteBuckets',
    action: 'Deleting a bucket',
  };
  await session.lib(ctx, signal, (c, x) => c.deleteBucket({ bucketId: ref.id, ...x }));
  buckets.forget(name);
}

/**
 * Makes a bucket public (`allPublic`) or private (`allPrivate`) with b2_update_bucket
 * (docs/b2-api.md §4.6); its other settings stay as they are.
 * @throws NotFoundError, PermissionDeniedError (writeBuckets), ConflictError, TransientError
 */
export async function setBucketType(
  session: B2Session,
  buckets: BucketDirectory,
  name: string,
  type: 'allPublic' | 'allPrivate',
  signal?: AbortSignal,
): Promise<BucketRef> {
  const ref = await buckets.resolve(name, signal);
  const ctx: CallContext = {
    op: 'b2_update_bucket',
    bucket: name,
    path: `/${name}`,
    capability: 'writeBuckets',
    action: 'Changing a bucket',
  };
  const body = { accountId: session.auth.accountId, bucketId: ref.id, bucketType: type };
  const b = await session.api<WireBucket>('b2_update_bucket', body, ctx, signal);
  const next = { ...ref, type: b.bucketType };
  buckets.add(next);
  return next;
}
