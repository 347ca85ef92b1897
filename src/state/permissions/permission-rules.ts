/**
 * The rule engine behind ./permissions.ts: what one B2 place asks of a key for one action.
 * Pure; the public functions live in ./permissions.ts.
 *
 * Name-prefix rules (docs/b2-api.md §2.3: B2 checks every name touched and every list prefix):
 * with P the key's namePrefix (null or '' = no limit),
 * - a file name N is inside when N starts with P;
 * - a folder F (key ending in `/`, '' = bucket root) is inside when F starts with P, which makes
 *   every name under it inside. This is conservative when P does not end in `/`: with P =
 *   `projects/a`, folder `projects/` is not inside although `projects/a1.txt` would be;
 * - a folder F is reachable (list, browse) when it is inside OR P starts with F: the user can walk
 *   from the bucket root down towards the prefix, and the B2 provider lists such a folder with the
 *   key's own prefix, so B2 never sees a list prefix outside P.
 */
import type { KeyInfo } from '../model/key-info.js';
import type { ActionInfo, ActionScope } from './permission-actions.js';
import type { B2Location, LocationBucket } from '../location/rule-location.js';
import { FOLDER_PLACEHOLDER, asFolderKey, isFolderKey, parentFolderKey } from '../location/rule-location.js';
import type { Problem, Side } from './permission-reasons.js';
import {
  allBucketsProblem,
  anyCapabilityProblem,
  bucketProblem,
  capabilityProblem,
  noBucketProblem,
  prefixProblem,
  renameOutsideProblem,
} from './permission-reasons.js';

/**
 * How the location relates to what is acted on:
 * - `target`: the location IS the file or folder acted on (checkAction, checkTransfer);
 * - `within`: the location is the folder holding the targets (the function-key bar);
 * - `anywhere`: no location; scope is left out (the key summary).
 */
export type Reading = 'target' | 'within' | 'anywhere';

/** True when the key has an expiry before `now` (ms since the epoch); at `expiresAt` itself it still works. */
export function isExpired(key: KeyInfo, now: number): boolean {
  return key.expiresAt !== null && key.expiresAt < now;
}

/** True when the key's bucket set admits the bucket: by id when the location knows it, else by name. */
export function bucketAllowed(key: KeyInfo, bucket: LocationBucket): boolean {
  if (key.buckets === null) return true;
  if (bucket.id !== undefined) return key.buckets.some((b) => b.id === bucket.id);
  // A deleted bucket (name null) never matches a name: its name may have been reused since.
  return key.buckets.some((b) => b.name !== null && b.name === bucket.name);
}

/** The key's name prefix, or null when it has none (`''` also means none). */
export function keyPrefix(key: KeyInfo): string | null {
  return key.namePrefix === null || key.namePrefix === '' ? null : key.namePrefix;
}

/** True when name N is inside prefix P. */
export function isInside(prefix: string | null, name: string): boolean {
  return prefix === null || name.startsWith(prefix);
}

/** True when folder F (any key; a `/` is added) is inside P or on the way down to P. */
export function isReachable(prefix: string | null, folder: string): boolean {
  const f = asFolderKey(folder);
  return prefix === null || f.startsWith(prefix) || prefix.startsWith(f);
}

function placeWord(key: string, side: Side | null): string {
  if (side !== null) return `the ${side}`;
  return isFolderKey(key) ? 'this folder' : 'this file';
}

