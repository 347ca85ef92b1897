/**
 * Backpressure for scans: `wait()` resolves while fewer than `limit` jobs are queued, else when
 * the queue drains below it (`release()`), or rejects when the scan is aborted.
 */
interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Room {
  private waiters: Waiter[] = [];

  /** @param hasRoom true while another job may be queued */
  constructor(private readonly hasRoom: () => boolean) {}

  wait(signal: AbortSignal): Promise<void> {
    if (this.hasRoom()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const waiter: Waiter = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      this.waiters.push(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Wakes every waiter when there is room again. */
  release(): void {
    if (this.waiters.length === 0 || !this.hasRoom()) return;
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  /** Fails every waiter (engine closed). */
  rejectAll(e: Error): void {
    for (const w of this.waiters.splice(0)) w.reject(e);
  }
}
