/**
 * Decides where a file goes when its target may exist: the conflict policy, the user's answer,
 * `rename` numbering, and the "already copied" check of a restored queue.
 */
import { NotFoundError } from '../providers/errors.js';
import { splitName } from '../providers/paths.js';
import type { Entry, Provider } from '../providers/types.js';
import { decideConflict, looksAlreadyCopied, numberedName } from './conflicts.js';
import { JobRefusedError } from './failure.js';
import { normaliseSha1 } from './hashing-stream.js';
import type { RunOutcome } from './job-context.js';
import type { JobRecord } from './records.js';

/** Where to write, and whether replacing is intended. */
export interface Placement {
  path: string;
  overwrite: boolean;
  note: string | null;
}

const MAX_RENAME_TRIES = 1000;

/** `stat`, with NotFound as null. */
export async function statOrNull(p: Provider, path: string, signal: AbortSignal): Promise<Entry | null> {
  try {
    return await p.stat(path, { signal });
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

/** First `name (n).ext` that does not exist. @throws JobRefusedError after 1000 taken names. */
export async function freeName(p: Provider, path: string, signal: AbortSignal): Promise<string> {
  for (let n = 1; n <= MAX_RENAME_TRIES; n++) {
    const candidate = numberedName(path, n);
    if ((await statOrNull(p, candidate, signal)) === null) return candidate;
  }
  throw new JobRefusedError(`No free name found for "${splitName(path).name}".`, 'already-exists');
}

/**
 * Resolves the placement of `job` on `dst`, or an outcome that ends the attempt (skip, ask, or
 * "already there" for restored queues).
 * Without a conflict the write is still `overwrite: true` on bucket-based destinations: we just
 * checked, and B2 keeps the older version of a name anyway, whereas the provider's own existence
 * check would cost a second API call per file. Local writes keep `overwrite: false` so a file
 * created meanwhile is never replaced silently.
 * @throws JobRefusedError when a folder occupies the target name
 */
export async function resolveTarget(
  job: JobRecord,
  dst: Provider,
  signal: AbortSignal,
): Promise<Placement | RunOutcome> {
  const target = job.target;
  if (!target) throw new Error('transfer job without a target');
  const group = job.group;
  const policy = job.decision ?? group.appliedAnswer ?? group.settings.policy;
  if (policy === 'overwrite' && !group.restored) return { path: target.path, overwrite: true, note: null };

  const existing = await statOrNull(dst, target.path, signal);
  if (existing === null) return { path: target.path, overwrite: dst.traits.bucketBased, note: null };
  if (existing.kind === 'dir' || existing.kind === 'bucket') {
    throw new JobRefusedError('A folder with this name exists at the destination.', 'already-exists');
  }
  const source = { size: job.size, mtimeMs: job.mtimeMs, sha1: normaliseSha1(job.sha1) };
  const there = { size: existing.size, mtimeMs: existing.mtimeMs, sha1: normaliseSha1(existing.sha1) };
  if (group.restored && looksAlreadyCopied(source, there)) {
    return {
      type: 'done',
      note: 'Already complete at the destination.',
      verified: source.sha1 && there.sha1 ? 'sha1' : 'size',
      targetPath: target.path,
    };
  }
  const decision = decideConflict(policy, source, there);
  switch (decision.action) {
    case 'ask':
      return { type: 'ask', existing };
    case 'skip':
      return { type: 'skipped', note: decision.note };
    case 'overwrite':
      return { path: target.path, overwrite: true, note: 'Replaced the existing file.' };
    case 'rename': {
      const path = await freeName(dst, target.path, signal);
      return { path, overwrite: false, note: `Saved as "${splitName(path).name}".` };
    }
    default: {
      const never: never = decision;
      throw new Error(`unknown conflict action ${JSON.stringify(never)}`);
    }
  }
}

/** Narrows resolveTarget's result. */
export function isPlacement(x: Placement | RunOutcome): x is Placement {
  return 'path' in x;
}
