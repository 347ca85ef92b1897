/**
 * The transfer engine (ARCHITECTURE.md, "Keypress flow", step 5): a plain object outside React that
 * takes requests, expands them into jobs, runs them with bounded concurrency, emits an event per
 * job state change, and publishes two small stores (a few times per second, never per chunk)
 * for `useSyncExternalStore`. The CLI uses the same object with a fixed conflict policy.
 */
import type { Entry } from '../providers/types.js';
import { TypedEmitter } from './emitter.js';
import { newFolderNode, settleTree } from './folder-tree.js';
import { Ledger } from './ledger.js';
import { resolveOptions, type EngineOptions, type ResolvedOptions } from './options.js';
import { Publisher } from './publisher.js';
import { Questions } from './questions.js';
import { DebouncedSaver } from './debounced-saver.js';
import { TransferHistory } from './history.js';
import {
  QUEUE_FILE_VERSION,
  writeQueueFile,
  type PendingQueue,
  type QueueDocument,
  type SavedGroup,
} from './queue-file.js';
import { jobView, type GroupRecord, type JobRecord } from './records.js';
import type { ScanSink } from './run-scan.js';
import type { ReadableStore } from './store.js';
import { Room } from './room.js';
import { restoreGroups, saveDocument, submitRequest } from './submit.js';
import { isTerminal } from './totals.js';
import type {
  ConflictChoice,
  ConflictQuestion,
  EngineEvents,
  JobState,
  QueueSnapshot,
  TotalsSnapshot,
  TransferRequest,
} from './types.js';
import { Workers } from './workers.js';

export class TransferEngine {
  private readonly opts: ResolvedOptions;
  private readonly ledger: Ledger;
  private readonly publisher: Publisher;
  private readonly emitter = new TypedEmitter<EngineEvents>();
  private readonly workers: Workers;
  private readonly saver: DebouncedSaver | null;
  private readonly questions = new Questions();
  private readonly room: Room;
  private idleWaiters: Array<() => void> = [];
  /** What finished or failed, kept across runs when `historyFile` is set (./history.ts). */
  readonly history: TransferHistory;
  /** Saved groups kept in the queue file but not run (see hold). */
  private held: SavedGroup[] = [];

  constructor(options: EngineOptions) {
    this.opts = resolveOptions(options);
    const clock = this.opts.clock;
    this.ledger = new Ledger(clock, this.opts.keepFinished, (job, prev) => this.onState(job, prev));
    this.room = new Room(() => this.ledger.queuedFiles < this.opts.maxQueued);
    const sink: ScanSink = {
      room: (signal) => this.room.wait(signal),
      add: (scan, spec) => {
        spec.parentDir?.childAdded();
        return this.ledger.add(scan.group, spec);
      },
      newNode: (group, folder, parent) => newFolderNode(this.ledger, group, folder, parent),
    };
    this.workers = new Workers(this.ledger, this.opts, sink, {
      ask: (job, existing) => this.ask(job, existing),
      changed: (persist) => {
        this.publisher.markDirty();
        if (persist) this.saver?.markDirty();
      },
    });
    const source = {
      paused: () => this.workers.paused,
      questions: () => this.questions.list,
      inFlight: () => this.workers.inFlight.view(),
    };
    this.publisher = new Publisher(this.ledger, source, clock, this.opts.publishIntervalMs);
    this.history = new TransferHistory(this.opts.historyFile ?? null, clock, (e) => this.opts.onHistoryError?.(e));
    const file = this.opts.queueFile;
    this.saver = file
      ? new DebouncedSaver(
          () => writeQueueFile(file, this.document()),
          clock,
          this.opts.queueSaveDelayMs,
          (e) => this.opts.onQueueFileError?.(e),
        )
      : null;
  }

  /** The whole queue: jobs, groups, totals, the pending question. */
  get store(): ReadableStore<QueueSnapshot> {
    return this.publisher.store;
  }

