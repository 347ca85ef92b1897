/**
 * Runs `cp` and `rm` requests through the transfer engine to the end, reporting as it goes:
 * bars on a terminal (progress-bars.ts), one plain line per finished file otherwise, nothing but
 * the final document with `--json`. Every failure is named on stderr as it happens.
 *
 * Ctrl+C (and SIGTERM, and SIGHUP — the SSH connection dropping) cancels everything: running
 * jobs are aborted, which removes their temporary files (local writes commit by rename only when
 * complete; B2 shows nothing until a file is finished, and the engine discards the unfinished
 * large files of cancelled uploads before `close()` resolves), then the run ends with 128 + the
 * signal's number (130, 143, 129). A second signal exits at once.
 *
 * When a transfer fails because B2 cannot be reached (it refused connections or went silent
 * for the network bound), the transfers not started yet are cancelled instead of each waiting
 * out the same bound; the running ones end on their own (within the bound). The run reports
 * the first such failure, and the command exits with 3, as when signing in finds B2 unreachable.
 */
import { join } from 'node:path';
import { resolveConfigDir } from '../config/index.js';
import type { Provider, RemoveMode } from '../providers/types.js';
import {
  createTransferEngine,
  HISTORY_FILE_NAME,
  engineChecker,
  LOCAL_PROVIDER_REF,
  type JobView,
  type KeyOfRef,
  type TransferRequest,
} from '../transfers/index.js';
import { EXIT, interruptedExitCode, type CliDeps, type InterruptSignal, type Output } from './kit/index.js';
import { ProgressBars } from './progress-bars.js';
import { Sha1Recorder } from './progress-recorder.js';
import {
  failureLine,
  jobResult,
  reportable,
  resultState,
  successLine,
  type JobResult,
  type ResultTotals,
} from './progress-results.js';

/** What a run needs. */
export interface TransferRunOptions {
  deps: CliDeps;
  /** The command's printer (`b2c cp: …` lines on stderr). */
  out: Output;
  local: Provider;
  /** The signed-in B2 provider, or null when every location is local. */
  b2: Provider | null;
  keyOf: KeyOfRef;
  requests: TransferRequest[];
  concurrency: number;
  partConcurrency: number;
  /** Bytes; undefined lets the provider choose. */
  partSize: number | undefined;
  /** Local files at least this big going to B2 are hashed first (EngineOptions.prehashMinBytes). */
  prehashMinBytes?: number;
  /** `rm`'s mode, for the wording of finished lines; null for `cp`. */
  removeMode: RemoveMode | null;
}

/** How a run ended. */
export interface TransferRunResult {
  results: JobResult[];
  /** The signal that interrupted the run, or null. */
  interrupted: InterruptSignal | null;
  /** The first transfer that failed because B2 could not be reached, or null. */
  unreachable: JobResult | null;
}

/**
 * The exit code of a finished `cp` or `rm` run: interrupted 128 + signal, B2 unreachable 3
 * (EXIT.unreachable), anything failed or cancelled 1, else 0.
 */
export function runExitCode(run: TransferRunResult, totals: ResultTotals): number {
  if (run.interrupted !== null) return interruptedExitCode(run.interrupted);
  if (run.unreachable !== null) return EXIT.unreachable;
  return totals.failed === 0 && totals.cancelled === 0 ? EXIT.ok : EXIT.failed;
}

/**
 * After a copying run's summary (`cp`, `sync`): says on stderr that an interrupted run kept
 * nothing partial, or why the run stopped early.
 */
export function reportCopyRunEnd(out: Output, run: TransferRunResult, totals: ResultTotals): void {
  if (run.interrupted !== null) out.note('interrupted; unfinished copies were cancelled and nothing partial was kept.');
  reportEarlyStop(out, run, totals);
}

/** Says on stderr why the run stopped early, if it did (after the summary line). */
export function reportEarlyStop(out: Output, run: TransferRunResult, totals: ResultTotals): void {
  if (run.interrupted !== null || run.unreachable === null) return;
  const why = run.unreachable.error?.detail ?? run.unreachable.error?.message ?? 'B2 could not be reached.';
  const cancelled =
    totals.cancelled > 0
      ? ` ${totals.cancelled} not started ${totals.cancelled === 1 ? 'was' : 'were'} cancelled.`
      : '';
  out.note(`stopped: ${why}${cancelled}`);
}

