/**
 * After the user cancels a job, discards the unfinished upload its write left on the target
 * (B2 keeps an aborted large file, invisible but billed, so that a resume can continue it).
 * Only for an explicit cancel: a pause, a failure or quitting keep it, because those jobs may
 * still resume. Runs after the write has aborted; its own failure fails nothing and is only
 * noted on the cancelled job.
 */
import type { Provider } from '../providers/types.js';
import { describeFailure, failureText } from './failure.js';
import type { JobRecord } from './records.js';
import type { ProviderRef } from './types.js';

/** What the discard needs from the engine. */
export interface DiscardDeps {
  provider(ref: ProviderRef): Promise<Provider>;
  /** Adds a note to the job (only while it is still cancelled). */
  note(job: JobRecord, note: string): void;
}

/**
 * Starts discarding `job`'s unfinished upload when its target provider supports it; sets
 * `job.discarding` to a promise that never rejects (a retry awaits it before writing again, so
 * the discard cannot hit the retry's new upload). Returns that promise, or null when there is
 * nothing to do.
 */
export function discardOnCancel(job: JobRecord, deps: DiscardDeps): Promise<void> | null {
  const path = job.writingTo;
  const ref = job.target?.provider;
  if (path === null || ref === undefined) return null;
  job.writingTo = null;
  const run = async (): Promise<void> => {
    try {
      const dst = await deps.provider(ref);
      if (!dst.cancelUnfinishedUpload) return;
      await dst.cancelUnfinishedUpload(path);
    } catch (e) {
      deps.note(job, `Cancelled. The unfinished upload could not be removed: ${failureText(describeFailure(e))}`);
    }
  };
  const p = run().finally(() => {
    if (job.discarding === p) job.discarding = null;
  });
  job.discarding = p;
  return p;
}