  /** Totals only, for a status bar. */
  get totals(): ReadableStore<TotalsSnapshot> {
    return this.publisher.totals;
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof EngineEvents>(event: K, listener: (payload: EngineEvents[K]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  /**
   * Queues a request as one group and returns its id. Work starts at once; folders are listed
   * while their first files already transfer. @throws Error after close()
   */
  submit(request: TransferRequest): string {
    if (this.workers.closed) throw new Error('the transfer engine is closed');
    const group = submitRequest(this.ledger, request);
    this.saver?.markDirty();
    return group.id;
  }

  /**
   * Queues the groups of a saved queue (see loadPendingQueue). Targets that already hold the
   * source's content count as done, so work finished before a crash is not redone; large B2
   * uploads continue from their uploaded parts. Returns the new group ids.
   */
  restore(pending: PendingQueue | QueueDocument): string[] {
    if (this.workers.closed) throw new Error('the transfer engine is closed');
    const doc = 'document' in pending ? pending.document : pending;
    const ids = restoreGroups(this.ledger, doc);
    this.saver?.markDirty();
    return ids;
  }

  /**
   * Keeps a saved queue in the queue file without running it, so later writes (new work, quit)
   * do not overwrite it and the next start offers it again (the TUI's "Later"). Replaces what an
   * earlier call held. Take it back with {@link release}.
   */
  hold(pending: PendingQueue | QueueDocument): void {
    this.held = 'document' in pending ? pending.document.groups : pending.groups;
    this.saver?.markDirty();
  }

  /**
   * Stops holding the saved queue and returns it (null when nothing was held): pass it to
   * {@link restore} to run it, or drop it — the next queue file write leaves it out (when
   * nothing else is queued, that write removes the file). Call {@link saveNow} to write at once.
   */
  release(): QueueDocument | null {
    if (this.held.length === 0) return null;
    const doc: QueueDocument = { version: QUEUE_FILE_VERSION, savedAt: this.opts.clock.now(), groups: this.held };
    this.held = [];
    this.saver?.markDirty();
    return doc;
  }

  /** What the queue file holds: held groups first, then this session's unfinished work. */
  private document(): QueueDocument {
    const doc = saveDocument(this.ledger);
    return this.held.length === 0 ? doc : { ...doc, groups: [...this.held, ...doc.groups] };
  }

  /** Pauses a queued, running or asking job (a running one is aborted and restarts on resume). */
  pause(jobId: string): boolean {
    const job = this.ledger.jobs.get(jobId);
    if (!job) return false;
    if (job.state === 'running') this.workers.stop(job, 'pause');
    else if (job.state === 'queued' || job.state === 'asking') this.park(job, 'paused');
    else return false;
    return true;
  }

  /** Resumes a paused job. */
  resume(jobId: string): boolean {
    const job = this.ledger.jobs.get(jobId);
    if (!job || job.state !== 'paused') return false;
    this.ledger.update(job, { state: 'queued' });
    return true;
  }

  /**
   * Cancels a job (a running one is aborted; nothing partial is kept: an unfinished upload its
   * write left on a provider with `cancelUnfinishedUpload` is discarded once the write stops).
   */
  cancel(jobId: string): boolean {
    const job = this.ledger.jobs.get(jobId);
    if (!job) return false;
    if (job.state === 'running') this.workers.stop(job, 'cancel');
    else if (job.state === 'queued' || job.state === 'paused' || job.state === 'asking') this.park(job, 'cancelled');
    else return false;
    return true;
  }

  /** Queues a failed or cancelled job again, with a fresh set of automatic retries. */
  retry(jobId: string): boolean {
    const job = this.ledger.jobs.get(jobId);
    if (!job || (job.state !== 'failed' && job.state !== 'cancelled')) return false;
    // Folder bookkeeping already counted this job as not clean; a retry stands on its own.
    this.ledger.update(job, {
      state: 'queued',
      failure: null,
      note: null,
      autoRetries: 0,
      parentDir: null,
      node: null,
    });
    return true;
  }

  /** Pauses everything: nothing new starts and running jobs are aborted to `paused`. */
  pauseAll(): void {
    this.workers.paused = true;
    for (const job of this.ledger.jobs.values()) if (job.state === 'running') this.workers.stop(job, 'pause');
    this.publisher.markDirty();
  }

  /** Undoes pauseAll and resumes every paused job. */
  resumeAll(): void {
    this.workers.paused = false;
    for (const job of [...this.ledger.jobs.values()])
      if (job.state === 'paused') this.ledger.update(job, { state: 'queued' });
    this.workers.schedulePump();
    this.publisher.markDirty();
  }

  /** Cancels every unfinished job of one group (or of all groups). */
  cancelAll(groupId?: string): void {
    for (const job of [...this.ledger.jobs.values()]) if (!groupId || job.group.id === groupId) this.cancel(job.id);
  }

  /** Retries every failed job (of one group, or all). Returns how many. */
  retryFailed(groupId?: string): number {
    let n = 0;
    for (const job of [...this.ledger.jobs.values()]) {
      if (job.state === 'failed' && (!groupId || job.group.id === groupId) && this.retry(job.id)) n++;
    }
    return n;
  }

  /**
   * Answers a conflict question. With `applyToAll` the choice also answers the group's other
   * pending questions and every later conflict of that group. Returns false for an unknown id.
   */
  answer(questionId: string, choice: ConflictChoice, applyToAll = false): boolean {
    const q = this.questions.find(questionId);
    if (!q) return false;
    const group = this.ledger.groups.get(q.groupId);
    if (applyToAll && group) group.appliedAnswer = choice;
    for (const other of [...this.questions.list]) {
      if (other === q || (applyToAll && other.groupId === q.groupId)) this.decide(other, choice);
    }
    this.saver?.markDirty();
    return true;
  }

  /** Removes finished jobs (and with `includeFailed`, failed ones) from the list and the totals. */
  clearFinished(includeFailed = false): void {
    this.ledger.clearFinished(includeFailed);
    this.publisher.markDirty();
    this.saver?.markDirty();
  }

  /**
   * Changes how many files (and parts or ranges per big file) run at once: from now on for files,
   * at the next part for running ones. The adaptive mode goes on from these numbers.
   */
  setConcurrency(files: number, parts?: number): void {
    const inFlight = this.workers.inFlight;
    inFlight.set(files >= 1 ? files : inFlight.files, parts !== undefined && parts >= 1 ? parts : inFlight.parts);
    this.workers.schedulePump();
  }

  /** Resolves when nothing is queued or running (paused-all with queued work is not idle). */
  whenIdle(): Promise<void> {
    if (this.ledger.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Publishes the stores now instead of at the next tick. */
  publishNow(): void {
    this.publisher.publishNow();
  }

  /** Writes the queue file now (no-op without one). */
  async saveNow(): Promise<void> {
    await this.saver?.flush();
  }

  /**
   * Quits: aborts running jobs, keeps them (and everything queued) as pending in the queue file
   * so the next start can resume them, and stops all timers. Idempotent.
   */
  async close(): Promise<void> {
    if (this.workers.closed) return;
    this.workers.closed = true;
    for (const job of this.ledger.jobs.values()) {
      if (job.state === 'running') this.workers.stop(job, 'close');
      job.cancelRetryTimer?.();
      job.cancelRetryTimer = null;
    }
    await this.workers.settled();
    // Cancels made before quitting still discard their unfinished uploads.
    await this.workers.discardsSettled();
    this.room.rejectAll(new Error('the transfer engine is closed'));
    await this.saver?.flush();
    await this.history.flush();
    this.publisher.publishNow();
    this.publisher.stop();
  }

  private onState(job: JobRecord, prev: JobState | null): void {
    const view = jobView(job, this.opts.clock.now());
    this.history.record(view, Date.now());
    this.emitter.emit('job', view);
    if (job.state === 'queued' && prev !== 'queued' && job.retryAt === null && !this.workers.closed)
      this.workers.enqueue(job);
    if (isTerminal(job.state)) settleTree(job);
    this.room.release();
    const group = job.group;
    if (group.settings.postponeQuestions === true) this.releaseWhenRestDone(group);
    if (group.live > 0) group.announcedFinished = false;
    else if (!group.announcedFinished && prev !== null) {
      group.announcedFinished = true;
      this.publisher.publishNow();
      const view = this.store.getSnapshot().groups.find((g) => g.id === group.id);
      if (view) this.emitter.emit('group-finished', view);
    }
    if (this.ledger.active === 0) {
      this.publisher.publishNow();
      this.emitter.emit('idle', this.totals.getSnapshot());
      for (const w of this.idleWaiters.splice(0)) w();
    }
    this.publisher.markDirty();
    if (prev === null || isTerminal(job.state) || prev === 'running' || job.state === 'paused') this.saver?.markDirty();
  }

  private ask(job: JobRecord, existing: Entry): void {
    const applied = job.group.appliedAnswer;
    if (applied) {
      // "Apply to all" was chosen while this job was running.
      this.ledger.update(job, { state: 'queued', decision: applied });
      return;
    }
    const q = this.questions.raise(job, existing);
    if (q.postponed) this.releaseWhenRestDone(job.group);
    else this.emitter.emit('question', q);
    this.publisher.markDirty();
  }

  /**
   * Raises a postponing group's held questions once nothing else of it is left: every job not
   * finished is one waiting for its answer, and no folder is still being listed.
   */
  private releaseWhenRestDone(group: GroupRecord): void {
    const held = this.questions.heldCount(group.id);
    if (held === 0 || group.live !== held || group.scansLive > 0) return;
    for (const q of this.questions.release(group.id)) this.emitter.emit('question', q);
    this.publisher.publishNow();
  }

  private decide(q: ConflictQuestion, choice: ConflictChoice): void {
    this.dropQuestion(q.jobId);
    const job = this.ledger.jobs.get(q.jobId);
    if (!job || job.state !== 'asking') return;
    this.ledger.update(job, { state: 'queued', decision: choice });
    this.workers.enqueue(job, true);
  }

  private park(job: JobRecord, state: 'paused' | 'cancelled'): void {
    job.cancelRetryTimer?.();
    job.cancelRetryTimer = null;
    this.dropQuestion(job.id);
    this.ledger.update(job, { state, retryAt: null, note: state === 'cancelled' ? 'Cancelled.' : job.note });
    // A paused job (or one waiting to retry) may have left an unfinished upload behind.
    if (state === 'cancelled') this.workers.discard(job);
  }

  private dropQuestion(jobId: string): void {
    this.questions.drop(jobId);
    this.publisher.markDirty();
  }
}

/** Creates an engine. See {@link EngineOptions} for the knobs and their defaults. */
export function createTransferEngine(options: EngineOptions): TransferEngine {
  return new TransferEngine(options);
}
