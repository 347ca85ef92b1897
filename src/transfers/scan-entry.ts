/**
 * One listed (or selected) entry of a scan becomes one job: a transfer or delete with its exact
 * target, a folder scan of its own, or a job that is already finished — failed with the reason
 * (a name the destination cannot hold), skipped with the reason (links, special files, folder
 * markers). A folder the destination cannot hold still becomes a scan, carrying the refusal, so
 * that each name inside it fails with that folder's reason instead of vanishing.
 */
import { InvalidNameError } from '../providers/errors.js';
import { splitBucketPath } from '../providers/paths.js';
import type { Entry, Provider } from '../providers/types.js';
import type { DirNode } from './dir-node.js';
import { describeFailure } from './failure.js';
import type { FolderRefusal, JobRecord, NewJob } from './records.js';
import { nameRulesFor, transferKind } from './route.js';
import { mapTargetPath, relativeToFolder, targetNameProblem, type NameRules } from './target-path.js';
import type { Location } from './types.js';

/** The engine side of a scan. */
export interface ScanSink {
  /** Resolves when the queue has room for more jobs; rejects when `signal` aborts. */
  room(signal: AbortSignal): Promise<void>;
  /** Adds a job to the scan's group (its `parentDir` is told when it finishes). */
  add(scan: JobRecord, spec: NewJob): JobRecord;
  /** Folder tracking for moves and deletes (null for copies, which remove nothing). */
  newNode(group: JobRecord['group'], folder: Location, parent: DirNode | null): DirNode | null;
}

/** The providers of a scan: the source, the destination (null for deletes), and whether they are one. */
export interface Sides {
  src: Provider;
  dst: Provider | null;
  same: boolean;
}

/** True for folders and buckets. */
export function isFolder(e: Entry): boolean {
  return e.kind === 'dir' || e.kind === 'bucket';
}

/** The name of `path` as the user knows it: a B2 object's exact name (`dir//`, `endslash/`), else the path. */
export function shownName(p: Provider, path: string): string {
  return p.traits.bucketBased ? splitBucketPath(path).key : path;
}

/**
 * A zero-byte B2 object whose name ends in `/` (`photos/`, as some tools make for empty folders),
 * going to the local disk: its folder is made instead of a file that cannot exist there.
 */
function isFolderMarker(entry: Entry, shown: string, rules: NameRules): boolean {
  return rules === 'local' && entry.kind === 'file' && entry.size === 0 && shown.endsWith('/');
}

/** The job for one entry (file, folder or link) going to `targetPath` (null: refused name or delete). */
function specFor(
  scan: JobRecord,
  entry: Entry,
  target: Location | null,
  sides: Sides,
  parent: DirNode | null,
  root: boolean,
): NewJob {
  const s = scan.group.settings;
  const base = {
    root,
    source: { provider: s.from, path: entry.path },
    target,
    size: isFolder(entry) ? 0 : entry.size,
    mtimeMs: entry.mtimeMs,
    sha1: entry.sha1 ?? null,
    parentDir: parentDir(entry, parent),
  };
  if (isFolder(entry)) return { ...base, kind: 'scan', isDir: true, depth: root ? 0 : scan.depth + 1 };
  if (s.operation === 'delete' || !sides.dst) return { ...base, kind: 'delete', isDir: false };
  const kind = transferKind(sides.src, sides.dst, sides.same);
  const skipped = notCopiedNote(entry);
  if (skipped !== null) return { ...base, kind, isDir: false, state: 'skipped', note: skipped };
  return { ...base, kind, isDir: false };
}

/**
 * Why a listed entry that is no folder is not copied — a symbolic link, or a local file that is
 * no regular file — as the results' note; null for a file that is copied.
 */
export function notCopiedNote(entry: Entry): string | null {
  if (entry.kind === 'symlink') return 'Skipped: symbolic links are not copied.';
  if (entry.special !== undefined) return `Skipped: it is a ${entry.special}, not a regular file.`;
  return null;
}

/** Sub-folder scans report to their own node (created with `parent`); everything else to `parent`. */
function parentDir(entry: Entry, parent: DirNode | null): DirNode | null {
  return isFolder(entry) ? null : parent;
}

/** Where a listed or selected entry goes. */
export type TargetName = { name: string } | { listedFolder: string };

/** What happens to one entry at the destination. */
type Placement =
  | { kind: 'target'; target: Location | null }
  /** A folder the destination cannot hold: listed anyway, its names fail (JobRecord.refusal). */
  | { kind: 'refused-folder'; refusal: FolderRefusal }
  | { kind: 'failed'; error: unknown }
  /** A folder marker going to the disk: skipped, and it adds no content to its folder. */
  | { kind: 'marker'; note: string };

function place(scan: JobRecord, entry: Entry, targetDir: string | null, name: TargetName, sides: Sides): Placement {
  const folder = isFolder(entry);
  const shown = shownName(sides.src, entry.path);
  if (scan.refusal !== null && sides.dst) {
    if (folder) return { kind: 'refused-folder', refusal: scan.refusal };
    return {
      kind: 'failed',
      error: new InvalidNameError(
        `Refused "${shown}": it is inside "${scan.refusal.folder}", and ${scan.refusal.reason}.`,
        shown,
      ),
    };
  }
  if (targetDir === null || !sides.dst) return { kind: 'target', target: null };
  const rules = nameRulesFor(sides.dst);
  try {
    const relative = 'name' in name ? name.name : relativeToFolder(name.listedFolder, entry.path);
    const options = { isDir: folder, shown };
    const problem = targetNameProblem(relative, rules, options);
    if (problem !== null && folder) return { kind: 'refused-folder', refusal: { folder: shown, reason: problem } };
    if (problem !== null && isFolderMarker(entry, shown, rules)) {
      return { kind: 'marker', note: `Skipped: "${shown}" is an empty folder marker; its folder is made instead.` };
    }
    return {
      kind: 'target',
      target: { provider: scan.group.settings.to, path: mapTargetPath(targetDir, relative, rules, options) },
    };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/**
 * Adds the job for `entry`, refusing names the destination cannot hold (see `place`). Returns
 * false when the entry adds no content to its folder at the destination (a folder marker).
 */
export function addEntry(
  scan: JobRecord,
  entry: Entry,
  targetDir: string | null,
  name: TargetName,
  sides: Sides,
  parent: DirNode | null,
  sink: ScanSink,
  root: boolean,
): boolean {
  const placed = place(scan, entry, targetDir, name, sides);
  const spec = specFor(scan, entry, placed.kind === 'target' ? placed.target : null, sides, parent, root);
  let job: JobRecord;
  switch (placed.kind) {
    case 'target':
      job = sink.add(scan, spec);
      break;
    case 'refused-folder':
      job = sink.add(scan, { ...spec, refusal: placed.refusal });
      break;
    case 'failed':
      // A failed folder is a dead end: its failure blocks `parent` (no folder of its own).
      sink.add(scan, { ...spec, parentDir: parent, state: 'failed', failure: describeFailure(placed.error) });
      return true;
    case 'marker':
      sink.add(scan, { ...spec, state: 'skipped', note: placed.note });
      return false;
    default: {
      const never: never = placed;
      return never;
    }
  }
  if (job.kind === 'scan')
    job.node = sink.newNode(scan.group, job.source ?? { provider: scan.group.settings.from, path: entry.path }, parent);
  return true;
}
