/**
 * Scan jobs expand a selected entry: a file becomes one job; a folder is listed page by page and
 * every row becomes a job as soon as its page arrives (sub-folders become scans of their own), so
 * a 100,000-file tree starts transferring long before it is fully listed. `room()` holds the
 * listing while the queue is full, which bounds memory.
 *
 * Every listed row ends up as a job with an outcome: names the destination cannot hold (see
 * target-path.ts) fail with the reason, and a folder the destination cannot hold is still listed
 * so that each name inside it fails with the folder's reason. Paths are exact (B2 names keep
 * every `/`, see ../providers/paths.ts), and no folder is listed twice or deeper than
 * MAX_FOLDER_DEPTH.
 */
import { AlreadyExistsError, NotEmptyError } from '../providers/errors.js';
import { folderPrefix, ownName, splitName } from '../providers/paths.js';
import { MAX_FOLDER_DEPTH } from '../providers/walk-guard.js';
import type { Entry, Provider } from '../providers/types.js';
import { JobRefusedError } from './failure.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import { seenKey, type JobRecord } from './records.js';
import { statOrNull } from './resolve-target.js';
import { tryRename } from './run-transfer.js';
import { nameRulesFor, transferKind } from './route.js';
import { addEntry, isFolder, shownName, type ScanSink, type Sides } from './scan-entry.js';
import { mapTargetPath, targetNameProblem } from './target-path.js';

export type { ScanSink } from './scan-entry.js';

/** True when the folder `inner` is `outer` or inside it (exact prefixes: `/b/dir//` is inside `/b/dir/`). */
function folderWithin(inner: string, outer: string): boolean {
  return folderPrefix(inner).startsWith(folderPrefix(outer));
}

/** A selected folder's target: split off its own name (a folder target ends in `/`, see submit.ts). */
function splitFolderTarget(path: string): { folder: string; name: string } {
  return splitName(path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
}

/**
 * Runs one scan.
 * @throws provider errors from stat/list; JobRefusedError for a folder without recursion, a
 *   folder copied into itself, or a folder nested deeper than MAX_FOLDER_DEPTH
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
      ? {
          name: ownName(from.path, job.isDir),
          path: from.path,
          kind: job.isDir ? 'dir' : 'file',
          size: job.size,
          mtimeMs: job.mtimeMs,
          sha1: job.sha1,
        }
      : await src.stat(from.path, { signal: ctx.signal });
    // Now known: a failed selected file counts as a failed file, a failed folder as a folder (no
    // counter moves while the job runs, see totals.ts).
    job.isDir = isFolder(entry);
    const split = job.target
      ? isFolder(entry)
        ? splitFolderTarget(job.target.path)
        : splitName(job.target.path)
      : null;
    const targetDir = split ? split.folder : null;
    const name = split ? split.name : entry.name;
    if (!isFolder(entry)) {
      job.group.seen.add(seenKey(false, entry.path));
      // A selected file (not a listed one) is the only job a delete's explicit fileId applies to.
      addEntry(job, entry, targetDir, { name }, sides, null, sink, true);
      return { type: 'done', note: null, verified: null };
    }
    if (!s.recursive)
      throw new JobRefusedError(`"${entry.name}" is a folder; it needs a recursive ${s.operation}.`, 'refused');
    // The selected folder counts as listed: should a listing ever return it again, it is not listed twice.
    job.group.seen.add(seenKey(true, from.path));
    if (job.target && sides.same && folderWithin(job.target.path, from.path)) {
      throw new JobRefusedError('A folder cannot be copied or moved into itself.', 'refused');
    }
    const rules = nameRulesFor(dst ?? src);
    // The selected folder's own name is checked like any listed name; a refused one is still
    // listed so that every name inside it is reported (see JobRecord.refusal).
    const shown = shownName(src, from.path);
    // With its own final `/`, so that an empty folder name stays a folder on B2 (`x//`).
    const options = { isDir: true, shown };
    const problem = job.target && targetDir !== null ? targetNameProblem(`${name}/`, rules, options) : null;
    if (problem !== null) job.refusal = { folder: shown, reason: problem };
    const target =
      job.target && targetDir !== null && problem === null
        ? { provider: s.to, path: mapTargetPath(targetDir, `${name}/`, rules, options) }
        : null;
    if (target) job.target = target;
    if (target && dst && sides.same && s.operation === 'move' && dst.move) {
      // Same provider with an atomic rename: move the whole folder at once. When the target
      // exists (merge) or the rename is impossible (another file system), move file by file.
      if (
        (await statOrNull(dst, target.path, ctx.signal)) === null &&
        (await renameFolder(dst, from.path, target.path, ctx.signal))
      ) {
        const kind = transferKind(src, dst, true);
        const spec = { kind, isDir: true, source: from, target, size: 0, mtimeMs: entry.mtimeMs, sha1: null } as const;
        sink.add(job, { ...spec, state: 'done', note: 'Moved in one step.' });
        return { type: 'done', note: null, verified: null };
      }
    }
  }
  if (job.depth > MAX_FOLDER_DEPTH) {
    throw new JobRefusedError(
      `"${shownName(src, from.path)}" is nested more than ${MAX_FOLDER_DEPTH} folders deep; b2c stops there rather than risk listing forever.`,
      'refused',
    );
  }
  job.node ??= sink.newNode(job.group, from, null);
  const showHidden = s.operation === 'delete' && s.removeMode === 'all-versions';
  let count = 0;
  let content = 0;
  for await (const page of src.list(from.path, { signal: ctx.signal, showHidden })) {
    for (const entry of page) {
      count++;
      const key = seenKey(isFolder(entry), entry.path);
      // Already a job (this scan ran before and was retried or restored): it is accounted for.
      if (job.group.seen.has(key)) {
        content++;
        continue;
      }
      await sink.room(ctx.signal);
      job.group.seen.add(key);
      if (addEntry(job, entry, job.target?.path ?? null, { listedFolder: from.path }, sides, job.node, sink, false))
        content++;
    }
  }
  if (content === 0 && job.target && job.refusal === null && s.operation !== 'delete') {
    const mkdir = {
      kind: 'mkdir',
      isDir: true,
      source: null,
      target: job.target,
      size: 0,
      mtimeMs: null,
      sha1: null,
    } as const;
    sink.add(job, { ...mkdir, parentDir: job.node });
  }
  const listed = `Listed ${count} ${count === 1 ? 'entry' : 'entries'}.`;
  if (job.refusal !== null)
    return {
      type: 'done',
      note: `${listed} Refused "${job.refusal.folder}": ${job.refusal.reason}; each name in it failed.`,
      verified: null,
    };
  return { type: 'done', note: listed, verified: null };
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
