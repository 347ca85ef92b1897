/**
 * Splitting a byte stream into fixed-size parts for B2 large-file uploads, with a hard memory
 * bound (see {@link PartSplitter}). Generic: nothing here knows about HTTP or files.
 */

/** Part-buffer bytes held by every PartSplitter in this process: now, and the most ever. */
export interface PartBufferMemory {
  liveBytes: number;
  peakBytes: number;
}

const gauge: PartBufferMemory = { liveBytes: 0, peakBytes: 0 };

/**
 * Part-buffer bytes that PartSplitters hold in this process (allocated and not yet let go),
 * now and at the peak: what the large-upload memory bound is about, without the garbage and
 * runtime that RSS also counts. For benchmarks and diagnostics; a copy.
 */
export function partBufferMemory(): PartBufferMemory {
  return { ...gauge };
}

function gaugeAdd(bytes: number): void {
  gauge.liveBytes += bytes;
  gauge.peakBytes = Math.max(gauge.peakBytes, gauge.liveBytes);
}

/**
 * Cuts a byte stream into consecutive parts of exactly `partSize` bytes (the last may be shorter;
 * an empty source gives none), for B2 large-file uploads, with a hard memory bound.
 *
 * Each part is built in ONE buffer of `partSize` bytes: chunks are copied in as they arrive (no
 * list of chunks plus a concatenated copy), so a part never costs more than `partSize`. Buffers
 * are recycled: the caller hands a part back with {@link release} when it is done with it, and
 * the next part is built in that same memory, so the process does not wait for the garbage
 * collector to free finished parts. At most `maxParts` buffers are ever allocated; asking for a
 * part while all of them are handed out is a caller bug (the caller must bound its own parts in
 * flight, e.g. with a semaphore of `maxParts` slots taken before {@link next}).
 *
 * Memory bound: `maxParts × partSize` bytes of part buffers, plus the one source chunk that
 * straddles a part boundary (a view the source allocated; e.g. 256 KiB from the local provider).
 * The part being filled is one of the `maxParts`: the caller's slot for it is taken first.
 * The source is read only when a part is asked for, so a slow consumer slows the reader down.
 */
export class PartSplitter {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly free: Buffer[] = [];
  private readonly lent = new Set<ArrayBufferLike>();
  private carry: Buffer | null = null;
  private ended = false;
  private closed = false;
  private allocatedCount = 0;
  /** Allocated buffers no longer counted in the process gauge (kept by the caller, or closed). */
  private dropped = 0;
  private peak = 0;

  /**
   * @param partSize bytes per part (a positive integer)
   * @param maxParts part buffers that may exist at once (a positive integer or Infinity)
   * @throws RangeError for a bad `partSize` or `maxParts`
   */
  constructor(
    source: AsyncIterable<Buffer | string>,
    readonly partSize: number,
    readonly maxParts: number,
  ) {
    if (!Number.isInteger(partSize) || partSize <= 0)
      throw new RangeError(`partSize must be a positive integer, not ${partSize}.`);
    if (!(Number.isInteger(maxParts) && maxParts > 0) && maxParts !== Infinity)
      throw new RangeError(`maxParts must be a positive integer, not ${maxParts}.`);
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Part buffers allocated so far (never more than `maxParts`). */
  get allocated(): number {
    return this.allocatedCount;
  }

  /** Parts handed out by {@link next} and not released yet. */
  get outstanding(): number {
    return this.lent.size;
  }

  /** The most parts that were ever handed out at the same time. */
  get peakOutstanding(): number {
    return this.peak;
  }

  /**
   * Reads the next part from the source: a view of a part buffer, valid until it is released.
   * Resolves null at the end of the source.
   * @throws whatever the source throws (e.g. CancelledError via stream-utils' destroyOnAbort); Error when
   * `maxParts` parts are already out (a caller bug).
   */
  async next(): Promise<Buffer | null> {
    let part: Buffer | null = null;
    let filled = 0;
    while (filled < this.partSize) {
      let chunk = this.carry;
      this.carry = null;
      if (chunk === null) {
        if (this.ended) break;
        const r = await this.iterator.next();
        if (r.done === true) {
          this.ended = true;
          break;
        }
        chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
        if (chunk.length === 0) continue;
      }
      part ??= this.take();
      const n = Math.min(chunk.length, this.partSize - filled);
      chunk.copy(part, filled, 0, n);
      filled += n;
      if (n < chunk.length) this.carry = chunk.subarray(n);
    }
    if (part === null) return null;
    this.lent.add(part.buffer);
    this.peak = Math.max(this.peak, this.lent.size);
    return filled === part.length ? part : part.subarray(0, filled);
  }

  /**
   * Gives a part from {@link next} back so its buffer builds a later part. The caller must not
   * touch `part` afterwards. Releasing something that is not an outstanding part throws Error;
   * after {@link close} releasing does nothing.
   */
  release(part: Buffer): void {
    if (this.closed) return; // the buffer was let go at close
    if (!this.lent.delete(part.buffer)) throw new Error('PartSplitter.release: not a part that is out.');
    this.free.push(Buffer.from(part.buffer, 0, this.partSize));
  }

  /**
   * The caller keeps `part` for good: it stops counting as outstanding and its buffer is never
   * reused (so `maxParts` must be Infinity for a caller that keeps every part).
   */
  keep(part: Buffer): void {
    if (this.closed) return;
    if (!this.lent.delete(part.buffer)) throw new Error('PartSplitter.keep: not a part that is out.');
    this.dropped++;
    gaugeAdd(-this.partSize);
  }

  /** Stops reading: lets go of the source (its iterator's `return`) and of the free buffers. */
  async close(): Promise<void> {
    // Every buffer this splitter still counts is let go now (a lent part belongs to a caller that
    // is failing; it is not reused).
    gaugeAdd(-(this.allocatedCount - this.dropped) * this.partSize);
    this.dropped = this.allocatedCount;
    this.closed = true;
    this.lent.clear();
    this.free.length = 0;
    this.carry = null;
    if (!this.ended) {
      this.ended = true;
      await this.iterator.return?.();
    }
  }

  private take(): Buffer {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.allocatedCount >= this.maxParts)
      throw new Error(
        `PartSplitter: all ${this.maxParts} part buffers are out; release one before asking for the next part.`,
      );
    this.allocatedCount++;
    gaugeAdd(this.partSize);
    // A dedicated buffer (not a slice of Node's shared pool), so the part is identified by it on
    // release and freed as a whole; shared memory, so a worker thread can hash the part in place
    // (sha1-pool.ts) while the main thread goes on.
    return Buffer.from(new SharedArrayBuffer(this.partSize));
  }
}

/**
 * Splits a byte stream into consecutive parts of exactly `partSize` bytes (the last may be
 * shorter; an empty source yields nothing), each a buffer of its own that the caller keeps.
 * The source is read only as fast as parts are taken. For a bounded, recycling splitter see
 * {@link PartSplitter}.
 * @throws RangeError (bad `partSize`), or whatever the source errors with.
 */
export async function* splitIntoParts(
  source: AsyncIterable<Buffer | string>,
  partSize: number,
): AsyncGenerator<Buffer> {
  const splitter = new PartSplitter(source, partSize, Infinity);
  try {
    for (let part = await splitter.next(); part !== null; part = await splitter.next()) {
      splitter.keep(part);
      yield part;
    }
  } finally {
    await splitter.close();
  }
}
