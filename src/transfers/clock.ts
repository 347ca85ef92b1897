/**
 * Time as the engine sees it. Injected so tests advance time by hand instead of sleeping
 * (the brief forbids fixed sleeps for synchronisation).
 */

/** Cancels a scheduled callback; calling it twice is harmless. */
export type CancelTimer = () => void;

export interface Clock {
  /** Milliseconds, monotonic enough for rates and timers. */
  now(): number;
  /**
   * Runs `fn` once after `ms` milliseconds. A `weak` timer does not keep the process alive
   * (store publishing); others do (automatic retries must happen even when nothing else runs).
   */
  setTimer(fn: () => void, ms: number, weak?: boolean): CancelTimer;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(fn, ms, weak) {
    const t = setTimeout(fn, ms);
    if (weak) t.unref();
    return () => clearTimeout(t);
  },
};
