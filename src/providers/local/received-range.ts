/**
 * A range of a big download received straight into write buffers (WriteOptions.receive): the
 * source reads from its connection into a chunk lent here, and each full chunk is written where
 * it belongs in the file from that same memory, then lent again. No Buffer per read, no stream,
 * no copy between the socket and the disk (bench/README.md, "Big files without streams").
 *
 * Memory: the chunks of one file's ranges come from one {@link ChunkPool}. Past its bound, a range
 * whose chunk is full waits for a write to finish before it receives more, so a disk slower than
 * the network holds the source back instead of filling memory.
 */
import type { FileHandle } from 'node:fs/promises';
import type { RangeSink } from '../types.js';
import type { BackgroundSync } from './batched-writer.js';
import { mapFsError } from './fs-errors.js';

/** Bytes of one chunk: one write call each, large enough to amortise the thread-pool round trip. */
export const CHUNK_BYTES = 1024 * 1024;
/**
 * Chunks out at once before a range with a full one waits (each range in flight may always hold
 * one). Measured on a 1 GiB download from the built-in server: 4–8 chunks took 1.2 s, 16 chunks
 * 1.4–1.8 s and 64 chunks 1.5–1.7 s, as memory that stays warm in the caches and in the process
 * costs less to fill than fresh pages.
 */
const POOL_CHUNKS = 8;

/** The chunks a file's ranges receive into; see the module comment. */
export class ChunkPool {
  private readonly free: Buffer[] = [];
  private out = 0;
  private readonly waiting: Array<() => void> = [];

  /** A chunk (reused when one is free). Never waits: see {@link room}. */
  take(): Buffer {
    this.out++;
    return this.free.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  }

  /** A chunk comes back (its write is done, or its range ended). */
  give(chunk: Buffer): void {
    this.out--;
    this.free.push(chunk);
    this.waiting.shift()?.();
  }

  /**
   * Undefined while fewer than the bound are out; else a promise that resolves once a chunk
   * comes back. Only a range with a write in flight waits, so every wait ends.
   */
  room(): Promise<void> | undefined {
    if (this.out <= POOL_CHUNKS) return undefined;
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/** One range's sink: see the module comment. */
export class ReceivedRange implements RangeSink {
  private chunk: Buffer | null = null;
  private used = 0;
  /** Where the current chunk goes in the file. */
  private at: number;
  private inFlight = 0;
  private idle: (() => void) | null = null;
  private failure: { error: Error } | null = null;

  /**
   * @param start where the range's first byte goes in the file
   * @param onWritten told of each chunk once written: its bytes and where they went
   */
  constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
    start: number,
    private readonly pool: ChunkPool,
    private readonly onWritten: (bytes: number, at: number) => void,
    private readonly sync: BackgroundSync,
  ) {
    this.at = start;
  }

  space(): Uint8Array {
    this.chunk ??= this.pool.take();
    return this.chunk.subarray(this.used);
  }

  filled(n: number): Promise<void> | undefined {
    if (this.failure !== null) return Promise.reject(this.failure.error);
    this.used += n;
    if (this.used < CHUNK_BYTES) return undefined;
    this.flush();
    const room = this.pool.room();
    return room?.then(() => {
      if (this.failure !== null) throw this.failure.error;
    });
  }

  /**
   * Writes what is left and waits for every write.
   * @throws the first write failure, as a provider error (NoSpaceError, …)
   */
  async finish(): Promise<void> {
    if (this.used > 0) this.flush();
    await this.settle();
    if (this.failure !== null) throw this.failure.error;
  }

  /** Waits for the writes in flight without throwing, and gives back an unfilled chunk. */
  async settle(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.chunk !== null) {
      this.pool.give(this.chunk);
      this.chunk = null;
      this.used = 0;
    }
  }

  private flush(): void {
    const chunk = this.chunk!;
    const bytes = this.used;
    const at = this.at;
    this.chunk = null;
    this.used = 0;
    this.at += bytes;
    this.inFlight++;
    writeAll(this.handle, chunk, bytes, at)
      .then(
        () => {
          this.onWritten(bytes, at);
          this.sync.written(bytes);
        },
        (e: unknown) => {
          this.failure ??= { error: mapFsError(e, this.path, 'create') };
        },
      )
      .finally(() => {
        this.pool.give(chunk);
        if (--this.inFlight === 0) {
          const idle = this.idle;
          this.idle = null;
          idle?.();
        }
      });
  }
}

/** Writes `bytes` of `chunk` at `position` (a write may take fewer bytes than asked). */
async function writeAll(handle: FileHandle, chunk: Buffer, bytes: number, position: number): Promise<void> {
  let done = 0;
  while (done < bytes) {
    const { bytesWritten } = await handle.write(chunk, done, bytes - done, position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' });
    done += bytesWritten;
  }
}
