/**
 * Big local writes in parallel byte ranges (WriteOptions.reopen): how a big B2 file is
 * downloaded over several connections at once. Far from B2 one connection is bound by round
 * trips and the link's per-connection rate; close by (loopback) one connection of the built-in
 * server still carries less than several (measured: bench/README.md). Each range is written
 * where it belongs in the temporary file (positional writes, nothing reordered in memory), and
 * the whole file is verified by a SHA1 pass that reads it back in order as the written prefix
 * grows — in a worker thread, from the page cache (read-back-hash.ts) — so verifying overlaps the
 * download and costs the main thread nothing. The first range comes from `source` (the request
 * already made). write.ts does the rest (temporary name, fsync, commit) as for any write.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { sizeMismatch } from '../stream-utils.js';
import type { ByteRange, WriteOptions } from '../types.js';
import { chunksOf } from '../chunk-iterator.js';
import { runLimited } from '../run-limited.js';
import { BackgroundSync, BatchedFileWriter } from './batched-writer.js';
import { ReadBackHash } from './read-back-hash.js';
import { ChunkPool, ReceivedRange } from './received-range.js';

/** Files from this size on are written in parallel ranges when the caller allows it. */
export const RANGED_MIN_BYTES = 32 * 1024 * 1024;
/** Ranges are never smaller than this (each costs a request and, far from B2, a round trip). */
const MIN_RANGE_BYTES = 8 * 1024 * 1024;
/**
 * Nor bigger than this: a slow connection then leaves little for the others to wait on at the
 * end, and the read-back hash, which can only take the file's written prefix in order, trails the
 * ranges in flight by about their number × this size — what it must still read when the last
 * byte arrives (with 32 ranges of 32 MiB, the whole of a 1 GiB file).
 */
const MAX_RANGE_BYTES = 16 * 1024 * 1024;
/**
 * Bytes one range's writer gathers per write call: small, as many ranges run at once (up to 32 in
 * the adaptive mode), each holding at most two batches.
 */
const RANGE_BATCH_BYTES = 512 * 1024;
/** Read-ahead of one range's stream: with many ranges in flight, memory is this times their number. */
const RANGE_READ_AHEAD_BYTES = 256 * 1024;
/** Ranges are cut for at least this many connections. */
const PLANNED_STREAMS = 16;

/** What a ranged write needs on top of a plain one. */
export type RangedWriteOptions = WriteOptions & {
  reopen: NonNullable<WriteOptions['reopen']>;
  sha1: string;
};

/**
 * True when `o` asks for a write that {@link writeRanges} should do: a source readable by range,
 * a SHA1 to verify the whole against, several ranges allowed and a big enough file.
 */
export function wantsRanges(o: WriteOptions): o is RangedWriteOptions {
  return (
    o.reopen !== undefined &&
    typeof o.sha1 === 'string' &&
    o.sha1 !== '' &&
    streamsOf(o)() > 1 &&
    o.size >= RANGED_MIN_BYTES
  );
}

/** How many ranges may be in flight (asked again as ranges end). */
function streamsOf(o: WriteOptions): () => number {
  return o.partsInFlight ?? (() => o.partConcurrency ?? 1);
}

/** Range size for `size` bytes over `streams` connections: about two ranges each, within bounds. */
export function rangeSizeFor(size: number, streams: number): number {
  const MiB = 1024 * 1024;
  const wanted = Math.ceil(size / (2 * streams) / MiB) * MiB;
  return Math.min(MAX_RANGE_BYTES, Math.max(MIN_RANGE_BYTES, wanted));
}

/**
 * Writes `o.size` bytes into `handle` (an empty temporary file) in ranges of the same size, as
 * many at once as `o.partsInFlight` (else `o.partConcurrency`) allows: the first from `source`
 * (the request already made, which is then closed), the others through `o.reopen`. The whole
 * file is then checked against its SHA1 as written.
 * @param sourceError maps what a source stream throws to the provider error the write reports
 * @throws IntegrityError (a range of the wrong size, or the SHA1 of the file), the sources' and
 *   the disk's errors (the first one; the other ranges are stopped), CancelledError
 */
