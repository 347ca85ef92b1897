/**
 * Stream helpers shared by every provider (local and B2): SHA1 + byte counting while data flows,
 * size/SHA1 verification, cancellation with a typed error. (Splitting a stream into parts for
 * large uploads is B2's alone: ./b2/part-splitter.ts.)
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
export function sizeMismatch(
  path: string | undefined,
  expected: number,
  actual: number,
  atLeast: boolean,
): IntegrityError {
  const where = path === undefined ? 'The data' : `The data for "${path}"`;
  const got = atLeast ? `at least ${actual}` : String(actual);
  return new IntegrityError(`${where} should be ${expected} bytes but ${got} arrived.`, path);
}

/** IntegrityError for a SHA1 that differs from the promised one. */
export function sha1Mismatch(path: string | undefined, expected: string, actual: string): IntegrityError {
  const where = path === undefined ? 'The data' : `The data for "${path}"`;
  return new IntegrityError(`${where} has SHA1 ${actual}, but ${expected.toLowerCase()} was expected.`, path);
}
