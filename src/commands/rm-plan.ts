/**
 * What `b2c rm` will remove, decided before anything is removed: each URL is checked against the
 * permission rules (no request for what the key forbids), then `stat`ed (a name whose newest
 * version is a hide marker still counts for `--all-versions` and `--version`), and folders are
 * refused without `-r`.
 */
import type { RemoveMode } from '../providers/types.js';
import type { Provider } from '../providers/types.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { ruleLocation } from '../state/location/rule-location.js';
import { checkAction, type PermissionDecision } from '../state/permissions/permissions.js';
import { removeAction, type KnownEntry } from '../transfers/index.js';
import { eitherKind, isFolderEntry, knownOf, statOrNull, urlKind } from './location-checks.js';
import type { CliLocation } from './location-url.js';
import type { JobResult } from './progress-results.js';

/** One URL that will be removed. */
export interface RemoveTarget {
  loc: CliLocation;
  mode: RemoveMode;
  folder: boolean;
  known: KnownEntry;
  /** The newest version's file ID (B2 files), for the dry run's wording. */
  fileId: string | null;
}

/** What rm-plan needs from the session. */
export interface RemoveContext {
  providerOf(loc: CliLocation): Provider;
  keyInfo: KeyInfo | null;
  now: number;
}

/**
 * May `key` remove `path` (of `loc`'s side) with `mode`?
 * @param knownVersion `--version ID`: the version is named, nothing is listed to find it
 */
export function removeDecision(
  loc: CliLocation,
  path: string,
  mode: RemoveMode,
  key: KeyInfo | null,
  now: number,
  dir: boolean | null,
  knownVersion = false,
): PermissionDecision {
  const action = removeAction(mode, loc.kind === 'b2', knownVersion);
  const k = loc.kind === 'b2' ? key : null;
  if (dir !== null) return checkAction(action, ruleLocation(loc.kind, path, { dir }), k, now);
  return eitherKind((d) => checkAction(action, ruleLocation(loc.kind, path, { dir: d }), k, now));
}

function refusedRow(loc: CliLocation, kind: string, message: string): JobResult {
  return {
    source: loc.raw,
    target: null,
    kind: 'delete',
    isDir: false,
    state: 'failed',
    bytes: 0,
    sha1: null,
    verified: null,
    note: null,
    error: { kind, message, detail: null },
  };
}

async function hasVersions(p: Provider, path: string): Promise<boolean> {
  if (!p.versions) return false;
  try {
    for await (const page of p.versions(path, { pageSize: 1 })) return page.length > 0;
  } catch {
    return false;
  }
  return false;
}

/**
 * Checks one URL.
 * @param fileId `--version ID`: that version of a file is removed, no `stat` needed
 * @throws provider errors other than "not found" from `stat`
 */
export async function planRemove(
  loc: CliLocation,
  mode: RemoveMode,
  options: { recursive: boolean; fileId: string | null },
  ctx: RemoveContext,
): Promise<RemoveTarget | JobResult> {
  const byId = options.fileId !== null;
  const decision = removeDecision(loc, loc.path, mode, ctx.keyInfo, ctx.now, byId ? false : null, byId);
  if (!decision.allowed) return refusedRow(loc, 'permission-denied', decision.reason ?? 'Not allowed.');
  const file: KnownEntry = { kind: 'file', size: 0, mtimeMs: null, sha1: null };
  if (options.fileId !== null) return { loc, mode, folder: false, known: file, fileId: options.fileId };
  const p = ctx.providerOf(loc);
  const entry = await statOrNull(p, loc.path, urlKind(loc, options.recursive));
  if (entry === null) {
    // A hidden name (newest version a hide marker) has versions left to delete.
    if (mode !== 'hide' && mode !== 'default' && (await hasVersions(p, loc.path)))
      return { loc, mode, folder: false, known: file, fileId: null };
    return refusedRow(loc, 'not-found', `"${loc.raw}" does not exist.`);
  }
  const folder = isFolderEntry(entry);
  if (folder && entry.kind === 'bucket')
    return refusedRow(loc, 'refused', `"${loc.raw}" is a bucket; rm removes files and folders inside buckets.`);
  if (folder && !options.recursive)
    return refusedRow(loc, 'refused', `"${loc.raw}" is a folder: use -r to remove it with its contents.`);
  return { loc, mode, folder, known: knownOf(entry), fileId: entry.fileId ?? null };
}

/** Narrows planRemove's answer. */
export function isTarget(x: RemoveTarget | JobResult): x is RemoveTarget {
  return 'known' in x;
}
