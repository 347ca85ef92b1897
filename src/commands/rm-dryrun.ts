/**
 * `b2c rm --dry-run`: lists exactly what `rm` would remove, walking folders the way the transfer
 * engine's delete does (every listed file, hidden names too with `--all-versions`, then the folder
 * itself, bottom-up; exact names, no folder twice), and asking the permission rules about each name as the engine would. Nothing
 * is removed and no write request is sent.
 */
import { NotFoundError } from '../providers/errors.js';
import { WalkGuard } from '../providers/walk-guard.js';
import type { Entry, Provider, RemoveMode } from '../providers/types.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { isFolderEntry } from './location-checks.js';
import { formatLocation } from './location-url.js';
import { removeDecision, type RemoveTarget } from './rm-plan.js';

/** One thing that would go. */
export interface DryRunItem {
  /** `b2://bucket/key` or a local path. */
  location: string;
  /** `version`: one B2 version (with `--all-versions`, each version is listed). */
  kind: 'file' | 'folder' | 'version';
  /** What would happen to it. */
  action: 'hide' | 'delete' | 'remove-folder';
  fileId: string | null;
  /** Why the key would refuse it, or null when allowed. */
  refused: string | null;
}

async function* versionItems(
  p: Provider,
  path: string,
  location: string,
  refused: string | null,
): AsyncGenerator<DryRunItem> {
  if (!p.versions) return;
  try {
    for await (const page of p.versions(path)) {
      for (const v of page) yield { location, kind: 'version', action: 'delete', fileId: v.fileId, refused };
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

interface Walk {
  p: Provider;
  target: RemoveTarget;
  key: KeyInfo | null;
  now: number;
}

async function* fileItems(
  w: Walk,
  path: string,
  newestId: string | null,
  explicitId: string | null,
): AsyncGenerator<DryRunItem> {
  const { loc, mode } = w.target;
  const location = formatLocation(loc.kind, path);
  const d = removeDecision(loc, path, mode, w.key, w.now, false, explicitId !== null);
  const refused = d.allowed ? null : (d.reason ?? 'Not allowed.');
  const m: RemoveMode = loc.kind === 'local' ? 'default' : mode;
  switch (m) {
    case 'default':
    case 'hide':
      yield { location, kind: 'file', action: loc.kind === 'local' ? 'delete' : 'hide', fileId: null, refused };
      return;
    case 'delete-version':
      yield {
        location,
        kind: loc.kind === 'local' ? 'file' : 'version',
        action: 'delete',
        fileId: explicitId ?? newestId,
        refused,
      };
      return;
    case 'all-versions':
      yield* versionItems(w.p, path, location, refused);
      return;
    default: {
      const never: never = m;
      return never;
    }
  }
}

async function sortedEntries(w: Walk, path: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const page of w.p.list(path, { showHidden: w.target.mode === 'all-versions' })) entries.push(...page);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The dry-run line of a folder itself (after everything in it). */
function folderItem(w: Walk, path: string): DryRunItem {
  const { loc, mode } = w.target;
  const d = removeDecision(loc, path, mode, w.key, w.now, true);
  // A B2 folder path ends in its own `/` (`b2://b/dir//`); others get one.
  const location = formatLocation(loc.kind, path);
  return {
    location: location.endsWith('/') ? location : `${location}/`,
    kind: 'folder',
    action: 'remove-folder',
    fileId: null,
    refused: d.allowed ? null : (d.reason ?? 'Not allowed.'),
  };
}

/** One folder being walked: its sorted entries and the next one. */
interface Level {
  path: string;
  entries: Entry[];
  next: number;
  depth: number;
}

/**
 * The files of folder `path` and every folder below it, each folder after its contents (the
 * order the engine removes them in). Its own stack, no recursion; a WalkGuard stops it should a
 * folder ever come back.
 */
async function* folderItems(w: Walk, path: string): AsyncGenerator<DryRunItem> {
  const guard = new WalkGuard();
  guard.enter(path, 0);
  const stack: Level[] = [{ path, entries: await sortedEntries(w, path), next: 0, depth: 0 }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1] as Level;
    const e = level.entries[level.next++];
    if (e === undefined) {
      stack.pop();
      yield folderItem(w, level.path);
    } else if (isFolderEntry(e)) {
      guard.enter(e.path, level.depth + 1);
      stack.push({ path: e.path, entries: await sortedEntries(w, e.path), next: 0, depth: level.depth + 1 });
    } else if (e.kind === 'symlink' || e.kind === 'file') {
      yield* fileItems(w, e.path, e.fileId ?? null, null);
    }
  }
}

/** Everything `target` would remove, in the order it would be removed (per folder). */
export function dryRun(
  p: Provider,
  target: RemoveTarget,
  key: KeyInfo | null,
  now: number,
  explicitId: string | null,
): AsyncGenerator<DryRunItem> {
  const w: Walk = { p, target, key, now };
  return target.folder ? folderItems(w, target.loc.path) : fileItems(w, target.loc.path, target.fileId, explicitId);
}

/** The plain line of an item: `would hide b2://b/x`, `would delete b2://b/x (version 4_z…)`. */
export function dryRunLine(item: DryRunItem): string {
  const verb = item.action === 'remove-folder' ? 'would remove folder' : `would ${item.action}`;
  const version = item.fileId !== null ? ` (version ${item.fileId})` : '';
  const refused = item.refused !== null ? ` — refused: ${item.refused}` : '';
  return `${verb} ${item.location}${version}${refused}`;
}