/** The transfer history beside the config file (the TUI's too), or undefined when there is no config folder. */
function historyFileOf(deps: CliDeps): string | undefined {
  try {
    return join(resolveConfigDir(undefined, deps.env), HISTORY_FILE_NAME);
  } catch {
    return undefined;
  }
}

/** Runs the requests to completion (or interruption) and returns every reportable outcome (none, at once, for no requests). */
export async function runTransfers(o: TransferRunOptions): Promise<TransferRunResult> {
  if (o.requests.length === 0) return { results: [], interrupted: null, unreachable: null };
  const recorder = new Sha1Recorder();
  const local = recorder.wrap(LOCAL_PROVIDER_REF, o.local);
  const b2 = o.b2 ? recorder.wrap('b2', o.b2) : null;
  const engine = createTransferEngine({
    providers: (ref) => {
      if (ref === LOCAL_PROVIDER_REF) return local;
      if (ref === 'b2' && b2) return b2;
      throw new Error(`no provider for ${ref}`);
    },
    concurrency: o.concurrency,
    partConcurrency: o.partConcurrency,
    partSize: o.partSize,
    prehashMinBytes: o.prehashMinBytes,
    historyFile: historyFileOf(o.deps),
    onHistoryError: (e) =>
      o.out.note(`cannot save the transfer history: ${e instanceof Error ? e.message : String(e)}`),
    checkPermission: engineChecker(
      o.keyOf,
      () => o.deps.now(),
      undefined,
      (ref, bucket) => (ref === 'b2' ? o.b2?.knownBucketType?.(bucket) : undefined),
    ),
  });
  const stdout = o.deps.streams.stdout;
  const bars = !o.out.json && stdout.isTTY === true ? new ProgressBars(stdout) : null;
  const results: JobResult[] = [];
  const reported = new Set<string>();
  let interrupted: InterruptSignal | null = null;
  let unreachable: JobResult | null = null;
  /** Cancels the jobs that have not started (after an interrupt, or once B2 is unreachable). */
  const cancelNotStarted = (): void => {
    engine.publishNow();
    for (const job of engine.store.getSnapshot().jobs)
      if (job.state === 'queued' || job.state === 'paused') engine.cancel(job.id);
  };
  // Failures go to stderr; while bars are drawn they are also logged above them and written to
  // stderr only after the bars are gone (both streams usually share the terminal).
  const heldFailures: string[] = [];
  const nameFailure = (line: string): void => {
    if (bars) {
      bars.log(`failed: ${line}`);
      heldFailures.push(line);
    } else o.out.note(line);
  };

  const onJob = (view: JobView): void => {
    if ((interrupted !== null || unreachable !== null) && view.state === 'queued') {
      // A folder listing added work after Ctrl+C or after B2 stopped answering: cancel it too
      // (outside the event, which the engine emits from inside its own state change).
      queueMicrotask(() => engine.cancel(view.id));
    }
    const state = resultState(view.state);
    if (state === null || reported.has(view.id)) return;
    reported.add(view.id);
    const target = view.target;
    const sha1 = target ? recorder.sha1Of(target.provider, target.path) : null;
    const encryption = target ? recorder.encryptionOf(target.provider, target.path) : null;
    const r = jobResult(view, state, sha1, encryption);
    if (!reportable(r)) return;
    results.push(r);
    if (r.state === 'failed' && r.error?.kind === 'unreachable' && unreachable === null) {
      unreachable = r;
      queueMicrotask(cancelNotStarted);
    }
    if (r.state === 'failed') nameFailure(failureLine(r));
    else if (!o.out.json && r.state !== 'cancelled') {
      const line = successLine(r, o.removeMode);
      if (line !== null) {
        if (bars) bars.log(line);
        else o.out.lines([line]);
      }
    }
  };

  const unsubscribeJobs = engine.on('job', onJob);
  const unsubscribeStore = bars
    ? engine.store.subscribe(() => bars.update(engine.store.getSnapshot()))
    : () => undefined;
  const stopListening = o.deps.onInterrupt((signal) => {
    if (interrupted !== null) {
      bars?.stop();
      o.deps.exit(interruptedExitCode(signal));
      return;
    }
    interrupted = signal;
    engine.cancelAll();
  });
  try {
    for (const request of o.requests) engine.submit(request);
    await engine.whenIdle();
    engine.publishNow();
  } finally {
    stopListening();
    unsubscribeStore();
    unsubscribeJobs();
    bars?.stop();
    for (const line of heldFailures) o.out.note(line);
    await engine.close();
  }
  return { results, interrupted, unreachable };
}
