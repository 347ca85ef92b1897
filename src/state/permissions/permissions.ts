/**
 * The permission rules: may this key do this action here, and if not, why, in words a user
 * understands. Every action the UI or CLI offers is asked here first (ARCHITECTURE.md, "Permissions").
 *
 * Pure: no I/O and no clock (`now` is an argument, ms since the epoch). Local places are always
 * allowed for actions that exist there (the OS decides at run time); B2-only actions on a local
 * place are refused with a "works only on B2" reason and an empty `missing`.
 * On B2 the answer combines, in this order: expiry, the key's bucket limit (matched by id when
 * the location knows it, else by name), its name prefix (rules in ./permission-rules.ts) and
 * its capabilities. The action table and its B2 decisions are in ./permission-actions.ts.
 */
import type { KeyInfo } from '../model/key-info.js';
import type { ActionInfo, PermissionAction } from './permission-actions.js';
import { actionInfo, ACTIONS } from './permission-actions.js';
import type { B2Location, Location } from '../location/rule-location.js';
import type { Problem } from './permission-reasons.js';
import { expiredProblem, localOnlyProblem, noKeyProblem } from './permission-reasons.js';
import type { Reading } from './permission-rules.js';
import { isExpired, problemsAt } from './permission-rules.js';

export { isExpired } from './permission-rules.js';

export type { PermissionAction, ActionInfo, ActionScope } from './permission-actions.js';
export { ACTIONS, PERMISSION_ACTIONS, actionInfo, actionLabel } from './permission-actions.js';
export type { Location, LocalLocation, B2Location, LocationBucket } from '../location/rule-location.js';
export { localLocation, b2LocationFromPath } from '../location/rule-location.js';
export { summarizeKey } from './permission-summary.js';
export type { KeySummary, ActionSummary } from './permission-summary.js';

/**
 * The answer for one action.
 * - `reason`: null when allowed, else one or more sentences (raw names inside: sanitise for display).
 * - `missing`: what would be needed: capability names (`deleteFiles`), `bucket:NAME` (the bucket
 *   the action named is outside the key), `bucket:*` (only a key for all buckets may do this), or
 *   `prefix:NAME` (the object name or folder key, ending in `/`, that is outside the key's prefix).
 *   Empty for expiry, "not signed in", "open a bucket first" and "works only on B2".
 */
export interface PermissionDecision {
  allowed: boolean;
  reason: string | null;
  missing: string[];
}

/** Folds problems into a decision: no problem = allowed. Duplicate sentences and entries are dropped. */
export function decide(problems: readonly Problem[]): PermissionDecision {
  if (problems.length === 0) return { allowed: true, reason: null, missing: [] };
  const sentences = [...new Set(problems.map((p) => p.sentence))];
  const missing = [...new Set(problems.flatMap((p) => p.missing))];
  return { allowed: false, reason: sentences.join(' '), missing };
}

function evaluate(info: ActionInfo, location: Location, key: KeyInfo | null, now: number, reading: Reading): Problem[] {
  if (info.arity !== 'account' && location.kind === 'local') return info.local ? [] : [localOnlyProblem(info.label)];
  if (key === null) return [noKeyProblem(info.label)];
  if (isExpired(key, now) && key.expiresAt !== null) return [expiredProblem(key.expiresAt)];
  if (info.arity === 'account' || location.kind === 'local') {
    return problemsAt(info, info.needs, info.scope, null, key, 'anywhere', null);
  }
  if (info.id === 'list' && location.bucket === null) {
    // Listing the B2 root lists the buckets.
    return evaluate(actionInfo('list-buckets'), location, key, now, reading);
  }
  return problemsAt(info, info.needs, info.scope, location, key, reading, null);
}

/**
 * May `key` do `action` on the thing at `location`?
 * @param location the file or folder acted on (folder keys end in `/`); for `copy`/`move`/`rename`
 *   the source only (use checkTransfer for both ends); ignored by account actions (keys, create
 *   bucket); `bucket: null` is the bucket list (`list` there means listing buckets).
 * @param key the pane's key, or null when none is signed in (only local places are then allowed)
 * @param now ms since the epoch, for expiry
 */
export function checkAction(
  action: PermissionAction,
  location: Location,
  key: KeyInfo | null,
  now: number,
): PermissionDecision {
  return decide(evaluate(actionInfo(action), location, key, now, 'target'));
}

/** The two ends of a copy, move or rename, each with the key of its pane (null: none / local). */
export interface TransferKeys {
  source: KeyInfo | null;
  destination: KeyInfo | null;
}

function transferSide(
  info: ActionInfo,
  loc: B2Location,
  key: KeyInfo | null,
  now: number,
  side: 'source' | 'destination',
): Problem[] {
  if (key === null) return [noKeyProblem(info.label)];
  if (isExpired(key, now) && key.expiresAt !== null) return [expiredProblem(key.expiresAt)];
  const needs = side === 'source' ? info.needs : info.destinationNeeds;
  return problemsAt(info, needs, 'inside', loc, key, 'target', side);
}

/**
 * May this copy, move or rename happen? Each B2 end is checked with its own pane's key: the source
 * needs readFiles (move/rename: also writeFiles, for the hide marker), the destination writeFiles;
 * both names must be inside their key's bucket and prefix. Local ends are always allowed.
 * B2→B2 with one key is a server-side copy; with two keys the engine streams; the checks are the same.
 * @param source the file or folder copied (folder keys end in `/`)
 * @param destination the new name (folder keys end in `/`)
 */
export function checkTransfer(
  action: 'copy' | 'move' | 'rename',
  source: Location,
  destination: Location,
  keys: TransferKeys,
  now: number,
): PermissionDecision {
  const info = actionInfo(action);
  const problems: Problem[] = [];
  // B2 to the local disk is a download: by name, so no file ID to look up and no bucket ID
  // (permission-actions.ts).
  const download = actionInfo('download');
  const sourceInfo =
    destination.kind === 'local'
      ? { ...info, needs: info.needs.filter((c) => c !== 'listFiles'), needsBucketId: download.needsBucketId }
      : info;
  if (source.kind === 'b2') problems.push(...transferSide(sourceInfo, source, keys.source, now, 'source'));
  if (destination.kind === 'b2')
    problems.push(...transferSide(info, destination, keys.destination, now, 'destination'));
  return decide(problems);
}

/**
 * Every action at once for a pane showing the folder `location` (its key is read as a folder), for
 * greying out the function-key bar: file actions are answered for the entries in this folder, list
 * and browse for the folder itself, copy/move/rename for this side as the source, account actions
 * regardless of the folder. At the bucket list (`bucket: null`), Open bucket and Delete bucket are
 * answered for "a bucket" (capabilities and bucket-limit only).
 */
export function permissionsForLocation(
  location: Location,
  key: KeyInfo | null,
  now: number,
): Record<PermissionAction, PermissionDecision> {
  const out = {} as Record<PermissionAction, PermissionDecision>;
  for (const info of ACTIONS) out[info.id] = decide(evaluate(info, location, key, now, 'within'));
  return out;
}
