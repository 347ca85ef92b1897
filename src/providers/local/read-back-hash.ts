/**
 * Verifying a local write by what is on disk: the file is read back in order and hashed as its
 * written prefix grows, by a worker thread that reads the file itself (sha1-pool.ts,
 * `updateFromFile`), so the main thread spends nothing on the hash and the check overlaps the
 * writing (the bytes come from the page cache they were just written to). Ranges may be written
 * in any order (parallel downloads): only the contiguous prefix is hashed, as it grows.
 */
import { createSha1 } from '../sha1-pool.js';
import { sha1Mismatch } from '../stream-utils.js';

export class ReadBackHash {
  private readonly hash = createSha1(Infinity);
  /** Bytes from 0 that are written and handed to the hash. */
  private prefix = 0;
  /** Written ranges beyond the prefix, by start. */
  private readonly ahead = new Map<number, number>();
  private hashing: Promise<void> = Promise.resolve();
  private finished = false;

  /**
   * @param fd the file, open for reading, until {@link verify} or {@link abandon} has returned
   * @param size bytes the file will have
   */
  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly path: string,
  ) {}

  /** Bytes `start…start+length-1` are written (their write call completed). */
  written(start: number, length: number): void {
    if (length <= 0 || this.finished) return;
    this.ahead.set(start, length);
    for (let next = this.ahead.get(this.prefix); next !== undefined; next = this.ahead.get(this.prefix)) {
      this.ahead.delete(this.prefix);
      const piece = this.hash.updateFromFile(this.fd, this.prefix, next);
      // Awaited in order by verify; a failure is kept for it, never left unhandled.
      piece.catch(() => undefined);
      this.hashing = this.hashing.then(() => piece);
      this.prefix += next;
    }
  }

  /**
   * Waits for the hash of the whole file and compares it with `expected`.
   * @throws IntegrityError when it differs; Error when not all bytes were reported written or
   *   the worker failed
   */
  async verify(expected: string): Promise<void> {
    this.finished = true;
    try {
      await this.hashing;
      if (this.prefix !== this.size)
        throw new Error(`ReadBackHash: ${this.prefix} of ${this.size} bytes were written in order`);
      const actual = await this.hash.digest();
      if (actual !== expected.toLowerCase()) throw sha1Mismatch(this.path, expected, actual);
    } catch (e) {
      this.hash.abandon();
      throw e;
    }
  }

  /** Stops hashing; resolves once the worker no longer reads the file (then it may be closed). */
  async abandon(): Promise<void> {
    this.finished = true;
    await this.hashing.catch(() => undefined);
    this.hash.abandon();
  }
}
