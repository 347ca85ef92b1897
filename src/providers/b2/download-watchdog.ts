/**
 * The stall detector of a download: "no byte for `idleMs` while we wait for one" (time the
 * consumer spends not reading does not count, so a slow consumer is never mistaken for a dead
 * connection). One timer per stream instead of one per chunk: the hot path only stores a
 * timestamp, and the timer, when it fires, checks how long the wait has really been and either
 * reports a stall or sleeps for the rest of the allowance.
 */

export class IdleWatchdog {
  /** performance.now() since when we have been waiting for a byte, or null while not waiting. */
  private since: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  /**
   * @param idleMs allowance in milliseconds
   * @param onStall called once per stall (the watchdog is stopped by then)
   */
  constructor(
    private readonly idleMs: number,
    private readonly onStall: () => void,
  ) {}

  /** We are (still) waiting for the next byte, from now on. Cheap: called per chunk. */
  waiting(): void {
    this.since = performance.now();
    if (this.timer === null) this.timer = setTimeout(this.check, this.idleMs);
  }

  /** We are not waiting (the consumer is not reading, or there is no connection). */
  idle(): void {
    this.since = null;
  }

  /** Stops the timer for good (until the next `waiting`). */
  stop(): void {
    this.since = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly check = (): void => {
    this.timer = null;
    if (this.since === null) return;
    const waited = performance.now() - this.since;
    if (waited >= this.idleMs) {
      this.since = null;
      this.onStall();
      return;
    }
    this.timer = setTimeout(this.check, this.idleMs - waited);
  };
}
