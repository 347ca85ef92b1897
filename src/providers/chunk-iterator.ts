/**
 * The chunks of a byte stream one by one, as they were pushed. A Readable's own async iterator
 * hands over everything buffered at each step, and when that is more than one chunk it copies
 * them into one new Buffer (Readable.read() → concat): on a 1 GiB download that copy and its
 * garbage cost the one JavaScript thread about 0.4 s plus as much in GC (profiled; see
 * bench/README.md). Consumers here batch chunks themselves (batched-writer.ts), so they gain
 * nothing from the copy.
 *
 * Same contract as the stream's own iterator: `next()` rejects with the stream's error (or a
 * premature-close error when it closes before its end), after the chunks it had already
 * delivered; `return()` destroys a stream that has not ended. Reads ahead at most about
 * `highWaterBytes` before pausing the stream, and nothing before the first `next()`.
 */
import type { Readable } from 'node:stream';

/** Read-ahead before the stream is paused, bytes. */
const DEFAULT_HIGH_WATER_BYTES = 1024 * 1024;

interface Waiter {
  resolve: (r: IteratorResult<Buffer, undefined>) => void;
  reject: (e: unknown) => void;
}

/** Iterates `stream`'s chunks without concatenating them; see the module comment. */
export function chunksOf(
  stream: Readable,
  highWaterBytes = DEFAULT_HIGH_WATER_BYTES,
): AsyncIterableIterator<Buffer, undefined> {
  return new ChunkIterator(stream, highWaterBytes);
}

class ChunkIterator implements AsyncIterableIterator<Buffer, undefined> {
  private queue: Buffer[] = [];
  private head = 0;
  private queuedBytes = 0;
  private ended = false;
  private failure: { error: Error } | null = null;
  private settled = false;
  private started = false;
  private waiter: Waiter | null = null;

  constructor(
    private readonly stream: Readable,
    private readonly highWaterBytes: number,
  ) {
    // 'data' only from the first next(): like the stream's own iterator, this one reads nothing
    // until asked, so a stream can be handed on to another reader (ranged-write.ts).
    stream.on('end', this.onEnd);
    stream.on('error', this.onError);
    stream.on('close', this.onClose);
    // A stream that is already over emits nothing more.
    if (stream.readableEnded) this.ended = true;
    else if (stream.destroyed) this.onClose();
    if (stream.errored !== null) this.onError(stream.errored);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Buffer, undefined>> {
    if (!this.started && !this.settled) {
      this.started = true;
      this.stream.on('data', this.onData);
    }
    if (this.head < this.queue.length) return Promise.resolve({ value: this.take(), done: false });
    if (this.failure !== null) {
      const { error } = this.failure;
      this.finish();
      return Promise.reject(error);
    }
    if (this.ended || this.settled) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Buffer, undefined>> {
    if (!this.ended && !this.stream.destroyed) this.stream.destroy();
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  private take(): Buffer {
    const chunk = this.queue[this.head] as Buffer;
    this.head++;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    this.queuedBytes -= chunk.length;
    if (this.queuedBytes < this.highWaterBytes && this.stream.isPaused() && !this.settled) this.stream.resume();
    return chunk;
  }

  private readonly onData = (data: Buffer | string): void => {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    const waiter = this.waiter;
    if (waiter !== null) {
      this.waiter = null;
      waiter.resolve({ value: chunk, done: false });
      return;
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.length;
    if (this.queuedBytes >= this.highWaterBytes) this.stream.pause();
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.wake();
  };

  private readonly onError = (error: unknown): void => {
    this.failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
    this.wake();
  };

  private readonly onClose = (): void => {
    if (!this.ended && this.failure === null) {
      this.failure = {
        error:
          this.stream.errored ?? Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
      };
    }
    this.wake();
  };

  /** Settles a waiting next() with what happened (a waiter exists only while the queue is empty). */
  private wake(): void {
    const waiter = this.waiter;
    if (waiter === null) return;
    this.waiter = null;
    this.next().then(waiter.resolve, waiter.reject);
  }

  /** Stops listening; later next() calls report the end. Keeps an 'error' listener so a late error is not unhandled. */
  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.failure = null;
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.ended = true;
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.off('close', this.onClose);
    this.stream.off('error', this.onError);
    this.stream.on('error', ignore);
  }
}

function ignore(): void {}
