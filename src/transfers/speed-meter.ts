/**
 * Transfer speed over a moving window (default 5 s): the bytes counted in the window divided by
 * the time the window covers. A stall shows as a falling speed, not a frozen one.
 *
 * The speed is 0 — "not known yet", shown as "—" — until it means something: the meter needs
 * progress reported at two moments at least and a second of it (`minSpanMs`). The first report
 * of a run of progress only marks where measuring starts, because when its bytes began to move is
 * not known (a job may have spent seconds hashing or looking names up before); counting them over
 * a few milliseconds, or over the idle time before them, is what gave "18.2 KiB/s, 23h 24m left".
 * A run starts with the first bytes, and again after an idle spell longer than the window.
 * Times are clock milliseconds (see ./clock.ts); the meter never reads a clock itself.
 */

/** Reports closer together than this are one sample, so a chunk-per-call producer cannot grow the array. */
const BUCKET_MS = 100;

interface Sample {
  t: number;
  /** Bytes recorded up to and including this sample. */
  total: number;
}

export class SpeedMeter {
  private total = 0;
  /** Oldest first; the first one is the baseline (its bytes are not counted in the rate). */
  private samples: Sample[] = [];
  /** When the current run of progress started. */
  private since = 0;

  constructor(
    private readonly windowMs = 5000,
    private readonly minSpanMs = 1000,
  ) {}

  /** Records `bytes` more bytes at time `nowMs`. Negative or zero amounts are ignored. */
  add(nowMs: number, bytes: number): void {
    if (!(bytes > 0)) return;
    this.total += bytes;
    const last = this.samples[this.samples.length - 1];
    if (last === undefined || nowMs - last.t > this.windowMs) {
      this.samples = [{ t: nowMs, total: this.total }];
      this.since = nowMs;
      return;
    }
    if (nowMs - last.t < BUCKET_MS) last.total = this.total;
    else this.samples.push({ t: nowMs, total: this.total });
    this.trim(nowMs);
  }

  /** Bytes per second over the window ending at `nowMs`; 0 while not known (see the module comment). */
  rate(nowMs: number): number {
    this.trim(nowMs);
    const base = this.samples[0];
    if (base === undefined || this.samples.length < 2 || nowMs - this.since < this.minSpanMs) return 0;
    const dt = nowMs - base.t;
    return dt > 0 ? ((this.total - base.total) * 1000) / dt : 0;
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