export async function writeRanges(
  handle: FileHandle,
  path: string,
  source: Readable,
  o: RangedWriteOptions,
  sourceError: (e: unknown) => Error,
): Promise<void> {
  const size = o.size;
  const streams = streamsOf(o);
  const check = new ReadBackHash(handle.fd, size, path);
  const onWritten = (bytes: number, at: number): void => {
    check.written(at, bytes);
    o.onProgress?.(bytes);
  };
  const first = new ChunkReader(source, sourceError, RANGE_READ_AHEAD_BYTES);
  // One background datasync for the file's ranges together: none writes enough for its own.
  const sync = new BackgroundSync(handle);
  const written = { path, onWritten, batchBytes: RANGE_BATCH_BYTES, sync };
  // Ranges received in place (received-range.ts) share one pool of chunks.
  const receive = o.receive;
  const chunks = new ChunkPool();
  try {
    // Cut for more connections than at the start: the adaptive mode may add some meanwhile.
    const rangeSize = rangeSizeFor(size, Math.max(streams(), PLANNED_STREAMS));
    await runLimited(
      Math.ceil(size / rangeSize),
      streams,
      async (i, signal) => {
        const range = { start: i * rangeSize, end: Math.min(size, (i + 1) * rangeSize) - 1 };
        if (i === 0) {
          const stop = (): void => void source.destroy();
          signal.addEventListener('abort', stop, { once: true });
          try {
            await writeRange(handle, first, range, written);
            if (range.end === size - 1) await first.expectEnd(path, size);
          } finally {
            signal.removeEventListener('abort', stop);
            source.destroy();
          }
          return;
        }
        if (receive !== undefined) {
          const sink = new ReceivedRange(handle, path, range.start, chunks, onWritten, sync);
          try {
            await receive(range, sink, signal);
            await sink.finish();
          } finally {
            await sink.settle();
          }
          return;
        }
        const stream = await o.reopen(range, signal);
        try {
          const reader = new ChunkReader(stream, sourceError, RANGE_READ_AHEAD_BYTES);
          await writeRange(handle, reader, range, written);
          await reader.expectEnd(path, range.end - range.start + 1);
        } finally {
          stream.destroy();
        }
      },
      o.signal,
    );
    await sync.settle();
    sync.throwIfFailed();
    await check.verify(o.sha1);
  } finally {
    if (!source.destroyed) source.destroy();
    // The worker reads through handle.fd, and a datasync uses it: both must be done before the
    // caller closes the file.
    await sync.settle();
    await check.abandon();
  }
}

/** Chunks of a stream, with what a range did not use put back for the next one. */
class ChunkReader {
  private readonly chunks: AsyncIterator<Buffer, undefined>;
  private carry: Buffer | null = null;

  constructor(
    stream: Readable,
    private readonly sourceError: (e: unknown) => Error,
    readAheadBytes?: number,
  ) {
    this.chunks = chunksOf(stream, readAheadBytes);
  }

  /** The next chunk, or null at the end. @throws the stream's error, mapped */
  async next(): Promise<Buffer | null> {
    const carried = this.carry;
    if (carried !== null) {
      this.carry = null;
      return carried;
    }
    let r: IteratorResult<Buffer, undefined>;
    try {
      r = await this.chunks.next();
    } catch (e) {
      throw this.sourceError(e);
    }
    if (r.done === true) return null;
    return r.value;
  }

  /** Gives back the unused end of a chunk. */
  unread(rest: Buffer): void {
    if (rest.length > 0) this.carry = rest;
  }

  /** The stream must have ended here (a range or the whole file read in full). @throws IntegrityError */
  async expectEnd(path: string, expected: number): Promise<void> {
    const more = await this.next();
    if (more !== null) throw sizeMismatch(path, expected, expected + more.length, true);
  }
}

/** Writes exactly the bytes of `range` from `reader` at their place. @throws IntegrityError when they run out */
async function writeRange(
  handle: FileHandle,
  reader: ChunkReader,
  range: Required<ByteRange>,
  o: { path: string; onWritten: (bytes: number, at: number) => void; batchBytes?: number; sync?: BackgroundSync },
): Promise<void> {
  const length = range.end - range.start + 1;
  const writer = new BatchedFileWriter(handle, o.onWritten, range.start, o.batchBytes, o.sync);
  let bytes = 0;
  try {
    while (bytes < length) {
      const chunk = await reader.next();
      if (chunk === null) throw sizeMismatch(o.path, length, bytes, false);
      const take = Math.min(chunk.length, length - bytes);
      reader.unread(chunk.subarray(take));
      bytes += take;
      await writer.add(take === chunk.length ? chunk : chunk.subarray(0, take));
    }
    await writer.finish();
  } finally {
    await writer.settle();
  }
}
