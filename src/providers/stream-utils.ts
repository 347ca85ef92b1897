/**
 * Stream helpers shared by every provider (local and B2): SHA1 + byte counting while data flows,
 * size/SHA1 verification, cancellation with a typed error, and splitting a stream into parts.
 * Generic on purpose: nothing here knows about files, buckets or HTTP.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { CancelledError, IntegrityError } from './errors.js';

/** Hex SHA1 of a whole buffer. */
export function sha1Hex(data: Uint8Array | string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** A CancelledError for `path`, carrying the signal's reason as `cause`. */
export function cancelledError(path?: string, signal?: AbortSignal): CancelledError {
  const what = path === undefined ? 'The operation' : `The operation on "${path}"`;
  return new CancelledError(`${what} was cancelled.`, path, { cause: signal?.reason });
}

/** Throws CancelledError when `signal` has already fired; does nothing without a signal. */
export function throwIfAborted(signal: AbortSignal | undefined, path?: string): void {
  if (signal?.aborted === true) throw cancelledError(path, signal);
}

function ignore(): void {}

/**
 * Destroys `stream` with a CancelledError when `signal` fires (at once if it already has), so a
 * `for await` over the stream or a `pipeline` through it rejects with that typed error instead of
 * Node's generic AbortError. Returns a function that detaches the listener; call it when done.
 */
export function destroyOnAbort(stream: Readable, signal: AbortSignal | undefined, path?: string): () => void {
  if (signal === undefined) return () => undefined;
  const onAbort = (): void => {
    // Deliberate destruction: consumers that listen still get the error, but a stream nobody
    // listens to yet (an iterator not started) must not turn it into an uncaught exception.
    stream.on('error', ignore);
    stream.destroy(cancelledError(path, signal));
  };
  if (signal.aborted) {
    onAbort();
    return () => undefined;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/**
 * A pass-through that counts bytes and (optionally) hashes them with SHA1 on the way.
 * `bytes` is current at any time; `sha1Hex()` is valid once the stream has ended.
 * `onBytes` is called with each chunk's length as it passes.
 */
export class HashingCounter extends Transform {
  /** Bytes seen so far. */
  bytes = 0;
  private readonly hash: Hash | null;
  private readonly onBytes: ((n: number) => void) | undefined;
  private digest: string | null = null;

  /** `sha1: false` only counts (default: hash too). */
  constructor(options: { sha1?: boolean; onBytes?: (n: number) => void } = {}) {
    super();
    this.hash = options.sha1 === false ? null : createHash('sha1');
    this.onBytes = options.onBytes;
  }

  /** Feeds a chunk without piping (for callers that drive the data themselves). */
  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
    this.onBytes?.(chunk.length);
  }

  /** Hex SHA1 of everything seen; finalises the hash (call once, after the last chunk). */
  sha1Hex(): string {
    if (this.hash === null) throw new Error('HashingCounter was created without sha1.');
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.update(chunk);
    done(null, chunk);
  }
}

/** What a {@link VerifyingStream} checks. Omitted fields are not checked. */
export interface VerifyExpectation {
  /** Exact byte count; more bytes fail as soon as they arrive, fewer fail at the end. */
  size?: number;
  /** Expected lowercase/uppercase hex SHA1 of all bytes; checked at the end. */
  sha1?: string | null;
  /** Named in error messages. */
  path?: string;
}

/**
 * A pass-through that errors with IntegrityError when the bytes do not match `expect`:
 * too many bytes (at once, before passing the excess on), too few or a wrong SHA1 (at the end,
 * so the consumer sees the error instead of a clean end). Use it for downloads (X-Bz-Content-Sha1)
 * and uploads alike. `bytes` and `actualSha1` are readable afterwards.
 */
export class VerifyingStream extends Transform {
  bytes = 0;
  /** Hex SHA1 of what passed, set at the end when a SHA1 was expected. */
  actualSha1: string | null = null;
  private readonly hash: Hash | null;

  constructor(private readonly expect: VerifyExpectation) {
    super();
    this.hash = expect.sha1 ? createHash('sha1') : null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const { size } = this.expect;
    if (size !== undefined && this.bytes > size) {
      done(sizeMismatch(this.expect.path, size, this.bytes, true));
      return;
    }
    this.hash?.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const { size, sha1, path } = this.expect;
    if (size !== undefined && this.bytes !== size) {
      done(sizeMismatch(path, size, this.bytes, false));
      return;
    }
    if (this.hash !== null && sha1) {
      this.actualSha1 = this.hash.digest('hex');
      if (this.actualSha1 !== sha1.toLowerCase()) {
        done(sha1Mismatch(path, sha1, this.actualSha1));
        return;
      }
    }
    done();
  }
}

/** IntegrityError for a byte count that differs from the promised one. */
export function sizeMismatch(path: string | undefined, expected: number, actual: number, atLeast: boolean): IntegrityError {
  const where = path === undefined ? 'The data' : `The data for "${path}"`;
  const got = atLeast ? `at least ${actual}` : String(actual);
  return new IntegrityError(`${where} should be ${expected} bytes but ${got} arrived.`, path);
}

/** IntegrityError for a SHA1 that differs from the promised one. */
export function sha1Mismatch(path: string | undefined, expected: string, actual: string): IntegrityError {
  const where = path === undefined ? 'The data' : `The data for "${path}"`;
  return new IntegrityError(`${where} has SHA1 ${actual}, but ${expected.toLowerCase()} was expected.`, path);
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
  private allocatedCount = 0;
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
    if (!Number.isInteger(partSize) || partSize <= 0) throw new RangeError(`partSize must be a positive integer, not ${partSize}.`);
    if (!(Number.isInteger(maxParts) && maxParts > 0) && maxParts !== Infinity) throw new RangeError(`maxParts must be a positive integer, not ${maxParts}.`);
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
   * @throws whatever the source throws (e.g. CancelledError via {@link destroyOnAbort}); Error when
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
   * touch `part` afterwards. Releasing something that is not an outstanding part throws Error.
   */
  release(part: Buffer): void {
    if (!this.lent.delete(part.buffer)) throw new Error('PartSplitter.release: not a part that is out.');
    this.free.push(Buffer.from(part.buffer, 0, this.partSize));
  }

  /**
   * The caller keeps `part` for good: it stops counting as outstanding and its buffer is never
   * reused (so `maxParts` must be Infinity for a caller that keeps every part).
   */
  keep(part: Buffer): void {
    if (!this.lent.delete(part.buffer)) throw new Error('PartSplitter.keep: not a part that is out.');
  }

  /** Stops reading: lets go of the source (its iterator's `return`) and of the free buffers. */
  async close(): Promise<void> {
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
    if (this.allocatedCount >= this.maxParts) throw new Error(`PartSplitter: all ${this.maxParts} part buffers are out; release one before asking for the next part.`);
    this.allocatedCount++;
    // allocUnsafeSlow: a dedicated ArrayBuffer (not a slice of Node's shared pool), so the part
    // is identified by it on release and freed as a whole.
    return Buffer.allocUnsafeSlow(this.partSize);
  }
}

/**
 * Splits a byte stream into consecutive parts of exactly `partSize` bytes (the last may be
 * shorter; an empty source yields nothing), each a buffer of its own that the caller keeps.
 * The source is read only as fast as parts are taken. For a bounded, recycling splitter see
 * {@link PartSplitter}.
 * @throws RangeError (bad `partSize`), or whatever the source errors with.
 */
export async function* splitIntoParts(source: AsyncIterable<Buffer | string>, partSize: number): AsyncGenerator<Buffer> {
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
