/**
 * Runs numbered tasks with a limit on how many run at once that may change while they run (the
 * transfer engine's adaptive mode): the parts of a large upload, the ranges of a big download.
 */
import { setMaxListeners } from 'node:events';

/**
 * How often a raised limit is looked for while tasks wait: a part of 100 MiB far from B2 runs for
 * seconds, and waiting for one to end before using a raise would leave the raise idle that long.
 */
const LIMIT_POLL_MS = 250;

/**
 * Runs `task(0)` … `task(count - 1)` in order of their numbers, at most `limit()` at once
 * (asked again whenever one ends, and every {@link LIMIT_POLL_MS} while tasks wait). The first failure aborts the `signal` passed to the tasks
 * still running and is thrown once they have all ended; tasks not started by then never start.
 * @throws the first task failure
 */
export function runLimited(
  count: number,
  limit: () => number,
  task: (index: number, signal: AbortSignal) => Promise<void>,
  outer?: AbortSignal,
): Promise<void> {
  const stop = new AbortController();
  const signal = outer === undefined ? stop.signal : AbortSignal.any([outer, stop.signal]);
  // Every task in flight listens to it (a few listeners per request): not a leak.
  setMaxListeners(0, signal);
  let next = 0;
  let running = 0;
  let failure: { error: unknown } | null = null;
  return new Promise<void>((resolve, reject) => {
    let poll: NodeJS.Timeout | null = null;
    const pump = (): void => {
      if (poll !== null && (failure !== null || next >= count)) {
        clearInterval(poll);
        poll = null;
      }
      if (failure !== null) {
        if (running === 0) reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
        return;
      }
      while (next < count && running < Math.max(1, limit())) {
        const index = next++;
        running++;
        task(index, signal).then(
          () => {
            running--;
            pump();
          },
          (e: unknown) => {
            running--;
            failure ??= { error: e };
            stop.abort();
            pump();
          },
        );
      }
      if (next >= count && running === 0) resolve();
      else if (poll === null && next < count && failure === null) poll = setInterval(pump, LIMIT_POLL_MS).unref();
    };
    pump();
  });
}
