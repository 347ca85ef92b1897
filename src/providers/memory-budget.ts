/**
 * A shared bound on the bytes that writes hold in memory at once: each write that must buffer
 * reserves what it will hold (all at once, released when it ends), and waits while the budget is
 * spent. However many transfers run, their buffers together stay within the capacity. First
 * come, first served, so a large reservation is not starved by a stream of small ones.
 */
import { cancelledError } from './stream-utils.js';

interface Waiter {
  bytes: number;
  grant: () => void;
}

export class MemoryBudget {
  private used = 0;
  private readonly waiting: Waiter[] = [];

  /** @param capacity bytes that may be reserved at once (raised by {@link atLeast}) */
  constructor(private capacity: number) {}

  /** Bytes reserved now. */
  get reserved(): number {
    return this.used;
  }

  /** Raises the capacity to `bytes` when it is lower (the bound a caller was promised). */
  atLeast(bytes: number): void {
    if (bytes > this.capacity) {
      this.capacity = bytes;
      this.grantWaiting();
    }
  }

  /**
   * Reserves `bytes` (at most the capacity), waiting for room; resolves with the function that
   * gives them back (call it exactly once).
   * @throws CancelledError when `signal` fires while waiting
   */
  async reserve(bytes: number, signal?: AbortSignal, path?: string): Promise<() => void> {
    const want = Math.max(0, Math.min(bytes, this.capacity));
    if (signal?.aborted === true) throw cancelledError(path, signal);
    if (this.waiting.length === 0 && this.used + want <= this.capacity) {
      this.used += want;
      return this.releaser(want);
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(waiter);
        if (i < 0) return;
        this.waiting.splice(i, 1);
        this.grantWaiting();
        reject(cancelledError(path, signal));
      };
      const waiter: Waiter = {
        bytes: want,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser(want);
  }

  private releaser(bytes: number): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.used -= bytes;
      this.grantWaiting();
    };
  }

  private grantWaiting(): void {
    for (
      let next = this.waiting[0];
      next !== undefined && this.used + Math.min(next.bytes, this.capacity) <= this.capacity;
      next = this.waiting[0]
    ) {
      this.waiting.shift();
      this.used += Math.min(next.bytes, this.capacity);
      next.grant();
    }
  }
}
