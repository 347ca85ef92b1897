/**
 * Helpers shared by JSON API handlers: account and bucket lookups with B2's error codes.
 */
import { badBucketId, badRequest, B2Error, unauthorized } from '../http/errors.js';
import type { BucketRecord, LargeFileRecord } from '../store/model.js';
import type { ApiContext } from '../state.js';

/** Checks the required `accountId` field: it must be the caller's account. */
export function checkAccountId(ctx: ApiContext): void {
  const accountId = ctx.params.string('accountId');
  if (accountId !== ctx.state.store.meta.accountId)
    throw unauthorized('accountId does not match the authorized account');
}

/** The bucket with this ID, or 400 bad_bucket_id. */
export function bucketById(ctx: ApiContext, bucketId: string): BucketRecord {
  const b = ctx.state.store.buckets.get(bucketId);
  if (!b) throw badBucketId(bucketId);
  return b;
}

/** The unfinished large file with this ID, or 400 bad_request. */
export function largeFileById(ctx: ApiContext, fileId: string): LargeFileRecord {
  const l = ctx.state.store.largeFiles.get(fileId);
  if (!l) throw badRequest(`Invalid fileId: ${fileId}`);
  return l;
}

/**
 * Validates a page-size parameter: absent or 0 means the default; outside 1…max gives
 * 400 out_of_range (docs/b2-api.md §7).
 */
export function pageSize(ctx: ApiContext, name: string, def: number, max: number): number {
  const n = ctx.params.optInt(name);
  if (n === undefined || n === 0) return def;
  if (n < 1 || n > max) throw new B2Error(400, 'out_of_range', `${name} out of range: ${n} (1 to ${max})`);
  return n;
}
