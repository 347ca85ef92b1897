/**
 * A pass-through stream that computes the SHA1 of every byte flowing through it (the "source SHA1
 * in flight" the engine compares with what the destination reports), and counts bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class HashingStream extends Transform {
  private readonly hash: Hash = createHash('sha1');
  /** Bytes that passed through so far. */
  bytes = 0;
  private hex: string | null = null;

  constructor(private readonly onBytes?: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    cb(null, chunk);
  }

  /** Hex SHA1 of everything that passed; call only after the stream ended. Idempotent. */
  digest(): string {
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
