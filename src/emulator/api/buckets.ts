/**
 * Bucket endpoints: b2_create_bucket, b2_list_buckets, b2_update_bucket, b2_delete_bucket
 * (docs/b2-api.md §4.6). Names are 6–63 characters of [A-Za-z0-9-], unique case-insensitively,
 * not starting with "b2-"; at most 100 buckets.
 */
import { bucketById, checkAccountId } from './api-common.js';
import { isBucketRestricted, requireBucket, requireCapability, bucketAllowed } from '../auth/enforce.js';
import { B2Error, badRequest, unauthorized } from '../http/errors.js';
import { newBucketId } from '../store/ids.js';
import type { BucketSettings } from '../store/bucket-settings.js';
import type { BucketRecord } from '../store/model.js';
import { requestedBucketSettings, unappliedRules } from './bucket-settings.js';
import { bucketObject } from './shapes.js';
import type { ApiContext } from '../state.js';
import type { Store } from '../store/store.js';

const MAX_BUCKETS = 100;
const BUCKET_TYPES = new Set(['allPublic', 'allPrivate']);

/** Fields of a new bucket (settings already checked, see bucket-settings.ts). */
export interface NewBucket extends Partial<BucketSettings> {
  bucketName: string;
  bucketType: string;
  bucketInfo?: Record<string, unknown>;
  corsRules?: unknown[];
  lifecycleRules?: unknown[];
}

/** Validates and creates a bucket. Throws 400 with B2's codes. */
export async function createBucketRecord(store: Store, input: NewBucket): Promise<BucketRecord> {
  const name = input.bucketName;
  if (!/^[A-Za-z0-9-]{6,63}$/.test(name) || name.toLowerCase().startsWith('b2-')) {
    throw badRequest(`Invalid bucketName: ${name}`);
  }
  if (!BUCKET_TYPES.has(input.bucketType)) throw badRequest(`Invalid bucketType: ${input.bucketType}`);
  if (store.bucketByName(name)) throw new B2Error(400, 'duplicate_bucket_name', 'Bucket name is already in use.');
  if (store.buckets.size >= MAX_BUCKETS)
    throw new B2Error(400, 'too_many_buckets', `Account already has ${MAX_BUCKETS} buckets`);
  const { bucketInfo, corsRules, lifecycleRules, ...settings } = input;
  const record: BucketRecord = {
    ...settings,
    bucketId: newBucketId(),
    bucketName: name,
    bucketType: input.bucketType,
    bucketInfo: bucketInfo ?? {},
    corsRules: corsRules ?? [],
    lifecycleRules: lifecycleRules ?? [],
    revision: 1,
  };
  await store.commit({ t: 'bucket', v: record });
  return record;
}

/**
 * Deletes a bucket that holds nothing.
 * @throws 400 `cannot_delete_non_empty_bucket` when it holds any file version or unfinished upload
 */
export async function deleteBucketRecord(store: Store, bucket: BucketRecord): Promise<void> {
  if (!store.index(bucket.bucketId).isEmpty()) {
    throw new B2Error(400, 'cannot_delete_non_empty_bucket', `Cannot delete non-empty bucket ${bucket.bucketName}`);
  }
  await store.commit({ t: 'bucket-', id: bucket.bucketId });
}

/** b2_create_bucket. Bucket-restricted keys may not create buckets. */
export async function createBucket(ctx: ApiContext): Promise<unknown> {
  requireCapability(ctx.principal, 'writeBuckets');
  if (isBucketRestricted(ctx.principal)) throw unauthorized('Bucket-restricted keys cannot create buckets');
  checkAccountId(ctx);
  const { params } = ctx;
  const record = await createBucketRecord(ctx.state.store, {
    ...requestedBucketSettings(ctx),
    bucketName: params.string('bucketName'),
    bucketType: params.string('bucketType'),
    bucketInfo: params.optObject('bucketInfo'),
    corsRules: unappliedRules(ctx, 'corsRules'),
    lifecycleRules: unappliedRules(ctx, 'lifecycleRules'),
  });
  return bucketObject(ctx.shape, record);
}

