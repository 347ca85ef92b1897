/**
 * Runs jobs: two FIFO run queues (scans, everything else), at most N files and S scans at once,
 * each job with its own AbortController. Settles each attempt into the next state: done, skipped,
 * asking, paused, cancelled, an automatic retry for transient failures, or failed with a reason.
 */
import { TransientError } from '../providers/errors.js';
import type { Entry, Provider } from '../providers/types.js';
import { discardOnCancel } from './discard-on-cancel.js';
import { InFlightTuner } from './in-flight.js';
import { describeFailure } from './failure.js';
import type { JobRunContext, RunOutcome } from './job-context.js';
import type { Ledger } from './ledger.js';
import type { ResolvedOptions } from './options.js';
import type { JobRecord } from './records.js';
import { RunQueue } from './run-queue.js';
import { permit, runJob } from './run-job.js';
import type { ScanSink } from './run-scan.js';
import { SpeedMeter } from './speed-meter.js';
import type { JobFailure, ProviderRef } from './types.js';

/**
 * Failure kinds worth an automatic retry (the provider already retried single requests).
 * Not `unreachable`: the provider gives up on B2 only after its connect or silence bound was
 * met on every try, so more rounds would multiply a wait the README promises is bounded; the
 * user retries (R in the queue) when the network is back.
 */
const AUTO_RETRY_KINDS = new Set<JobFailure['kind']>(['transient', 'integrity', 'conflict']);

/**
 * A job at least this big is moved in several parts or ranges (B2 large files with the default
 * part size start at 100 MB, parallel downloads at 32 MiB), so raising the parts in flight can help.
 */
const BIG_FILE_BYTES = 32 * 1024 * 1024;

export interface WorkerHooks {
  /** The job needs the user's answer about `existing`. */
  ask(job: JobRecord, existing: Entry): void;
  /** Progress or a persisted detail changed (publish / save soon). */
  changed(persist: boolean): void;
}

export class Workers {
  readonly files = new RunQueue<JobRecord>();
  readonly scans = new RunQueue<JobRecord>();
  running = 0;
  runningScans = 0;
  paused = false;
  closed = false;
  private pumpQueued = false;
  private readonly providerCache = new Map<ProviderRef, Promise<Provider>>();
  private settledWaiters: Array<() => void> = [];
  private readonly discards = new Set<Promise<void>>();
  /** Files and parts in flight, and the adaptive mode (in-flight.ts). */
  readonly inFlight: InFlightTuner;
  /** Running jobs of at least BIG_FILE_BYTES. */
  private readonly bigJobs = new Set<JobRecord>();

  constructor(
    private readonly ledger: Ledger,
    private readonly opts: ResolvedOptions,
    private readonly sink: ScanSink,
    private readonly hooks: WorkerHooks,
  ) {
    this.inFlight = new InFlightTuner({
      files: opts.concurrency,
      parts: opts.partConcurrency,
      maxFiles: Math.max(opts.concurrency, opts.maxConcurrency),
      maxParts: Math.max(opts.partConcurrency, opts.maxPartsInFlight),
      adaptive: opts.adaptive,
    });
  }

  /** Lets the adaptive mode measure and decide (cheap; it acts once per window). */
  tune(): void {
    const waiting = this.files.waiting && this.running >= this.inFlight.files;
    const demand = {
      bytesMoved: this.ledger.meter.bytes,
      filesWaiting: waiting,
      bigFileRunning: this.bigJobs.size > 0,
    };
    if (this.inFlight.tick(this.opts.clock.now(), demand)) {
      this.schedulePump();
      this.hooks.changed(false);
    }
  }

  /** Puts a queued job in its run queue (`urgent`: at the front). */
  enqueue(job: JobRecord, urgent = false): void {
    (job.kind === 'scan' ? this.scans : this.files).push(job, urgent);
    this.schedulePump();
  }

  /** Starts what fits, on the next microtask (so callers never re-enter themselves). */
  schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Aborts a running job; `settle` turns it into paused, cancelled or (on close) queued. */
  stop(job: JobRecord, reason: 'pause' | 'cancel' | 'close'): void {
    if (job.state !== 'running' || !job.controller) return;
    job.stopReason = reason;
    job.controller.abort(new Error(`job ${reason}`));
  }

