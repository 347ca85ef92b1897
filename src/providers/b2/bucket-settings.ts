/**
 * A bucket object's settings (lifecycle rules, CORS rule count, default encryption, Object Lock) as plain data for
 * the info dialog (docs/b2-api.md §4.6). Parsed defensively: a field of an unexpected shape counts
 * as not known rather than failing a listing. Without the read capability for a setting B2 sends
 * `isClientAuthorizedToRead: false` and no value: that is `'unreadable'`, never "not set".
 */
import type { BucketSettings, LifecycleRule } from '../types.js';
import type { WireBucket } from './wire-types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function lifecycle(raw: unknown): LifecycleRule[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter(isObject).map((r) => ({
    fileNamePrefix: typeof r.fileNamePrefix === 'string' ? r.fileNamePrefix : '',
    daysFromUploadingToHiding: numberOrNull(r.daysFromUploadingToHiding),
    daysFromHidingToDeleting: numberOrNull(r.daysFromHidingToDeleting),
  }));
}

/** The `value` of a `{isClientAuthorizedToRead, value}` envelope; 'unreadable' when the key may not see it. */
function envelope(raw: unknown): Json | null | 'unreadable' {
  if (!isObject(raw)) return null;
  if (raw.isClientAuthorizedToRead === false) return 'unreadable';
  return isObject(raw.value) ? raw.value : null;
}

function encryption(raw: unknown): BucketSettings['encryption'] | null {
  const v = envelope(raw);
  if (v === 'unreadable') return v;
  if (isObject(raw) && raw.isClientAuthorizedToRead === true && raw.value === null)
    return { mode: null, algorithm: null };
  return v === null ? null : { mode: stringOrNull(v.mode), algorithm: stringOrNull(v.algorithm) };
}

function objectLock(raw: unknown): BucketSettings['objectLock'] | null {
  const v = envelope(raw);
  if (v === 'unreadable') return v;
  if (v === null || typeof v.isFileLockEnabled !== 'boolean') return null;
  const retention = isObject(v.defaultRetention) ? v.defaultRetention : {};
  const period =
    isObject(retention.period) &&
    typeof retention.period.duration === 'number' &&
    typeof retention.period.unit === 'string'
      ? { duration: retention.period.duration, unit: retention.period.unit }
      : null;
  return { enabled: v.isFileLockEnabled, mode: stringOrNull(retention.mode), period };
}

/** The settings of `b`, or undefined when its answer did not carry them in a shape b2c knows. */
export function bucketSettings(b: WireBucket): BucketSettings | undefined {
  const rules = lifecycle(b.lifecycleRules);
  const enc = encryption(b.defaultServerSideEncryption);
  const lock = objectLock(b.fileLockConfiguration);
  if (rules === null || enc === null || lock === null) return undefined;
  const corsRuleCount = Array.isArray(b.corsRules) ? b.corsRules.length : null;
  return { lifecycleRules: rules, corsRuleCount, encryption: enc, objectLock: lock };
}
