/**
 * The settings b2_create_bucket and b2_update_bucket take besides name, type, info, CORS and
 * lifecycle rules: default encryption (docs/b2-api.md §9.2), Object Lock with its default
 * retention (§10.1) and replication (§11.1). Each needs its own write capability on top of writeBuckets; a key without
 * it gets 401, never a silently ignored setting.
 */
import { requireCapability } from '../auth/enforce.js';
import { B2Error, badRequest, bucketMissingFileLock } from '../http/errors.js';
import type { BucketSettings, ReplicationConfiguration } from '../store/bucket-settings.js';
import type { DefaultRetention } from '../store/file-settings.js';
import type { BucketRecord } from '../store/model.js';
import type { ApiContext } from '../state.js';
import { parseSseJson } from './encryption.js';
import { parseReplication } from './replication.js';

/** The longest default retention B2 accepts (docs/b2-api.md §10.1). */
const MAX_RETENTION_DAYS = 3000;

/**
 * Reads `defaultServerSideEncryption`: SSE-B2 sets it, mode null or "none" clears it, SSE-C is
 * refused (a bucket cannot hold a customer's key). Returns undefined when the field is absent.
 */
function defaultSse(ctx: ApiContext): { value: BucketSettings['defaultSse'] } | undefined {
  const requested = parseSseJson(ctx.params.optAny('defaultServerSideEncryption'), 'defaultServerSideEncryption');
  if (requested === undefined) return undefined;
  requireCapability(ctx.principal, 'writeBucketEncryption');
  switch (requested.mode) {
    case 'SSE-B2':
      return { value: { mode: 'SSE-B2', algorithm: 'AES256' } };
    case 'SSE-C':
      throw badRequest('SSE-C cannot be used as default for a bucket.');
    case 'none':
      return { value: undefined };
    default: {
      const never: never = requested;
      return never;
    }
  }
}

/**
 * Reads `defaultRetention`: `{mode, period: {duration, unit}}`, or mode null to clear it. Returns
 * undefined when absent, `{value: undefined}` to clear. Throws 400.
 */
function parseDefaultRetention(raw: unknown): { value: DefaultRetention | undefined } | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('defaultRetention must be an object');
  const { mode, period } = raw as Record<string, unknown>;
  if (mode === null || mode === undefined) return { value: undefined };
  if (mode !== 'governance' && mode !== 'compliance')
    throw badRequest(`defaultRetention.mode must be governance, compliance or null, not ${JSON.stringify(mode)}`);
  if (typeof period !== 'object' || period === null)
    throw badRequest('defaultRetention.period is required with a mode');
  const { duration, unit } = period as Record<string, unknown>;
  if (unit !== 'days' && unit !== 'years') throw badRequest('defaultRetention.period.unit must be days or years');
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1)
    throw badRequest('defaultRetention.period.duration must be a positive integer');
  if ((unit === 'days' ? duration : duration * 365) > MAX_RETENTION_DAYS)
    throw badRequest(`defaultRetention.period must not exceed ${MAX_RETENTION_DAYS} days`);
  return { value: { mode, period: { duration, unit } } };
}

/**
 * Object Lock: `fileLockEnabled: true` turns it on (for good; false on a bucket that has it is 400
 * file_lock_conflict), and `defaultRetention` needs it. Both need writeBucketRetentions.
 */
function lockSettings(
  ctx: ApiContext,
  current: BucketRecord | undefined,
  replication: ReplicationConfiguration | undefined,
): Partial<BucketSettings> {
  const out: Partial<BucketSettings> = {};
  const enable = ctx.params.optBool('fileLockEnabled');
  const wasLocked = current?.fileLockEnabled === true;
  if (enable === false && wasLocked) {
    throw new B2Error(
      400,
      'file_lock_conflict',
      'fileLockEnabled value of false is not allowed when bucket is already file lock enabled.',
    );
  }
  if (enable === true && !wasLocked) {
    requireCapability(ctx.principal, 'writeBucketRetentions');
    if (current && replication?.asReplicationSource) {
      throw new B2Error(
        400,
        'source_replication_conflict',
        'Turning on file lock for an existing bucket having source replication configuration is not allowed.',
      );
    }
    out.fileLockEnabled = true;
  }
  const retention = parseDefaultRetention(ctx.params.optAny('defaultRetention'));
  if (retention) {
    requireCapability(ctx.principal, 'writeBucketRetentions');
    if (!wasLocked && out.fileLockEnabled !== true) throw bucketMissingFileLock();
    out.defaultRetention = retention.value;
  }
  return out;
}

/** `replicationConfiguration` (docs/b2-api.md §11.1), with writeBucketReplications; undefined when absent. */
function replicationSetting(
  ctx: ApiContext,
  current: BucketRecord | undefined,
): { value: ReplicationConfiguration | undefined } | undefined {
  const raw = ctx.params.optAny('replicationConfiguration');
  if (raw === undefined) return undefined;
  requireCapability(ctx.principal, 'writeBucketReplications');
  return parseReplication(ctx.state.store, raw, current?.bucketId);
}

const UNAPPLIED = {
  corsRules: 'it sends no CORS headers',
  lifecycleRules: 'it never hides or deletes files by itself',
};

/**
 * `corsRules` or `lifecycleRules`: the server applies neither, so it takes only empty lists and
 * refuses rules it would not follow (docs/b2-api.md §8). Undefined when absent.
 */
export function unappliedRules(ctx: ApiContext, field: keyof typeof UNAPPLIED): unknown[] | undefined {
  const rules = ctx.params.optArray(field);
  if (rules !== undefined && rules.length > 0)
    throw badRequest(`${field} are not implemented by this server: ${UNAPPLIED[field]}`);
  return rules;
}

/**
 * The settings a create (`current` undefined) or update call asks for, checked against the
 * caller's capabilities. Fields the call does not mention are left out, so an update keeps what
 * the bucket has.
 */
export function requestedBucketSettings(ctx: ApiContext, current?: BucketRecord): Partial<BucketSettings> {
  const replication = replicationSetting(ctx, current);
  const out: Partial<BucketSettings> = lockSettings(
    ctx,
    current,
    replication ? replication.value : current?.replication,
  );
  if (replication) out.replication = replication.value;
  const sse = defaultSse(ctx);
  if (sse) out.defaultSse = sse.value;
  return out;
}
