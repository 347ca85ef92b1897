/**
 * A B2 file's encryption, retention and legal hold in words, for Info (i / F3) and `b2c ls -l`,
 * plus its bucket's defaults (docs/b2-api.md §9, §10). A fact B2 withheld from this key reads
 * "unknown — the key cannot read it (needs …)", never a guess. Results are raw text (sanitise
 * for display).
 */
import type { BucketSettings, Entry, FileEncryption } from '../model/entry.js';
import { formatUntil, retentionActive } from '../permissions/object-lock.js';

const cannotRead = (capability: string): string => `unknown — the key cannot read it (needs ${capability})`;

/** "SSE-B2 (AES256)", "none". */
export function encryptionShort(e: FileEncryption): string {
  return e.mode === 'none' || e.algorithm === null ? e.mode : `${e.mode} (${e.algorithm})`;
}

function encryptionText(e: FileEncryption): string {
  switch (e.mode) {
    case 'none':
      return 'none: stored unencrypted';
    case 'SSE-B2':
      return `${encryptionShort(e)}, with a key B2 keeps`;
    case 'SSE-C':
      return `${encryptionShort(e)}, with a customer key: downloads and copies need it`;
    default:
      return encryptionShort(e);
  }
}

/** "governance until 2027-01-01", "none", "unknown — …"; the short form `ls -l` and JSON-free views use. */
export function retentionShort(r: Entry['retention']): string {
  if (r === undefined || r === null) return 'none';
  if (r === 'unreadable') return cannotRead('readFileRetentions');
  return `${r.mode} until ${formatUntil(r.retainUntil)}`;
}

function retentionText(r: Entry['retention'], now: number): string {
  if (r === undefined || r === null || r === 'unreadable') return retentionShort(r);
  if (!retentionActive(r, now)) return `${retentionShort(r)} (over: it keeps the file no more)`;
  return r.mode === 'governance'
    ? `${retentionShort(r)} (only bypassGovernance lifts it)`
    : r.mode === 'compliance'
      ? `${retentionShort(r)} (nobody can delete it before)`
      : retentionShort(r);
}

/** "on", "off", "unknown — …". */
export function legalHoldShort(h: Entry['legalHold']): string {
  if (h === 'unreadable') return cannotRead('readFileLegalHolds');
  return h === true ? 'on' : 'off';
}

function bucketDefaultsText(s: BucketSettings | undefined): string {
  if (s === undefined) return 'unknown: B2 has not reported them to this key';
  const enc =
    s.encryption === 'unreadable'
      ? 'encryption unknown (needs readBucketEncryption)'
      : `${s.encryption.mode ?? 'no encryption'} for new files`;
  const lock =
    s.objectLock === 'unreadable'
      ? 'Object Lock unknown (needs readBucketRetentions)'
      : !s.objectLock.enabled
        ? 'no Object Lock'
        : s.objectLock.mode === null || s.objectLock.period === null
          ? 'Object Lock on, no default retention'
          : `Object Lock on, ${s.objectLock.mode} ${s.objectLock.period.duration} ${s.objectLock.period.unit}`;
  return `${enc}; ${lock}`;
}

/**
 * Label/value rows about file `e`'s protection, for the facts its provider reported (none on
 * the local disk); `now` tells whether a retention is over.
 */
export function protectionFields(e: Entry, now: number): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (e.encryption !== undefined) rows.push(['Encryption', encryptionText(e.encryption)]);
  if (e.retention !== undefined) rows.push(['Retention', retentionText(e.retention, now)]);
  if (e.legalHold !== undefined)
    rows.push([
      'Legal hold',
      e.legalHold === true ? 'on: nobody can delete it until released' : legalHoldShort(e.legalHold),
    ]);
  return rows;
}

/** The row about a B2 file's bucket defaults (encryption, Object Lock); none off B2. */
export function bucketRulesFields(e: Entry): Array<[string, string]> {
  return e.bucketSettings !== undefined || e.encryption !== undefined
    ? [['Bucket rules', bucketDefaultsText(e.bucketSettings)]]
    : [];
}
