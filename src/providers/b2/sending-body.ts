/**
 * An upload's request body that counts bytes as the HTTP client takes them, so progress moves
 * while a file or part is sent instead of jumping when B2 answers. The client takes a slice only
 * when the socket has room (backpressure), so the count runs ahead of what B2 received by at most
 * the socket buffers. Each attempt counts afresh: a failed one takes its bytes back (they will be
 * sent again), so what a caller adds up never exceeds the size.
 */
import { Readable } from 'node:stream';

/** Bytes handed to the client at a time: small enough for smooth progress, large enough to cost nothing. */
const SLICE_BYTES = 64 * 1024;

/**
 * One attempt's body and its count, reported to `onSent` as deltas. Every upload counts its bytes
 * here — a buffer through {@link stream}, a range read from the source through {@link count} — so
 * all of them report progress the same way.
 */
export class SendingBody {
  private sent = 0;

  constructor(private readonly onSent: ((delta: number) => void) | undefined) {}

  /** `n` more bytes of this attempt went to the HTTP client. */
  count(n: number): void {
    this.sent += n;
    this.onSent?.(n);
  }

  /** A stream over `data` (slices, no copies) that counts each slice as the client reads it. */
  stream(data: Buffer): Readable {
    let offset = 0;
    const count = (n: number): void => this.count(n);
    return new Readable({
      highWaterMark: SLICE_BYTES,
      read() {
        if (offset >= data.length) {
          this.push(null);
          return;
        }
        const slice = data.subarray(offset, offset + SLICE_BYTES);
        offset += slice.length;
        count(slice.length);
        this.push(slice);
      },
    });
  }

  /** The attempt failed: its bytes count no more (reported as a negative delta). */
  takeBack(): void {
    if (this.sent === 0) return;
    const n = this.sent;
    this.sent = 0;
    this.onSent?.(-n);
  }
}
