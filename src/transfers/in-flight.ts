/**
 * How much the engine keeps in flight: files at once × parts (or download ranges) of each big
 * file at once, and the adaptive mode that raises both while throughput rises.
 *
 * Why: a client far from B2 is bound by round trips, so what it keeps in flight sets its speed,
 * and the right amount depends on the link (loopback: a few; 40 ms away: dozens) — no fixed
 * default fits both. So the engine starts from the configured numbers and probes: every
 * {@link WINDOW_MS} it measures the bytes moved; after raising one of the two numbers it keeps
 * the new value when the next window moved at least {@link GAIN} more, else it goes back and
 * holds for {@link HOLD_MS} before probing again. Files are raised while files wait for a slot,
 * parts while big files run and none wait. Memory is not what it grows: parts streamed from a
 * local file and download ranges written in place hold no part buffers, and uploads that must
 * buffer stay inside the B2 provider's memory bound (`partConcurrency × partSize`) however many
 * run (see src/providers/memory-budget.ts).
 */

/** Length of one measurement, ms. */
export const WINDOW_MS = 1000;
/** A raise is kept when throughput grows by at least this factor. */
export const GAIN = 1.1;
/** After a raise that did not pay, no new probe for this long, ms. */
export const HOLD_MS = 15_000;

/** What the queue panel shows about it. */
export interface InFlightView {
  /** Files transferred at once (the current target). */
  files: number;
  /** Parts or ranges of one big file at once (the current target). */
  parts: number;
  /** The adaptive mode is on. */
  adaptive: boolean;
  /** `probing`: a raise is being measured; `holding`: the last one did not pay; `steady` otherwise. */
  phase: 'steady' | 'probing' | 'holding';
}

/** What the engine tells the tuner at each tick. */
export interface Demand {
  /** Bytes moved by every job so far (a running total). */
  bytesMoved: number;
  /** File jobs wait for a slot. */
  filesWaiting: boolean;
  /** A running job is big enough to be sent in several parts or ranges. */
  bigFileRunning: boolean;
}

export interface TunerLimits {
  files: number;
  parts: number;
  maxFiles: number;
  maxParts: number;
  adaptive: boolean;
}

/** The two numbers and the adaptive probing; see the module comment. Pure: time is passed in. */
export class InFlightTuner {
  private filesNow: number;
  private partsNow: number;
  private phase: InFlightView['phase'] = 'steady';
  private windowStart: number | null = null;
  private windowBytes = 0;
  /** Throughput (bytes/s) before the raise being probed. */
  private baseline = 0;
  private undo: (() => void) | null = null;
  private holdUntil = 0;

  constructor(private readonly limits: TunerLimits) {
    this.filesNow = Math.max(1, limits.files);
    this.partsNow = Math.max(1, limits.parts);
  }

  /** Files at once now. */
  get files(): number {
    return this.filesNow;
  }

  /** Parts or ranges of one file at once now. */
  get parts(): number {
    return this.partsNow;
  }

  /** Sets both numbers (a user's choice); the probing starts over from them. */
  set(files: number, parts: number): void {
    this.filesNow = Math.max(1, Math.floor(files));
    this.partsNow = Math.max(1, Math.floor(parts));
    this.phase = 'steady';
    this.undo = null;
    this.windowStart = null;
  }

  view(): InFlightView {
    return { files: this.filesNow, parts: this.partsNow, adaptive: this.limits.adaptive, phase: this.phase };
  }

  /**
   * Called a few times a second while work runs (and once when it stops, with no demand).
   * Returns true when `files` or `parts` changed.
   */
  tick(now: number, d: Demand): boolean {
    if (!this.limits.adaptive) return false;
    if (!d.filesWaiting && !d.bigFileRunning) {
      // Nothing to grow for (the queue is draining or idle): measure afresh next time.
      this.windowStart = null;
      if (this.phase === 'probing') this.phase = 'steady';
      this.undo = null;
      return false;
    }
    if (this.windowStart === null) {
      this.windowStart = now;
      this.windowBytes = d.bytesMoved;
      return false;
    }
    const elapsed = now - this.windowStart;
    if (elapsed < WINDOW_MS) return false;
    const rate = ((d.bytesMoved - this.windowBytes) * 1000) / elapsed;
    this.windowStart = now;
    this.windowBytes = d.bytesMoved;
    return this.decide(now, rate, d);
  }

  private decide(now: number, rate: number, d: Demand): boolean {
    if (this.phase === 'probing') {
      if (rate >= this.baseline * GAIN) {
        this.baseline = rate;
        return this.raise(d) || this.settle();
      }
      this.undo?.();
      this.undo = null;
      this.phase = 'holding';
      this.holdUntil = now + HOLD_MS;
      return true;
    }
    if (this.phase === 'holding' && now < this.holdUntil) return false;
    this.phase = 'steady';
    this.baseline = rate;
    return rate > 0 && this.raise(d);
  }

  /** Doubles the number that can help (files while files wait, else parts); false when none can grow. */
  private raise(d: Demand): boolean {
    if (d.filesWaiting && this.filesNow < this.limits.maxFiles) {
      const before = this.filesNow;
      this.filesNow = Math.min(this.limits.maxFiles, before * 2);
      this.undo = () => (this.filesNow = before);
    } else if (d.bigFileRunning && this.partsNow < this.limits.maxParts) {
      const before = this.partsNow;
      this.partsNow = Math.min(this.limits.maxParts, before * 2);
      this.undo = () => (this.partsNow = before);
    } else {
      return false;
    }
    this.phase = 'probing';
    return true;
  }

  /** The last raise paid but nothing more can grow: keep it. */
  private settle(): boolean {
    this.phase = 'steady';
    this.undo = null;
    return false;
  }
}
