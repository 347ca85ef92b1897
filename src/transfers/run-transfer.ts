/**
 * Runs one file job of a copy or a move: resolve the target (conflicts), move the bytes the best
 * way the two providers allow, verify, and for a move remove the source only after that.
 */
import { AlreadyExistsError, ConflictError, NotFoundError } from '../providers/errors.js';
import type { Provider } from '../providers/types.js';
import { nativeCopy, streamCopy, type Copied } from './copy-bytes.js';
import { JobRefusedError } from './failure.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import type { JobRecord } from './records.js';
import { isPlacement, resolveTarget } from './resolve-target.js';

/** How many times a target that appeared between our stat and the write is re-resolved. */
const MAX_PLACEMENT_RACES = 2;

/**
 * @param markCopied called once the copy is verified (a move then only has the source removal
 *   left, which is what a retry will redo)
 * @throws provider errors (see failure.ts for how they read), JobRefusedError
 */
export async function runTransfer(job: JobRecord, ctx: JobRunContext, markCopied: () => void): Promise<RunOutcome> {
  const { source, target } = job;
  if (!source || !target) throw new Error('transfer job without source or target');
  const settings = job.group.settings;
  const src = await ctx.provider(source.provider);
  const dst = await ctx.provider(target.provider);
  const sameProvider = source.provider === target.provider;
  if (sameProvider && source.path === target.path) {
    throw new JobRefusedError('The source and the target are the same file.', 'conflict');
  }
  let outcome: RunOutcome | null = null;
  if (!job.copied) {
    outcome = await placeOnce(job, src, dst, sameProvider, ctx);
    if (outcome.type !== 'done') return outcome;
    if (settings.operation !== 'move' || outcome.targetPath === undefined) return outcome;
    markCopied();
  }
  // Move, after a verified copy: now the source may go.
  try {
    await src.remove(source.path, { mode: settings.removeMode, signal: ctx.signal });
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return outcome ?? { type: 'done', note: null, verified: job.verified };
}

/**
 * Places the file once. Returns `done` with `targetPath` when bytes were copied (a move must still
 * remove the source) and without it when a native move already did everything.
 */
async function placeOnce(
  job: JobRecord,
  src: Provider,
  dst: Provider,
  sameProvider: boolean,
  ctx: JobRunContext,
): Promise<RunOutcome> {
  // The group's fileId names a version of the selected file (copy of one version, TransferItem.fileId).
  const fileId = job.root && job.group.settings.operation === 'copy' ? job.group.settings.fileId : null;
  const source = { path: job.source?.path ?? '', size: job.size, mtimeMs: job.mtimeMs, sha1: job.sha1, fileId };
  for (let race = 0; ; race++) {
    const placed = await resolveTarget(job, dst, ctx.signal);
    if (!isPlacement(placed)) return placed;
    try {
      if (job.group.settings.operation === 'move' && sameProvider && dst.move) {
        // An atomic rename: nothing to verify, nothing left to remove.
        if (await tryRename(dst, source.path, placed.path, placed.overwrite, ctx.signal)) {
          ctx.progress(job.size);
          return { type: 'done', note: placed.note, verified: null, writtenTo: placed.path };
        }
      }
      // Remembered so a user's cancel can discard what this write leaves unfinished.
      job.writingTo = placed.path;
      const copied: Copied =
        sameProvider && src.copy && fileId === null
          ? await nativeCopy(src, source, placed.path, placed.overwrite, ctx)
          : await streamCopy(src, dst, source, placed.path, placed.overwrite, ctx);
      return {
        type: 'done',
        note: placed.note,
        verified: copied.verified,
        targetPath: copied.entry.path,
        bytes: copied.entry.size,
        writtenTo: placed.path,
      };
    } catch (e) {
      // Someone created the target between our check and the write: decide again.
      if (!(e instanceof AlreadyExistsError) || placed.overwrite || race >= MAX_PLACEMENT_RACES) throw e;
    }
  }
}

/**
 * Renames within one provider. Returns false when the provider cannot do it in one step
 * (ConflictError, e.g. the local provider's CrossDeviceError across file systems): the caller
 * then copies, verifies and removes instead.
 */
export async function tryRename(
  p: Provider,
  from: string,
  to: string,
  overwrite: boolean,
  signal: AbortSignal,
): Promise<boolean> {
  if (!p.move) return false;
  try {
    await p.move(from, to, { overwrite, signal });
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false;
    throw e;
  }
}
