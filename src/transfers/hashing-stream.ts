/**
 * A pass-through stream that computes the SHA1 of every byte flowing through it (the "source SHA1
 * in flight" the engine compares with what the destination reports), and counts bytes. Big
 * transfers are hashed in a worker thread (sha1-pool.ts); the stream waits for the worker when it
 * falls behind, so memory stays bounded.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { createSha1, HIGH_WATER_BYTES, type Sha1 } from '../providers/sha1-pool.js';

export class HashingStream extends Transform {
  private readonly hash: Sha1 | null;
  /** Bytes that passed through so far. */
  bytes = 0;
  private hex: Promise<string> | null = null;

  /**
   * @param onBytes called after each chunk with that chunk's length
   * @param options `hash: false` only counts (the caller knows the SHA1 is checked elsewhere);
   *   `size`: the bytes expected (big ones are hashed off the main thread)
   */
  constructor(
    private readonly onBytes?: (n: number) => void,
    options: { hash?: boolean; size?: number } = {},
  ) {
    super();
    this.hash = options.hash === false ? null : createSha1(options.size ?? Infinity);
  }

  /** True when this stream computes a SHA1 (see the constructor's `hash` option). */
  get hashing(): boolean {
    return this.hash !== null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    if (this.hash === null || this.hash.pending <= HIGH_WATER_BYTES) {
      cb(null, chunk);
      return;
    }
    this.hash.drained().then(
      () => cb(null, chunk),
      (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
    );
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    // Stopped before every byte came through: nobody will ask for the digest.
    if (this.hex === null && (error !== null || !this.writableFinished)) this.hash?.abandon();
    done(error);
  }

  /**
   * Hex SHA1 of everything that passed; call only after the stream ended. Idempotent.
   * @throws Error when created with `hash: false`.
   */
  digest(): Promise<string> {
    if (this.hash === null) return Promise.reject(new Error('HashingStream was created without hashing.'));
    this.hex ??= this.hash.digest();
    return this.hex;
  }
}

/** Normalises a provider-reported SHA1 (`unverified:` prefix, case) for comparison; null stays null. */
export function normaliseSha1(sha1: string | null | undefined): string | null {
  if (!sha1 || sha1 === 'none') return null;
  const s = sha1.startsWith('unverified:') ? sha1.slice('unverified:'.length) : sha1;
  return /^[0-9a-fA-F]{40}$/.test(s) ? s.toLowerCase() : null;
}
