/**
 * Runs delete, rmdir and mkdir jobs: one provider call each.
 */
import { NotFoundError } from '../providers/errors.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import type { JobRecord } from './records.js';

/**
 * Deletes one file with the group's RemoveMode (the explicit fileId only for a selected file).
 * A file that is already gone counts as deleted: that was the goal.
 */
export async function runDelete(job: JobRecord, ctx: JobRunContext): Promise<RunOutcome> {
  const loc = job.source;
  if (!loc) throw new Error('delete job without a path');
  const { removeMode, fileId, bypassGovernance } = job.group.settings;
  const p = await ctx.provider(loc.provider);
  try {
    await p.remove(loc.path, {
      mode: removeMode,
      // Exactly the file: on B2 a name ending in `/` is also a folder's prefix.
      kind: 'file',
      fileId: job.root && fileId ? fileId : undefined,
      bypassGovernance,
      signal: ctx.signal,
    });
  } catch (e) {
    if (e instanceof NotFoundError) return { type: 'done', note: 'It was already gone.', verified: null };
    throw e;
  }
  return { type: 'done', note: null, verified: null };
}

/**
 * Removes a folder whose contents are all gone (moves and deletes, bottom-up).
 * NotFound is success: a B2 "folder" without a `.bzEmpty` placeholder vanishes with its last file.
 */
export async function runRmdir(job: JobRecord, ctx: JobRunContext): Promise<RunOutcome> {
  const loc = job.source;
  if (!loc) throw new Error('rmdir job without a path');
  const p = await ctx.provider(loc.provider);
  try {
    await p.remove(loc.path, { mode: job.group.settings.removeMode, kind: 'dir', signal: ctx.signal });
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return { type: 'done', note: null, verified: null };
}

/** Recreates an empty source folder at the destination (B2: a `.bzEmpty` placeholder). */
export async function runMkdir(job: JobRecord, ctx: JobRunContext): Promise<RunOutcome> {
  const loc = job.target;
  if (!loc) throw new Error('mkdir job without a target');
  const p = await ctx.provider(loc.provider);
  await p.mkdir(loc.path, { signal: ctx.signal });
  return { type: 'done', note: null, verified: null };
}
