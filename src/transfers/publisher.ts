/**
 * Builds snapshots from the ledger and publishes them to the stores at most once per interval
 * (default 250 ms: 4 per second), and keeps ticking while jobs run so speeds and ETAs stay fresh
 * even when no bytes arrive. Never per chunk: progress callbacks only mark the state dirty.
 */
import type { CancelTimer, Clock } from './clock.js';
import type { Ledger } from './ledger.js';
import { jobView, toProgress, type GroupRecord } from './records.js';
import { etaSeconds } from './speed-meter.js';
import { createStore, type ReadableStore, type WritableStore } from './store.js';
import type { InFlightView } from './in-flight.js';
import type { Counters } from './totals.js';
import type { ConflictQuestion, GroupView, ProgressTotals, QueueSnapshot, TotalsSnapshot } from './types.js';

/** Engine facts that live outside the ledger. */
export interface PublisherSource {
  paused(): boolean;
  questions(): readonly ConflictQuestion[];
  inFlight(): InFlightView;
}

function progress(c: Counters, speed: number, scanning: boolean): ProgressTotals {
  return toProgress(c, speed, scanning ? null : etaSeconds(c.bytesTotal - c.bytesDone, speed));
}

export class Publisher {
  private readonly queue: WritableStore<QueueSnapshot>;
  private readonly small: WritableStore<TotalsSnapshot>;
  private timer: CancelTimer | null = null;
  private lastPublish = -Infinity;

  constructor(
    private readonly ledger: Ledger,
    private readonly source: PublisherSource,
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {
    const first = this.build();
    this.queue = createStore(first.queue);
    this.small = createStore(first.totals);
  }

  get store(): ReadableStore<QueueSnapshot> {
    return this.queue;
  }

  get totals(): ReadableStore<TotalsSnapshot> {
    return this.small;
  }

  /** Something changed: publish at the next allowed moment. */
  markDirty(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPublish + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimer(
      () => {
        this.timer = null;
        this.publishNow();
      },
      wait,
      true,
    );
  }

  /** Publishes immediately (tests, and a final state before exit). */
  publishNow(): void {
    this.timer?.();
    this.timer = null;
    this.lastPublish = this.clock.now();
    const next = this.build();
    this.queue.set(next.queue);
    this.small.set(next.totals);
    // While work runs, keep ticking so speed decays and ETA updates during stalls.
    if (this.ledger.active > 0 && !this.source.paused()) this.markDirty();
  }

  /** Stops the ticking timer (engine close). */
  stop(): void {
    this.timer?.();
    this.timer = null;
  }

  private groupView(g: GroupRecord, now: number): GroupView {
    return {
      id: g.id,
      label: g.settings.label,
      operation: g.settings.operation,
      scanning: g.scansLive > 0,
      finished: g.live === 0,
      appliedAnswer: g.appliedAnswer,
      totals: progress(g.counters, g.meter.rate(now), g.scansLive > 0),
    };
  }

  private build(): { queue: QueueSnapshot; totals: TotalsSnapshot } {
    const now = this.clock.now();
    const l = this.ledger;
    const jobs = [...l.jobs.values()].map((j) => jobView(j, now));
    const groups = [...l.groups.values()].map((g) => this.groupView(g, now));
    const speed = l.meter.rate(now);
    const totals = progress(l.counters, speed, l.scansLive > 0);
    const run = progress(
      l.runCounters(),
      speed,
      [...l.run].some((g) => g.scansLive > 0),
    );
    const questions = this.source.questions();
    const paused = this.source.paused();
    const active = l.active > 0;
    return {
      queue: {
        jobs,
        groups,
        totals,
        run,
        question: questions[0] ?? null,
        questions: [...questions],
        questionsPending: questions.length,
        paused,
        active,
        inFlight: this.source.inFlight(),
      },
      totals: { totals, run, paused, active, questionsPending: questions.length },
    };
  }
}
