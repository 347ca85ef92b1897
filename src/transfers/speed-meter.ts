/**
 * Transfer speed over a sliding window (default 5 s): bytes counted in the window divided by the
 * time the window covers. A stall shows as a falling speed, not a frozen one.
 * Times are clock milliseconds (see ./clock.ts); the meter never reads a clock itself.
 */

const BUCKET_MS = 100;

export class SpeedMeter {
  private total = 0;
  /** (time, cumulative bytes) pairs, oldest first; the first one is the baseline. */
  private samples: Array<{ t: number; total: number }>;

  constructor(
    startMs: number,
    private readonly windowMs = 5000,
  ) {
    this.samples = [{ t: startMs, total: 0 }];
  }

  /** Records `bytes` more bytes at time `nowMs`. Negative or zero amounts are ignored. */
  add(nowMs: number, bytes: number): void {
    if (!(bytes > 0)) return;
    this.total += bytes;
    const last = this.samples[this.samples.length - 1];
    // Merge samples closer than BUCKET_MS so a chunk-per-call producer cannot grow the array.
    if (last && this.samples.length > 1 && nowMs - last.t < BUCKET_MS) last.total = this.total;
    else this.samples.push({ t: nowMs, total: this.total });
    this.trim(nowMs);
  }

  /** Bytes per second over the window ending at `nowMs`; 0 before any time has passed. */
  rate(nowMs: number): number {
    this.trim(nowMs);
    const base = this.samples[0];
    if (!base) return 0;
    const dt = nowMs - base.t;
    if (dt <= 0) return 0;
    return ((this.total - base.total) * 1000) / dt;
  }

  /** Total bytes recorded since construction. */
  get bytes(): number {
    return this.total;
  }

  private trim(nowMs: number): void {
    const windowStart = nowMs - this.windowMs;
    // Keep exactly one sample at or before the window start as the baseline.
    while (this.samples.length > 1 && (this.samples[1]?.t ?? Infinity) <= windowStart) this.samples.shift();
  }
}

/** Seconds left at `speed` bytes/s, or null when it cannot be estimated. */
export function etaSeconds(remainingBytes: number, speed: number): number | null {
  if (remainingBytes <= 0) return 0;
  if (!(speed > 0)) return null;
  return Math.ceil(remainingBytes / speed);
}
