/**
 * When the demo account's files are seeded (demo-seed.ts). Not at once when the server starts to
 * listen: each seeding step (a file made, hashed and stored, or a megabyte of the large file) holds
 * the thread for a few milliseconds, and a request arriving meanwhile waits for one step per turn
 * of the event loop it takes to be read — `b2c --demo`'s sign-in waited 15–25 ms that way
 * (bench/README.md, "Start-up"). So the files come after the first bucket list is answered (what
 * b2c asks right after signing in), when a call needs them, or {@link SEED_AFTER_MS} after the
 * start, whichever is first.
 */

/** How long after the start the files are seeded when no call has asked for them. */
export const SEED_AFTER_MS = 100;

export class SeedingGate {
  #go: () => void = () => undefined;
  readonly #done: Promise<void>;
  #state: 'waiting' | 'seeding' | 'dropped' = 'waiting';

  /**
   * @param seed stores the files; called once, when the gate opens. It must not reject: the
   *   server logs a failed seed and goes on without the files.
   */
  constructor(seed: () => Promise<void>, afterMs: number = SEED_AFTER_MS) {
    const opened = new Promise<void>((resolve) => {
      this.#go = resolve;
    });
    this.#done = opened.then(seed);
    // Does not keep the process alive: a server closed before then seeds in close() (done()) when
    // its store is on disk, and drops the seed (drop()) when it is in memory.
    setTimeout(() => this.open(), afterMs).unref();
  }

  /** Starts seeding unless it has started (or was dropped). */
  open(): void {
    if (this.#state !== 'waiting') return;
    this.#state = 'seeding';
    this.#go();
  }

  /**
   * For a server closing with its store in memory: a seed that has not started never will, and
   * this resolves at once; one that has started is waited for.
   */
  drop(): Promise<void> {
    if (this.#state === 'waiting') {
      this.#state = 'dropped';
      return Promise.resolve();
    }
    return this.#done;
  }

  /** Starts seeding unless it has started; settles once every file is stored, or at once if dropped. */
  done(): Promise<void> {
    this.open();
    return this.#state === 'dropped' ? Promise.resolve() : this.#done;
  }
}
