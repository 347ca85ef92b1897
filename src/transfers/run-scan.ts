/**
 * Scan jobs expand a selected entry: a file becomes one job; a folder is listed page by page and
 * every row becomes a job as soon as its page arrives (sub-folders become scans of their own), so
 * a 100,000-file tree starts transferring long before it is fully listed. `room()` holds the
 * listing while the queue is full, which bounds memory.
 */
import { AlreadyExistsError, NotEmptyError } from '../providers/errors.js';
import { baseName } from '../providers/paths.js';
import type { Entry, Provider } from '../providers/types.js';
import type { DirNode } from './dir-node.js';
import { describeFailure, JobRefusedError } from './failure.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import type { JobRecord, NewJob } from './records.js';
import { statOrNull } from './resolve-target.js';
import { tryRename } from './run-transfer.js';
import { nameRulesFor, transferKind } from './route.js';
import { mapTargetPath, relativeToFolder, splitRaw } from './target-path.js';
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

interface Sides {
  src: Provider;
  dst: Provider | null;
  same: boolean;
}

function isFolder(e: Entry): boolean {
  return e.kind === 'dir' || e.kind === 'bucket';
}

/** The job for one entry (file, folder or link) going to `targetPath` (null: refused name or delete). */
function specFor(scan: JobRecord, entry: Entry, target: Location | null, sides: Sides, parent: DirNode | null, root: boolean): NewJob {
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
  if (isFolder(entry)) return { ...base, kind: 'scan', isDir: true };
  if (s.operation === 'delete' || !sides.dst) return { ...base, kind: 'delete', isDir: false };
  const kind = transferKind(sides.src, sides.dst, sides.same);
  if (entry.kind === 'symlink') {
    return { ...base, kind, isDir: false, state: 'skipped', note: 'Skipped: symbolic links are not copied.' };
  }
  return { ...base, kind, isDir: false };
}

/** Sub-folder scans report to their own node (created with `parent`); everything else to `parent`. */
function parentDir(entry: Entry, parent: DirNode | null): DirNode | null {
  return isFolder(entry) ? null : parent;
}

/** Adds the job for `entry`, refusing names that would escape the target folder. */
function addEntry(
  scan: JobRecord,
  entry: Entry,
  targetDir: string | null,
  name: string | { listedFolder: string },
  sides: Sides,
  parent: DirNode | null,
  sink: ScanSink,
  root: boolean,
): void {
  const s = scan.group.settings;
  let target: Location | null = null;
  if (targetDir !== null && sides.dst) {
    try {
      const relative = typeof name === 'string' ? name : relativeToFolder(name.listedFolder, entry.path);
      target = { provider: s.to, path: mapTargetPath(targetDir, relative, nameRulesFor(sides.dst)) };
    } catch (e) {
      const spec = specFor(scan, entry, null, sides, parent, root);
      // A refused folder is a dead end: its contents are never listed. Its failure blocks `parent`.
      sink.add(scan, { ...spec, parentDir: parent, state: 'failed', failure: describeFailure(e) });
      return;
    }
  }
  const job = sink.add(scan, specFor(scan, entry, target, sides, parent, root));
  if (job.kind === 'scan') job.node = sink.newNode(scan.group, job.source ?? { provider: s.from, path: entry.path }, parent);
}

/**
 * Runs one scan.
 * @throws provider errors from stat/list; JobRefusedError for a folder without recursion or a
 *   folder copied into itself
 */
export async function runScan(job: JobRecord, ctx: JobRunContext, sink: ScanSink): Promise<RunOutcome> {
  const s = job.group.settings;
  const from = job.source;
  if (!from) throw new Error('scan without a source');
  const src = await ctx.provider(s.from);
  const dst = s.operation === 'delete' ? null : await ctx.provider(s.to);
  const sides: Sides = { src, dst, same: s.from === s.to };

  if (job.root) {
    const entry: Entry = job.known
      ? { name: baseName(from.path), path: from.path, kind: job.isDir ? 'dir' : 'file', size: job.size, mtimeMs: job.mtimeMs, sha1: job.sha1 }
      : await src.stat(from.path, { signal: ctx.signal });
    const split = job.target ? splitRaw(job.target.path) : null;
    const targetDir = split ? split.dir : null;
    const name = split ? split.name : entry.name;
    if (!isFolder(entry)) {
      job.group.seen.add(entry.path);
      // A selected file (not a listed one) is the only job a delete's explicit fileId applies to.
      addEntry(job, entry, targetDir, name, sides, null, sink, true);
      return { type: 'done', note: null, verified: null };
    }
    if (!s.recursive) throw new JobRefusedError(`"${entry.name}" is a folder; it needs a recursive ${s.operation}.`, 'refused');
    if (job.target && sides.same && (job.target.path === from.path || job.target.path.startsWith(`${from.path}/`))) {
      throw new JobRefusedError('A folder cannot be copied or moved into itself.', 'refused');
    }
    const rules = nameRulesFor(dst ?? src);
    // The selected folder's own name is validated like any listed name.
    const target = job.target ? { provider: s.to, path: mapTargetPath(targetDir ?? '/', name, rules) } : null;
    if (target && dst && sides.same && s.operation === 'move' && dst.move) {
      // Same provider with an atomic rename: move the whole folder at once. When the target
      // exists (merge) or the rename is impossible (another file system), move file by file.
      if ((await statOrNull(dst, target.path, ctx.signal)) === null && (await renameFolder(dst, from.path, target.path, ctx.signal))) {
        const kind = transferKind(src, dst, true);
        const spec = { kind, isDir: true, source: from, target, size: 0, mtimeMs: entry.mtimeMs, sha1: null } as const;
        sink.add(job, { ...spec, state: 'done', note: 'Moved in one step.' });
        return { type: 'done', note: null, verified: null };
      }
    }
  }
  job.node ??= sink.newNode(job.group, from, null);
  const showHidden = s.operation === 'delete' && s.removeMode === 'all-versions';
  let count = 0;
  for await (const page of src.list(from.path, { signal: ctx.signal, showHidden })) {
    for (const entry of page) {
      count++;
      if (job.group.seen.has(entry.path)) continue;
      await sink.room(ctx.signal);
      job.group.seen.add(entry.path);
      addEntry(job, entry, job.target?.path ?? null, { listedFolder: from.path }, sides, job.node, sink, false);
    }
  }
  if (count === 0 && job.target && s.operation !== 'delete') {
    const mkdir = { kind: 'mkdir', isDir: true, source: null, target: job.target, size: 0, mtimeMs: null, sha1: null } as const;
    sink.add(job, { ...mkdir, parentDir: job.node });
  }
  return { type: 'done', note: `Listed ${count} ${count === 1 ? 'entry' : 'entries'}.`, verified: null };
}

/** A folder rename; false when the target appeared meanwhile or one step is impossible. */
async function renameFolder(p: Provider, from: string, to: string, signal: AbortSignal): Promise<boolean> {
  try {
    return await tryRename(p, from, to, false, signal);
  } catch (e) {
    if (e instanceof AlreadyExistsError || e instanceof NotEmptyError) return false;
    throw e;
  }
}
