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

  /**
   * @param seed stores the files; called once, when the gate opens. It must not reject: the
   *   server logs a failed seed and goes on without the files.
   */
  constructor(seed: () => Promise<void>, afterMs: number = SEED_AFTER_MS) {
    const opened = new Promise<void>((resolve) => {
      this.#go = resolve;
    });
    this.#done = opened.then(seed);
    // Does not keep the process alive: a server closed before then seeds in close() (done()).
    setTimeout(() => this.open(), afterMs).unref();
  }

  /** Starts seeding unless it has started. */
  open(): void {
    this.#go();
  }

  /** Starts seeding unless it has started; settles once every file is stored. */
  done(): Promise<void> {
    this.open();
    return this.#done;
  }
}
