/**
 * What a job runner gets from the engine, and what it hands back. Runners are plain async
 * functions (run-transfer.ts, run-remove.ts, run-scan.ts); the engine owns state and counters.
 */
import type { Entry, Provider } from '../providers/types.js';
import type { ProviderRef, Verification } from './types.js';

export interface JobRunContext {
  /** Aborted when the job is paused, cancelled or the engine closes. Pass it to every provider call. */
  signal: AbortSignal;
  /** Resolves a provider by reference (cached by the engine). */
  provider(ref: ProviderRef): Promise<Provider>;
  /** B2 large-file part size in bytes, when configured. */
  partSize: number | undefined;
  /** Parts per large file held in memory at once (the memory bound, with partSize). */
  partConcurrency: number;
  /** Parts or ranges of one file in flight now (the adaptive mode changes it as the job runs). */
  partsInFlight(): number;
  /** Local files at least this big going to B2 may be read again by range (see copy-bytes.ts). */
  prehashMinBytes: number;
  /** Reports the bytes transferred by this attempt so far (an absolute count, not a delta). */
  progress(bytes: number): void;
}

/** How an attempt ended when it did not throw. */
export type RunOutcome =
  /**
   * `bytes`: the size of what was written, when known — it differs from the job's size (from the
   * listing) when the source changed in between, and then it is what the job reports.
   * `writtenTo`: where the file was placed, when that is not the job's target (a numbered name
   * for "keep both"); the job's target then names it.
   */
  | {
      type: 'done';
      note: string | null;
      verified: Verification | null;
      targetPath?: string;
      bytes?: number;
      writtenTo?: string;
    }
  | { type: 'skipped'; note: string }
  /** The target exists and the policy is `ask`: park the job and ask the user. */
  | { type: 'ask'; existing: Entry };