  /** Resolves when nothing runs (used by close). */
  settled(): Promise<void> {
    if (this.running + this.runningScans === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /**
   * Discards what a cancelled job's write left unfinished on its target (see
   * discard-on-cancel.ts). Call only for a user's cancel, after the write has stopped.
   */
  discard(job: JobRecord): void {
    const p = discardOnCancel(job, {
      provider: (ref) => this.provider(ref),
      note: (j, note) => {
        if (j.state === 'cancelled') this.ledger.update(j, { note });
      },
    });
    if (p === null) return;
    this.discards.add(p);
    void p.finally(() => this.discards.delete(p));
  }

  /** Resolves when every discard started so far has ended (used by close). */
  async discardsSettled(): Promise<void> {
    while (this.discards.size > 0) await Promise.all([...this.discards]);
  }

  /** Resolves a provider reference once; a failure is forgotten so a retry asks again. */
  provider(ref: ProviderRef): Promise<Provider> {
    let p = this.providerCache.get(ref);
    if (!p) {
      p = Promise.resolve().then(() => this.opts.providers(ref));
      this.providerCache.set(ref, p);
      p.catch(() => this.providerCache.delete(ref));
    }
    return p;
  }

  private pump(): void {
    if (this.closed || this.paused) return;
    while (this.running < this.inFlight.files) {
      const job = this.files.take();
      if (!job) break;
      this.running++;
      this.start(job);
    }
    while (this.runningScans < this.opts.scanConcurrency) {
      const job = this.scans.take();
      if (!job) break;
      this.runningScans++;
      this.start(job);
    }
  }

  private start(job: JobRecord): void {
    const controller = new AbortController();
    this.ledger.update(job, {
      state: 'running',
      controller,
      stopReason: null,
      attempts: job.attempts + 1,
      retryAt: null,
      // A new attempt: what the last one said (a failure it will retry, "Restored…") is past.
      failure: null,
      note: null,
      bytesDone: 0,
      meter: new SpeedMeter(),
    });
    if (job.kind !== 'scan' && job.size >= BIG_FILE_BYTES) this.bigJobs.add(job);
    void this.execute(job, controller);
  }

  private async execute(job: JobRecord, controller: AbortController): Promise<void> {
    let outcome: RunOutcome | null = null;
    let error: unknown = null;
    try {
      // A retry after a cancel must not write while that cancel's discard still runs.
      if (job.discarding) await job.discarding;
      await permit(job, this.opts.checkPermission);
      outcome = await this.runOnce(job, controller);
    } catch (e) {
      error = e;
    }
    if (job.kind === 'scan') this.runningScans--;
    else this.running--;
    this.bigJobs.delete(job);
    this.tune();
    if (job.controller === controller) this.settle(job, outcome, error);
    if (this.running + this.runningScans === 0) for (const w of this.settledWaiters.splice(0)) w();
    this.schedulePump();
  }

  private runOnce(job: JobRecord, controller: AbortController): Promise<RunOutcome> {
    const ctx: JobRunContext = {
      signal: controller.signal,
      provider: (ref) => this.provider(ref),
      partSize: this.opts.partSize,
      partConcurrency: this.opts.partConcurrency,
      partsInFlight: () => this.inFlight.parts,
      prehashMinBytes: this.opts.prehashMinBytes,
      progress: (bytes) => {
        if (job.controller !== controller) return;
        this.ledger.progress(job, bytes);
        this.hooks.changed(false);
        this.tune();
      },
    };
    return runJob(job, ctx, this.sink, () => {
      this.ledger.update(job, { copied: true });
      this.hooks.changed(true);
    });
  }

  private settle(job: JobRecord, outcome: RunOutcome | null, error: unknown): void {
    const base = { controller: null, stopReason: null, meter: null } as const;
    const stop = job.stopReason;
    if (outcome?.type === 'done') {
      // The source may have grown or shrunk since it was listed: report what was really written.
      const changed = outcome.bytes !== undefined && outcome.bytes !== job.size;
      const note = changed
        ? (outcome.note ?? `The file changed since it was listed: ${outcome.bytes} bytes were copied, not ${job.size}.`)
        : outcome.note;
      // Written under another name ("keep both"): the job names what is really there now.
      const written = outcome.writtenTo;
      const renamed =
        job.target !== null && written !== undefined && written !== job.target.path
          ? { target: { ...job.target, path: written } }
          : {};
      this.ledger.update(job, {
        ...base,
        state: 'done',
        note,
        verified: outcome.verified,
        failure: null,
        ...(changed ? { size: outcome.bytes } : {}),
        ...renamed,
      });
      return;
    }
    if (outcome?.type === 'skipped') {
      this.ledger.update(job, { ...base, state: 'skipped', note: outcome.note, failure: null });
      return;
    }
    if (stop === 'pause') this.ledger.update(job, { ...base, state: 'paused', bytesDone: 0 });
    else if (stop === 'close') this.ledger.update(job, { ...base, state: 'queued', bytesDone: 0 });
    else if (stop === 'cancel') {
      this.ledger.update(job, { ...base, state: 'cancelled', bytesDone: 0, note: 'Cancelled.' });
      this.discard(job);
    } else if (outcome?.type === 'ask') {
      this.ledger.update(job, { ...base, state: 'asking', bytesDone: 0 });
      this.hooks.ask(job, outcome.existing);
    } else this.fail(job, error);
  }

  private fail(job: JobRecord, error: unknown): void {
    const base = { controller: null, stopReason: null, meter: null, bytesDone: 0 } as const;
    const failure = describeFailure(error);
    if (
      !this.closed &&
      failure.retryable &&
      AUTO_RETRY_KINDS.has(failure.kind) &&
      job.autoRetries < this.opts.autoRetries
    ) {
      const hinted = error instanceof TransientError ? error.retryAfterMs : undefined;
      const delay = hinted ?? Math.min(this.opts.retryBaseMs * 2 ** job.autoRetries, this.opts.retryMaxMs);
      const retryAt = this.opts.clock.now() + delay;
      const note = `Retrying in ${Math.max(1, Math.ceil(delay / 1000))} s.`;
      this.ledger.update(job, { ...base, state: 'queued', retryAt, failure, note, autoRetries: job.autoRetries + 1 });
      job.cancelRetryTimer = this.opts.clock.setTimer(() => {
        job.cancelRetryTimer = null;
        if (job.state !== 'queued' || job.retryAt === null) return;
        this.ledger.update(job, { retryAt: null, note: null });
        this.enqueue(job);
      }, delay);
      return;
    }
    const note = job.copied ? 'Copied and verified, but the source was not removed.' : null;
    this.ledger.update(job, { ...base, state: 'failed', failure, note });
  }
}
