/**
 * Incremental counters. Each job contributes a fixed amount per state; the engine subtracts the
 * old contribution and adds the new one on every change, so totals stay O(1) per update even
 * with 100,000 jobs (no rescans per publish).
 */
import type { JobKind, JobState, ProgressTotals } from './types.js';

/** The summed part of ProgressTotals (speed and ETA are derived when publishing, see toProgress). */
export type Counters = Omit<ProgressTotals, 'speed' | 'etaSeconds'>;

export function zeroCounters(): Counters {
  return {
    files: 0,
    filesDone: 0,
    filesFailed: 0,
    filesSkipped: 0,
    filesCancelled: 0,
    foldersFailed: 0,
    bytesTotal: 0,
    bytesDone: 0,
  };
}

/** Jobs that count as "files" for the user: not scans and not folder bookkeeping. */
export function isFileJob(kind: JobKind, isDir: boolean): boolean {
  switch (kind) {
    case 'scan':
    case 'mkdir':
    case 'rmdir':
      return false;
    case 'delete':
    case 'upload':
    case 'download':
    case 'server-copy':
    case 'local-copy':
    case 'stream-copy':
      return !isDir;
    default: {
      const never: never = kind;
      return Boolean(never);
    }
  }
}

/** Jobs whose bytes count toward progress. */
export function movesBytes(kind: JobKind): boolean {
  return (
    kind === 'upload' ||
    kind === 'download' ||
    kind === 'server-copy' ||
    kind === 'local-copy' ||
    kind === 'stream-copy'
  );
}

/** The minimal job facts the counters depend on. */
export interface CountedJob {
  kind: JobKind;
  isDir: boolean;
  state: JobState;
  size: number;
  bytesDone: number;
}

/** What one job adds to the counters in its current state. */
export function contribution(j: CountedJob): Counters {
  const c = zeroCounters();
  if (!isFileJob(j.kind, j.isDir)) {
    if (j.state !== 'failed') return c;
    // A selected file whose scan failed (it vanished, or may not be read) is a failed file; any
    // other failed folder job is a failed folder. Neither may pass unnoticed.
    if (j.kind === 'scan' && !j.isDir) {
      c.files = 1;
      c.filesFailed = 1;
    } else c.foldersFailed = 1;
    return c;
  }
  c.files = 1;
  if (j.state === 'done' || j.state === 'skipped') c.filesDone = 1;
  if (j.state === 'skipped') c.filesSkipped = 1;
  if (j.state === 'failed') c.filesFailed = 1;
  if (j.state === 'cancelled') c.filesCancelled = 1;
  if (movesBytes(j.kind) && j.state !== 'skipped' && j.state !== 'cancelled') {
    c.bytesTotal = j.size;
    c.bytesDone = j.state === 'done' ? j.size : Math.min(j.bytesDone, j.size);
  }
  return c;
}

/** `into += sign * c`, in place. */
export function addCounters(into: Counters, c: Counters, sign: 1 | -1): void {
  into.files += sign * c.files;
  into.filesDone += sign * c.filesDone;
  into.filesFailed += sign * c.filesFailed;
  into.filesSkipped += sign * c.filesSkipped;
  into.filesCancelled += sign * c.filesCancelled;
  into.foldersFailed += sign * c.foldersFailed;
  into.bytesTotal += sign * c.bytesTotal;
  into.bytesDone += sign * c.bytesDone;
}

/** States in which a job still has work ahead (the group is not finished). */
export function isLive(state: JobState): boolean {
  return state === 'queued' || state === 'running' || state === 'paused' || state === 'asking';
}

/** Terminal states. */
export function isTerminal(state: JobState): boolean {
  return !isLive(state);
}
