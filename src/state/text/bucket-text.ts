/**
 * A bucket's facts in words for the info dialog (F3/i on a bucket): its type and the settings B2
 * reported with it (src/state/model/entry.ts BucketSettings). What is not known says so and why —
 * B2 keeps no file count, and leaves out what the key may not read — rather than guessing.
 * Results are raw text (sanitise for display: prefixes come from outside).
 */
import type { BucketSettings, Entry, LifecycleRule } from '../model/entry.js';

const NOT_REPORTED = 'unknown: B2 has not reported it to this key';

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** "names starting with logs/: hidden 30 days after upload, deleted 7 days after being hidden". */
export function lifecycleRuleText(r: LifecycleRule): string {
  const what: string[] = [];
  if (r.daysFromUploadingToHiding !== null) what.push(`hidden ${days(r.daysFromUploadingToHiding)} after upload`);
  if (r.daysFromHidingToDeleting !== null) what.push(`deleted ${days(r.daysFromHidingToDeleting)} after being hidden`);
  const names = r.fileNamePrefix === '' ? 'all names' : `names starting with ${r.fileNamePrefix}`;
  return `${names}: ${what.length === 0 ? 'kept' : what.join(', ')}`;
}

function typeText(type: string | undefined): string {
  switch (type) {
    case undefined:
      return 'unknown';
    case 'allPrivate':
      return 'allPrivate (downloads need a key)';
    case 'allPublic':
      return 'allPublic (anyone may download by URL)';
    default:
      return type;
  }
}

function corsText(count: number | null): string {
  if (count === null) return NOT_REPORTED;
  if (count === 0) return 'none (browsers on other sites may not fetch from it)';
  return `${count} rule${count === 1 ? '' : 's'}`;
}

function encryptionText(s: BucketSettings['encryption']): string {
  if (s === 'unreadable') return 'unknown: this key may not read it (needs readBucketEncryption)';
  if (s.mode === null) return 'not set';
  return s.algorithm === null ? s.mode : `${s.mode} (${s.algorithm})`;
}

function objectLockText(s: BucketSettings['objectLock']): string {
  if (s === 'unreadable') return 'unknown: this key may not read it (needs readBucketRetentions)';
  if (!s.enabled) return 'not enabled';
  if (s.mode === null || s.period === null) return 'enabled, no default retention';
  return `enabled, default retention ${s.mode} for ${s.period.duration} ${s.period.unit}`;
}

/** Label/value rows about bucket `e` beyond its name and location. */
export function bucketFields(e: Entry): Array<[string, string]> {
  const s = e.bucketSettings;
  const rows: Array<[string, string]> = [['Type', typeText(e.bucketType)]];
  if (e.bucketId !== undefined) rows.push(['Bucket ID', e.bucketId]);
  rows.push(['Files', 'not known: B2 keeps no count']);
  if (s === undefined) {
    rows.push(
      ['Lifecycle', NOT_REPORTED],
      ['CORS rules', NOT_REPORTED],
      ['Encryption', NOT_REPORTED],
      ['Object Lock', NOT_REPORTED],
    );
    return rows;
  }
  rows.push([
    'Lifecycle',
    s.lifecycleRules.length === 0
      ? 'none: every version is kept until deleted'
      : s.lifecycleRules.map(lifecycleRuleText).join('; '),
  ]);
  rows.push(['CORS rules', corsText(s.corsRuleCount)]);
  rows.push(['Encryption', encryptionText(s.encryption)]);
  rows.push(['Object Lock', objectLockText(s.objectLock)]);
  return rows;
}