/**
 * b2_list_buckets, sorted by name. A bucket-restricted key must name an allowed bucket:
 * without a filter v2+ answers 401, v1 quietly lists only the allowed buckets (the 2018
 * "workaround", docs/b2-api.md §1.2, §1.5).
 */
export function listBuckets(ctx: ApiContext): unknown {
  const p = ctx.principal;
  requireCapability(p, 'listBuckets');
  checkAccountId(ctx);
  const bucketId = ctx.params.optString('bucketId') || undefined;
  const bucketName = ctx.params.optString('bucketName') || undefined;
  const types = ctx.params.optStringArray('bucketTypes');
  const store = ctx.state.store;
  if (isBucketRestricted(p)) {
    if (bucketId !== undefined) requireBucket(p, bucketId);
    else if (bucketName !== undefined) {
      const b = store.bucketByName(bucketName);
      if (!b) throw unauthorized('The application key is not allowed to access that bucket');
      requireBucket(p, b.bucketId);
    } else if (ctx.version > 1) {
      throw unauthorized('A bucket-restricted application key must list buckets with bucketId or bucketName');
    }
  }
  const all = !types || types.includes('all');
  const buckets = [...store.buckets.values()]
    .filter((b) => bucketAllowed(p, b.bucketId))
    .filter((b) => bucketId === undefined || b.bucketId === bucketId)
    .filter((b) => bucketName === undefined || b.bucketName.toLowerCase() === bucketName.toLowerCase())
    .filter((b) => all || types.includes(b.bucketType))
    .sort((a, b) => (a.bucketName < b.bucketName ? -1 : a.bucketName > b.bucketName ? 1 : 0));
  return { buckets: buckets.map((b) => bucketObject(ctx.shape, b)) };
}

/** b2_update_bucket: bumps `revision`; an `ifRevisionIs` mismatch gives 409 conflict. */
export async function updateBucket(ctx: ApiContext): Promise<unknown> {
  requireCapability(ctx.principal, 'writeBuckets');
  checkAccountId(ctx);
  const { params } = ctx;
  const current = bucketById(ctx, params.string('bucketId'));
  requireBucket(ctx.principal, current.bucketId);
  const ifRevisionIs = params.optInt('ifRevisionIs');
  if (ifRevisionIs !== undefined && ifRevisionIs !== current.revision) {
    throw new B2Error(409, 'conflict', 'simultaneous updates to bucket');
  }
  const bucketType = params.optString('bucketType');
  if (bucketType !== undefined && !BUCKET_TYPES.has(bucketType)) throw badRequest(`Invalid bucketType: ${bucketType}`);
  const next: BucketRecord = {
    ...current,
    ...requestedBucketSettings(ctx, current),
    bucketType: bucketType ?? current.bucketType,
    bucketInfo: params.optObject('bucketInfo') ?? current.bucketInfo,
    corsRules: unappliedRules(ctx, 'corsRules') ?? current.corsRules,
    lifecycleRules: unappliedRules(ctx, 'lifecycleRules') ?? current.lifecycleRules,
    revision: current.revision + 1,
  };
  await ctx.state.store.commit({ t: 'bucket', v: next });
  return bucketObject(ctx.shape, next);
}

/** b2_delete_bucket: 400 cannot_delete_non_empty_bucket while versions or unfinished large files remain. */
export async function deleteBucket(ctx: ApiContext): Promise<unknown> {
  requireCapability(ctx.principal, 'deleteBuckets');
  checkAccountId(ctx);
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(ctx.principal, bucket.bucketId);
  await deleteBucketRecord(ctx.state.store, bucket);
  return bucketObject(ctx.shape, bucket);
}
