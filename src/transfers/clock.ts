/**
 * Time as the engine sees it. Injected so tests advance time by hand instead of sleeping
 * (the brief forbids fixed sleeps for synchronisation).
 */

/** Cancels a scheduled callback; calling it twice is harmless. */
export type CancelTimer = () => void;

export interface Clock {
  /** Milliseconds, monotonic enough for rates and timers. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds. */
  setTimer(fn: () => void, ms: number): CancelTimer;
}

/** The real clock. Timers are unref'd so a pending publish never keeps a CLI process alive. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};

/** Resolves after `ms` on `clock`, or rejects with `signal.reason` when aborted first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(signal?.reason as Error);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
