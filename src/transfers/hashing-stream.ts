/**
 * A pass-through stream that computes the SHA1 of every byte flowing through it (the "source SHA1
 * in flight" the engine compares with what the destination reports), and counts bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class HashingStream extends Transform {
  private readonly hash: Hash | null;
  /** Bytes that passed through so far. */
  bytes = 0;
  private hex: string | null = null;

  /**
   * @param onBytes called after each chunk with that chunk's length
   * @param options `hash: false` only counts (the caller knows the SHA1 is checked elsewhere)
   */
  constructor(
    private readonly onBytes?: (n: number) => void,
    options: { hash?: boolean } = {},
  ) {
    super();
    this.hash = options.hash === false ? null : createHash('sha1');
  }

  /** True when this stream computes a SHA1 (see the constructor's `hash` option). */
  get hashing(): boolean {
    return this.hash !== null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    cb(null, chunk);
  }

  /**
   * Hex SHA1 of everything that passed; call only after the stream ended. Idempotent.
   * @throws Error when created with `hash: false`.
   */
  digest(): string {
    if (this.hash === null) throw new Error('HashingStream was created without hashing.');
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

/** Normalises a provider-reported SHA1 (`unverified:` prefix, case) for comparison; null stays null. */
export function normaliseSha1(sha1: string | null | undefined): string | null {
  if (!sha1 || sha1 === 'none') return null;
  const s = sha1.startsWith('unverified:') ? sha1.slice('unverified:'.length) : sha1;
  return /^[0-9a-fA-F]{40}$/.test(s) ? s.toLowerCase() : null;
}
