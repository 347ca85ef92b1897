/**
 * A FIFO of jobs with cheap removal: entries carry a token, and an entry whose job was re-queued
 * (new token) or left the `queued` state is skipped when it reaches the front.
 */

interface Queueable {
  state: string;
  queueToken: number;
}

export class RunQueue<J extends Queueable> {
  private items: Array<{ job: J; token: number }> = [];
  private head = 0;
  private static nextToken = 1;

  /** Adds at the back (or at the front with `urgent`, e.g. a just-answered conflict). */
  push(job: J, urgent = false): void {
    job.queueToken = RunQueue.nextToken++;
    const entry = { job, token: job.queueToken };
    if (urgent) {
      if (this.head > 0) this.items[--this.head] = entry;
      else this.items.unshift(entry);
    } else {
      this.items.push(entry);
    }
  }

  /** True when entries wait (some may be stale: re-queued or no longer queued). */
  get waiting(): boolean {
    return this.head < this.items.length;
  }

  /** The next job still waiting, removed from the queue; undefined when none. */
  take(): J | undefined {
    while (this.head < this.items.length) {
      const entry = this.items[this.head++];
      if (entry && entry.job.queueToken === entry.token && entry.job.state === 'queued') {
        this.compact();
        return entry.job;
      }
    }
    this.compact();
    return undefined;
  }

  private compact(): void {
    // Drop consumed entries in bulk so take() stays O(1) amortised.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
