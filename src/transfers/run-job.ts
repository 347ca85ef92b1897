/**
 * One attempt of one job: the permission check first (no blind 401s), then the runner for its kind.
 */
import { JobRefusedError } from './failure.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import type { EngineOptions } from './options.js';
import type { JobRecord } from './records.js';
import { runDelete, runMkdir, runRmdir } from './run-remove.js';
import { runScan, type ScanSink } from './run-scan.js';
import { runTransfer } from './run-transfer.js';
import type { PermissionQuery } from './types.js';

/**
 * Asks the injected permission rules about `job`. A move's copy step asks with the source's
 * remove mode (the move will delete it); once copied, only the removal is asked about.
 * @throws JobRefusedError (kind `permission-denied`) with the rules' reason
 */
export async function permit(job: JobRecord, check: EngineOptions['checkPermission']): Promise<void> {
  if (!check) return;
  const s = job.group.settings;
  const removes = s.operation === 'delete' || (s.operation === 'move' && job.kind !== 'mkdir');
  const query: PermissionQuery = {
    operation: s.operation,
    kind: job.kind,
    source: job.source,
    target: job.copied ? null : job.target,
    removeMode: removes ? s.removeMode : null,
    listsSource: job.kind === 'scan' && !(job.root && job.known && !job.isDir),
    // The same condition under which runDelete hands the group's file ID to the provider.
    knownVersion: job.kind === 'delete' && job.root && s.operation === 'delete' && Boolean(s.fileId),
  };
  const answer = await check(query);
  if (!answer.allowed)
    throw new JobRefusedError(answer.reason ?? 'This key is not allowed to do that.', 'permission-denied');
}

/** Runs the job's kind. `markCopied` is called when a move's copy is verified. */
export function runJob(
  job: JobRecord,
  ctx: JobRunContext,
  sink: ScanSink,
  markCopied: () => void,
): Promise<RunOutcome> {
  switch (job.kind) {
    case 'scan':
      return runScan(job, ctx, sink);
    case 'mkdir':
      return runMkdir(job, ctx);
    case 'delete':
      return runDelete(job, ctx);
    case 'rmdir':
      return runRmdir(job, ctx);
    case 'upload':
    case 'download':
    case 'server-copy':
    case 'local-copy':
    case 'stream-copy':
      return runTransfer(job, ctx, markCopied);
    default: {
      const never: never = job.kind;
      return Promise.reject(new Error(`unknown job kind ${String(never)}`));
    }
  }
}
