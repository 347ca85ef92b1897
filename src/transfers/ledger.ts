/**
 * The engine's book-keeping: every job and group, the counters, and how many jobs are active.
 * All state changes go through `add`, `update` and `progress` so counters never drift.
 */
import type { Clock } from './clock.js';
import { newGroup, newJob, type GroupRecord, type GroupSettings, type JobRecord, type NewJob } from './records.js';
import { SpeedMeter } from './speed-meter.js';
import { addCounters, contribution, isLive, zeroCounters, type Counters } from './totals.js';
import type { JobState } from './types.js';

/** Called after a job was added (`prev` null) or changed state. */
export type StateListener = (job: JobRecord, prev: JobState | null) => void;

export class Ledger {
  readonly jobs = new Map<string, JobRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly counters: Counters = zeroCounters();
  readonly meter: SpeedMeter;
  /** Jobs queued or running, any kind (0 = idle). */
  active = 0;
  /** Non-scan jobs in `queued`: scans wait while this is at the limit. */
  queuedFiles = 0;
  /** Scans not yet terminal, all groups. */
  scansLive = 0;
  private finishedOrder: JobRecord[] = [];
  private nextJob = 1;
  private nextGroup = 1;

  constructor(
    private readonly clock: Clock,
    private readonly keepFinished: number,
    private readonly onState: StateListener,
  ) {
    this.meter = new SpeedMeter();
  }

  /**
   * The groups of the current run: every group added since the queue last had nothing to do (no
   * group with a job queued, running, paused or asking). What "this run" counts.
   */
  readonly run = new Set<GroupRecord>();

  addGroup(settings: GroupSettings, restored: boolean): GroupRecord {
    const g = newGroup(`g${this.nextGroup++}`, settings, restored);
    this.groups.set(g.id, g);
    if ([...this.run].every((r) => r.live === 0)) this.run.clear();
    this.run.add(g);
    return g;
  }

  /** The counters of the current run's groups (see `run`). */
  runCounters(): Counters {
    const sum = zeroCounters();
    for (const g of this.run) addCounters(sum, g.counters, 1);
    return sum;
  }

  /** Creates a job (state `queued` unless the spec says otherwise) and counts it. */
  add(group: GroupRecord, spec: NewJob): JobRecord {
    const job = newJob(`j${this.nextJob++}`, group, spec);
    this.jobs.set(job.id, job);
    this.count(job, 1);
    const c = contribution(job);
    addCounters(group.counters, c, 1);
    addCounters(this.counters, c, 1);
    this.onState(job, null);
    return job;
  }

  /** Applies `patch` to `job`, keeping counters and activity counts right. */
  update(job: JobRecord, patch: Partial<JobRecord>): void {
    const before = contribution(job);
    const prev = job.state;
    this.count(job, -1);
    Object.assign(job, patch);
    this.count(job, 1);
    const after = contribution(job);
    for (const c of [job.group.counters, this.counters]) {
      addCounters(c, before, -1);
      addCounters(c, after, 1);
    }
    job.view = null;
    if (prev !== job.state) {
      if (job.state === 'done' || job.state === 'skipped') this.finished(job);
      this.onState(job, prev);
    }
  }

  /** Sets a running job's bytes for this attempt (absolute); feeds the speed meters. */
  progress(job: JobRecord, bytes: number): void {
    const clamped = Math.max(0, Math.min(bytes, job.size));
    const delta = clamped - job.bytesDone;
    if (delta === 0) return;
    job.bytesDone = clamped;
    job.view = null;
    job.group.counters.bytesDone += delta;
    this.counters.bytesDone += delta;
    if (delta > 0) {
      const now = this.clock.now();
      this.meter.add(now, delta);
      job.group.meter.add(now, delta);
      job.meter?.add(now, delta);
    }
  }

  /**
   * Drops finished jobs (done, skipped, cancelled; failed too with `includeFailed`) from the list
   * and their counts from the totals; drops groups left without jobs or work.
   */
  clearFinished(includeFailed: boolean): void {
    for (const job of [...this.jobs.values()]) {
      const s = job.state;
      if (s === 'done' || s === 'skipped' || s === 'cancelled' || (includeFailed && s === 'failed')) {
        const c = contribution(job);
        addCounters(job.group.counters, c, -1);
        addCounters(this.counters, c, -1);
        this.jobs.delete(job.id);
      }
    }
    this.finishedOrder = [];
    for (const g of this.groups.values()) {
      addCounters(this.counters, g.archived, -1);
      addCounters(g.counters, g.archived, -1);
      g.archived = zeroCounters();
    }
    const remaining = new Set<string>();
    for (const j of this.jobs.values()) remaining.add(j.group.id);
    for (const g of [...this.groups.values()]) {
      if (g.live === 0 && !remaining.has(g.id)) {
        this.groups.delete(g.id);
        this.run.delete(g);
      }
    }
  }

  /** Adds (`1`) or removes (`-1`) the job's share of the activity counts for its current state. */
  private count(job: JobRecord, sign: 1 | -1): void {
    if (job.state === 'queued' || job.state === 'running') this.active += sign;
    if (job.state === 'queued' && job.kind !== 'scan') this.queuedFiles += sign;
    if (isLive(job.state)) {
      job.group.live += sign;
      if (job.kind === 'scan') {
        job.group.scansLive += sign;
        this.scansLive += sign;
      }
    }
  }

  /** Keeps at most `keepFinished` done/skipped jobs listed; older ones live on in the counters. */
  private finished(job: JobRecord): void {
    this.finishedOrder.push(job);
    while (this.finishedOrder.length > this.keepFinished) {
      const old = this.finishedOrder.shift();
      if (!old || !this.jobs.has(old.id)) continue;
      this.jobs.delete(old.id);
      addCounters(old.group.archived, contribution(old), 1);
    }
  }
}