/** Prefix check of one place, by scope. Returns null when the names are reachable. */
function prefixCheck(
  scope: ActionScope,
  loc: B2Location,
  prefix: string | null,
  reading: Reading,
  side: Side | null,
): Problem | null {
  if (prefix === null) return null;
  const folderOrKey = reading === 'within' ? asFolderKey(loc.key) : loc.key;
  switch (scope) {
    case 'reach': {
      const folder = asFolderKey(loc.key);
      return isReachable(prefix, folder) ? null : prefixProblem(prefix, folder, placeWord(folder, side));
    }
    case 'inside':
      return isInside(prefix, folderOrKey) ? null : prefixProblem(prefix, folderOrKey, placeWord(folderOrKey, side));
    case 'siblings': {
      if (!isInside(prefix, folderOrKey)) return prefixProblem(prefix, folderOrKey, placeWord(folderOrKey, side));
      if (reading === 'within') return null;
      const parent = parentFolderKey(loc.key);
      return isInside(prefix, parent) ? null : renameOutsideProblem(prefix, parent);
    }
    case 'placeholder': {
      const name = reading === 'within' ? folderOrKey : asFolderKey(loc.key) + FOLDER_PLACEHOLDER;
      return isInside(prefix, name) ? null : prefixProblem(prefix, name, side === null ? 'this folder' : `the ${side}`);
    }
    case 'buckets':
    case 'bucket':
    case 'account':
      return null;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** Bucket and prefix problems of one place (empty when in scope). */
function scopeProblems(
  action: ActionInfo,
  scope: ActionScope,
  loc: B2Location | null,
  key: KeyInfo,
  reading: Reading,
  side: Side | null,
): Problem[] {
  switch (scope) {
    // Bucket-limit rules of these scopes are in problemsAt, which words them with the capabilities.
    case 'account':
    case 'bucket':
    case 'buckets':
      return [];
    case 'reach':
    case 'inside':
    case 'siblings':
    case 'placeholder': {
      if (reading === 'anywhere' || loc === null) return [];
      if (loc.bucket === null) {
        // Opening a bucket from the bucket list: the bucket is the row under the cursor, not known here.
        return scope === 'reach' ? [] : [noBucketProblem(action.label)];
      }
      if (!bucketAllowed(key, loc.bucket)) return [bucketProblem(key.buckets ?? [], loc.bucket.name)];
      const problem = prefixCheck(scope, loc, keyPrefix(key), reading, side);
      return problem === null ? [] : [problem];
    }
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/**
 * Everything that stops `action` at one B2 place for `key` (not counting expiry, which the caller
 * checks first). Scope problems come first, then the missing capabilities. A problem that makes
 * capabilities moot (no bucket chosen) is returned alone.
 * @param needs capabilities asked of this place (the action's `needs` or `destinationNeeds`)
 * @param loc the place, or null with reading `anywhere`
 */
export function problemsAt(
  action: ActionInfo,
  needs: readonly string[],
  scope: ActionScope,
  loc: B2Location | null,
  key: KeyInfo,
  reading: Reading,
  side: Side | null,
): Problem[] {
  const held = new Set(key.capabilities);
  // Anyone may download from a public bucket (docs/b2-api.md §6.1): reading there asks nothing of the key,
  // and a pure read by the bucket's name (a download) not even its bucket or prefix.
  const publicRead = loc !== null && loc.bucket !== null && loc.bucket.type === 'allPublic' && side !== 'destination';
  if (publicRead && !action.needsBucketId && needs.every((c) => c === 'readFiles')) return [];
  const lacking = needs.filter((c) => !held.has(c) && !(publicRead && c === 'readFiles'));
  if ((scope === 'account' || scope === 'bucket') && key.buckets !== null) {
    // docs/b2-api.md §2.5: keys limited to buckets can't create or delete buckets or manage keys.
    return [allBucketsProblem(action.label, key.buckets, lacking)];
  }
  // docs/b2-api.md §1.5: a key limited to buckets gets its bucket list from b2_authorize_account, so
  // it needs no listBuckets to show them.
  if (scope === 'buckets' && key.buckets !== null) return [];
  const scoped = scopeProblems(action, scope, loc, key, reading, side);
  if (scoped.some((p) => p.missing.length === 0)) return scoped;
  // A key for all buckets finds a bucket's ID only with listBuckets (permission-actions.ts).
  if (
    action.needsBucketId &&
    loc !== null &&
    loc.bucket !== null &&
    key.buckets === null &&
    !held.has('listBuckets') &&
    scope !== 'buckets' &&
    scope !== 'account'
  ) {
    lacking.push('listBuckets');
  }
  const out =
    lacking.length === 0 ? scoped : [...scoped, capabilityProblem(action.label, lacking, key.capabilities, side)];
  const any = action.needsAny;
  return any.length === 0 || any.some((c) => held.has(c))
    ? out
    : [...out, anyCapabilityProblem(action.label, any, key.capabilities)];
}
