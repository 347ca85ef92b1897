/**
 * Checking a new application key before asking B2 for it, shared by the create-key form and
 * `b2c keys create`. The rules are B2's (docs/b2-api.md §2.5):
 * - keyName: 1–100 characters of `A–Z a–z 0–9 -`;
 * - at least one capability, each one B2 knows;
 * - a key limited to buckets may hold only bucket-scoped capabilities (no key management,
 *   writeBuckets or deleteBuckets);
 * - a name prefix applies within the chosen buckets, so it needs at least one bucket;
 * - validDurationInSeconds: 1 … 86 400 000 (just under 1000 days), or none for a key that never expires.
 * Pure.
 */
import { CAPABILITIES, describeCapability } from '../permissions/capabilities.js';
import { formatDuration } from '../text/format.js';

/** Longest lifetime B2 accepts, in seconds (1000 days minus nothing: 86 400 000 s). */
export const MAX_KEY_SECONDS = 86_400_000;

const KEY_NAME = /^[A-Za-z0-9-]{1,100}$/;

/** Why `name` cannot be a B2 key name, or null when it can. Never echoes the name. */
export function keyNameProblem(name: string): string | null {
  if (name === '') return 'A key needs a name.';
  if (name.length > 100) return 'A key name can be at most 100 characters long.';
  if (!KEY_NAME.test(name)) return 'A key name may contain only letters, digits and hyphens (-).';
  return null;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Result of {@link parseLifetime}: seconds, or null for "never expires". */
export type LifetimeResult = { ok: true; seconds: number | null } | { ok: false; message: string };

/**
 * Parses a key lifetime: `''` or `never` (no expiry), or a whole number with a unit:
 * `90s`, `30m`, `12h`, `7d`, `2w`. Must come to 1 … {@link MAX_KEY_SECONDS} seconds.
 */
export function parseLifetime(text: string): LifetimeResult {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'never') return { ok: true, seconds: null };
  const m = /^(\d+)\s*([smhdw])$/.exec(t);
  if (m === null)
    return {
      ok: false,
      message: 'Give the lifetime as a number and a unit, like 7d, 12h, 30m or 90s (or leave it empty for no expiry).',
    };
  const seconds = Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  if (seconds < 1) return { ok: false, message: 'A key must live at least 1 second.' };
  if (seconds > MAX_KEY_SECONDS)
    return { ok: false, message: `B2 keys can live at most 1000 days (${MAX_KEY_SECONDS} seconds).` };
  return { ok: true, seconds };
}

/** "never", or "7d 00h" for a lifetime in seconds. */
export function describeLifetime(seconds: number | null): string {
  return seconds === null ? 'never' : formatDuration(seconds);
}

/** What the user asked for, before checking. `bucketIds` empty = all buckets. */
export interface KeyDraft {
  keyName: string;
  capabilities: readonly string[];
  bucketIds: readonly string[];
  namePrefix: string;
  lifetime: string;
}

/** The fields a problem can be about (the form focuses that field). */
export type KeyDraftField = 'name' | 'buckets' | 'prefix' | 'capabilities' | 'lifetime';

/** One thing wrong with a draft. */
export interface KeyDraftProblem {
  field: KeyDraftField;
  message: string;
}

/** A checked request, shaped like the B2 provider's CreateKeyRequest. */
export interface CheckedKeyRequest {
  keyName: string;
  capabilities: string[];
  bucketIds: string[] | null;
  namePrefix: string | null;
  validDurationInSeconds?: number;
}

/** Capabilities a key limited to buckets may not hold, in catalog order. */
export function notBucketScoped(capabilities: readonly string[]): string[] {
  return capabilities.filter((c) => !describeCapability(c).bucketScoped || !describeCapability(c).known);
}

/**
 * Checks a draft against B2's rules (see the module comment). Capabilities keep the catalog's
 * order and lose duplicates.
 */
export function validateKeyDraft(
  draft: KeyDraft,
): { ok: true; request: CheckedKeyRequest } | { ok: false; problems: KeyDraftProblem[] } {
  const problems: KeyDraftProblem[] = [];
  const nameProblem = keyNameProblem(draft.keyName);
  if (nameProblem !== null) problems.push({ field: 'name', message: nameProblem });
  const unknown = draft.capabilities.filter((c) => !describeCapability(c).known);
  if (draft.capabilities.length === 0)
    problems.push({ field: 'capabilities', message: 'Choose at least one capability (or a preset).' });
  if (unknown.length > 0)
    problems.push({ field: 'capabilities', message: `Unknown capabilities: ${unknown.join(', ')}.` });
  const bucketIds = [...new Set(draft.bucketIds)];
  const wide = notBucketScoped(draft.capabilities).filter((c) => !unknown.includes(c));
  if (bucketIds.length > 0 && wide.length > 0) {
    problems.push({
      field: 'capabilities',
      message: `A key limited to buckets cannot have ${wide.join(', ')} (B2 allows only bucket-level capabilities there).`,
    });
  }
  const prefix = draft.namePrefix;
  if (prefix !== '' && bucketIds.length === 0)
    problems.push({
      field: 'prefix',
      message: 'A name prefix works within chosen buckets: choose at least one bucket, or clear the prefix.',
    });
  const lifetime = parseLifetime(draft.lifetime);
  if (!lifetime.ok) problems.push({ field: 'lifetime', message: lifetime.message });
  if (problems.length > 0 || !lifetime.ok) return { ok: false, problems };
  const held = new Set(draft.capabilities);
  const capabilities = CAPABILITIES.map((c) => c.name).filter((n) => held.has(n));
  return {
    ok: true,
    request: {
      keyName: draft.keyName,
      capabilities,
      bucketIds: bucketIds.length === 0 ? null : bucketIds,
      namePrefix: prefix === '' ? null : prefix,
      ...(lifetime.seconds === null ? {} : { validDurationInSeconds: lifetime.seconds }),
    },
  };
}
