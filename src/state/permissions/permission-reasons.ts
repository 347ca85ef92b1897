/**
 * The sentences the permission rules give users, in one place so they read alike everywhere
 * (status line, CLI refusals, key inspector). Each problem carries the `missing` entries it explains.
 * Names (buckets, prefixes) are raw: the UI sanitises before display (ARCHITECTURE.md, "Terminal facts").
 */
import type { AllowedBucket } from '../model/key-info.js';
import { capabilityGroupInfo, describeCapability, sortCapabilities } from './capabilities.js';

/** One reason an action is refused, and what would be needed (capability, `bucket:…`, `prefix:…`). */
export interface Problem {
  missing: string[];
  sentence: string;
}

/** Which end of a two-location action a problem is about. */
export type Side = 'source' | 'destination';

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "2026-05-01" (UTC) for a time in ms since the epoch; the raw number if it is not a valid date. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().slice(0, 10);
}

/** "This key expired on 2026-05-01." */
export function expiredProblem(expiresAt: number): Problem {
  return { missing: [], sentence: `This key expired on ${formatDay(expiresAt)}.` };
}

/** No key is known for a B2 place (not signed in). */
export function noKeyProblem(label: string): Problem {
  return { missing: [], sentence: `${label} needs a B2 application key; none is signed in here.` };
}

/** A B2-only action asked about a local place. */
export function localOnlyProblem(label: string): Problem {
  return { missing: [], sentence: `${label} works only on B2; this is the local disk.` };
}

/** A per-bucket action asked about the bucket list itself. */
export function noBucketProblem(label: string): Problem {
  return { missing: [], sentence: `${label} works inside a bucket; open a bucket first.` };
}

/**
 * Describes a key's bucket set: "bucket photos", "buckets photos and docs",
 * "bucket photos and a deleted bucket", "2 deleted buckets".
 */
export function describeBuckets(buckets: readonly AllowedBucket[]): string {
  const names = buckets.flatMap((b) => (b.name === null ? [] : [b.name]));
  const deleted = buckets.length - names.length;
  const parts: string[] = [];
  if (names.length > 0) parts.push(`${names.length === 1 ? 'bucket' : 'buckets'} ${joinAnd(names)}`);
  if (deleted === 1) parts.push('a deleted bucket');
  if (deleted > 1) parts.push(`${deleted} deleted buckets`);
  return parts.length === 0 ? 'no bucket' : parts.join(' and ');
}

/** "This key is limited to bucket photos; backups is outside it." */
export function bucketProblem(buckets: readonly AllowedBucket[], bucketName: string): Problem {
  return {
    missing: [`bucket:${bucketName}`],
    sentence: `This key is limited to ${describeBuckets(buckets)}; ${bucketName} is outside it.`,
  };
}

/**
 * "Create bucket needs a key for all buckets with the writeBuckets capability; this key is limited
 * to bucket photos." One sentence, because B2 never gives a bucket-limited key those capabilities
 * (docs/b2-api.md §2.5): `lacking` is named in the sentence and in `missing`, after `bucket:*`.
 */
export function allBucketsProblem(
  label: string,
  buckets: readonly AllowedBucket[],
  lacking: readonly string[],
): Problem {
  const withCaps =
    lacking.length === 0 ? '' : ` with the ${joinAnd(lacking)} ${lacking.length === 1 ? 'capability' : 'capabilities'}`;
  return {
    missing: ['bucket:*', ...lacking],
    sentence: `${label} needs a key for all buckets${withCaps}; this key is limited to ${describeBuckets(buckets)}.`,
  };
}

/**
 * "This key only reaches names starting with projects/a/; this folder is outside it."
 * `what` names the place ("this folder", "this file", "the destination"); `name` is the object
 * name or folder key that is outside, reported as `prefix:NAME`.
 */
export function prefixProblem(prefix: string, name: string, what: string): Problem {
  return {
    missing: [`prefix:${name}`],
    sentence: `This key only reaches names starting with ${prefix}; ${what} is outside it.`,
  };
}

/** Rename when the file is inside the prefix but its folder is not (a prefix without a final `/`). */
export function renameOutsideProblem(prefix: string, folder: string): Problem {
  return {
    missing: [`prefix:${folder}`],
    sentence: `This key only reaches names starting with ${prefix}; a new name in this folder could fall outside it.`,
  };
}

/**
 * "Delete needs the deleteFiles capability; this key has listFiles, readFiles, writeFiles."
 * The key's capabilities shown are those in the same groups as the missing ones, so the sentence
 * stays short for keys with many capabilities; when it has none there: "no file capabilities".
 */
export function capabilityProblem(
  label: string,
  lacking: readonly string[],
  held: readonly string[],
  side: Side | null,
): Problem {
  const groups = [...new Set(lacking.map((c) => describeCapability(c).group))];
  const relevant = sortCapabilities(held.filter((c) => groups.includes(describeCapability(c).group)));
  const has =
    relevant.length > 0
      ? relevant.join(', ')
      : `no ${joinOr(groups.map((g) => capabilityGroupInfo(g).noun))} capabilities`;
  const noun = lacking.length === 1 ? 'capability' : 'capabilities';
  const where = side === null ? '' : side === 'source' ? ' on the source' : ' at the destination';
  return {
    missing: [...lacking],
    sentence: `${label} needs the ${joinAnd(lacking)} ${noun}${where}; this key has ${has}.`,
  };
}

/**
 * "Look up names needs the listFiles or readFiles capability; this key has writeFiles." `missing`
 * names the first alternative (the one that does most).
 */
export function anyCapabilityProblem(label: string, anyOf: readonly string[], held: readonly string[]): Problem {
  const groups = [...new Set(anyOf.map((c) => describeCapability(c).group))];
  const relevant = sortCapabilities(held.filter((c) => groups.includes(describeCapability(c).group)));
  const has =
    relevant.length > 0
      ? relevant.join(', ')
      : `no ${joinOr(groups.map((g) => capabilityGroupInfo(g).noun))} capabilities`;
  return {
    missing: anyOf.slice(0, 1),
    sentence: `${label} needs the ${joinOr(anyOf)} capability; this key has ${has}.`,
  };
}

/**
 * "B2 refused: upload is not allowed for this key." — B2 said no and nothing about the key
 * explains why (the B2 provider's last resort when mapping a 401).
 */
export function refusedProblem(label: string): Problem {
  return { missing: [], sentence: `B2 refused: ${label.toLowerCase()} is not allowed for this key.` };
}

/** `a`, `a or b`, `a, b or c`. */
function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
