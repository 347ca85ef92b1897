/**
 * What Object Lock allows for one file version (docs/b2-api.md §10.2, §10.4), decided from the
 * facts the listing reported, exactly as B2 decides: deleting a version is refused under a legal
 * hold, under a compliance retention until its date, and under a governance retention unless the
 * key holds bypassGovernance and the delete says so. Hiding is never refused: a hide marker
 * deletes nothing. A fact the key may not read (`'unreadable'`) refuses nothing here: B2 then
 * answers for itself. Pure: the clock is an argument.
 */
import type { Entry, FileRetention } from '../model/entry.js';
import type { KeyInfo } from '../model/key-info.js';
import { formatDay } from './permission-reasons.js';

/** The facts a decision reads. */
export type LockFacts = Pick<Entry, 'retention' | 'legalHold'>;

/**
 * `free`: nothing holds the version. `bypass`: a governance retention this key may lift; the
 * delete must send bypassGovernance (and the user should be told). `locked`: B2 will refuse.
 * `reason` is a short phrase: "retained until 2027-01-01 (compliance)", "legal hold on".
 */
export type LockVerdict =
  | { kind: 'free' }
  | { kind: 'bypass'; reason: string }
  /** `missing`: `bypassGovernance` when only that capability stands in the way, else empty. */
  | { kind: 'locked'; reason: string; missing: string[] };

/** "2027-01-01", or "2027-01-01 12:30 UTC" when the time is not midnight UTC. */
export function formatUntil(ms: number): string {
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' && iso.slice(17, 23) === '00.000' ? formatDay(ms) : `${formatDay(ms)} ${time} UTC`;
}

/** "retained until 2027-01-01 (compliance)". */
export function retainedPhrase(r: FileRetention): string {
  return `retained until ${formatUntil(r.retainUntil)} (${r.mode})`;
}

/** True while `r` still protects its version at `now`. */
export function retentionActive(r: LockFacts['retention'], now: number): r is FileRetention {
  return r !== undefined && r !== null && r !== 'unreadable' && r.retainUntil > now;
}

/** Whether `key` may delete the version described by `facts` at `now` (see the module comment). */
export function deleteVerdict(facts: LockFacts, key: KeyInfo | null, now: number): LockVerdict {
  if (facts.legalHold === true) return { kind: 'locked', reason: 'legal hold on', missing: [] };
  const r = facts.retention;
  if (!retentionActive(r, now)) return { kind: 'free' };
  const phrase = retainedPhrase(r);
  if (r.mode !== 'governance') return { kind: 'locked', reason: phrase, missing: [] };
  if (key?.capabilities.includes('bypassGovernance') === true) return { kind: 'bypass', reason: phrase };
  return {
    kind: 'locked',
    reason: `${phrase}; only a key with bypassGovernance may delete it`,
    missing: ['bypassGovernance'],
  };
}

/** A row a delete acts on, as far as Object Lock is concerned. */
export type LockTarget = LockFacts & Pick<Entry, 'name' | 'kind' | 'hidden'>;

/**
 * Object Lock over the `targets` of one delete: `refusal` names the first file B2 would keep
 * ("report.pdf is retained until 2027-01-01 (compliance)"), `bypass` the first whose governance
 * retention this delete would lift. Only files' listed (newest real) versions are judged: with
 * `newestOnly` a hidden file's newest version is its hide marker, which nothing locks. Folders and
 * older versions are judged when the deletion runs.
 */
export function deleteTargetsLock(
  targets: readonly LockTarget[],
  newestOnly: boolean,
  key: KeyInfo | null,
  now: number,
): { refusal: string | null; bypass: string | null } {
  let bypass: string | null = null;
  for (const t of targets) {
    if (t.kind !== 'file' || (newestOnly && t.hidden === true)) continue;
    const v = deleteVerdict(t, key, now);
    if (v.kind === 'locked') return { refusal: `${t.name} is ${v.reason}.`, bypass: null };
    if (v.kind === 'bypass') bypass ??= `${t.name} is ${v.reason}`;
  }
  return { refusal: null, bypass };
}
