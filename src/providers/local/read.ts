/**
 * Local reads: opens a regular file and streams it (optionally an inclusive byte range, as in
 * HTTP). The stream is a small Readable over a FileHandle so that read errors surface as typed
 * provider errors and cancellation as CancelledError, never as raw errno errors.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NotFoundError, PermissionDeniedError } from '../errors.js';
import type { ReadHandle, ReadOptions } from '../types.js';
import { cancelledError, throwIfAborted } from '../stream-utils.js';
import { mapFsError } from './fs-errors.js';
import { hashFileInParts } from './file-hashes.js';
import { openRangeReader } from './range-reader.js';
import type { ResolvedPath } from './disk-paths.js';

/**
 * Bytes per read (and the stream's read-ahead). 1 MiB: a large upload's hashing pass over 1 GiB
 * took 1.05–1.1 s with it against 1.2–1.4 s at 256 KiB (fewer reads, buffers and messages to the
 * SHA1 workers; 4 MiB gained nothing more). Small files read only what they have.
 */
const CHUNK = 1024 * 1024;

/** Streams bytes [start, start + length) of an open file, then closes it. */
class FileRangeReadable extends Readable {
  private position: number;
  private remaining: number;

  constructor(
    private readonly handle: FileHandle,
    start: number,
    length: number,
    private readonly path: string,
  ) {
    super({ highWaterMark: CHUNK });
    this.position = start;
    this.remaining = length;
  }

  override _read(): void {
    if (this.remaining <= 0) {
      this.push(null);
      return;
    }
    const want = Math.min(CHUNK, this.remaining);
    const buf = Buffer.allocUnsafe(want);
    this.handle.read(buf, 0, want, this.position).then(
      ({ bytesRead }) => {
        if (this.destroyed) return;
        if (bytesRead === 0) {
          // The file shrank since it was opened: end with what there was.
          this.remaining = 0;
          this.push(null);
          return;
        }
        this.position += bytesRead;
        this.remaining -= bytesRead;
        this.push(bytesRead === want ? buf : buf.subarray(0, bytesRead));
      },
      (e: unknown) => this.destroy(mapFsError(e, this.path, 'read')),
    );
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.handle.close().then(
      () => done(err),
      () => done(err),
    );
  }
}

/**
 * Opens `p` for reading. Symlinks are followed here (opening a link is an explicit request for
 * what it points to). The local disk stores no checksum, so `sha1` is always null and `verify`
 * has nothing to check: the transfer engine hashes in flight.
 *
 * Ranges are inclusive (`{start: 0, end: 9}` is 10 bytes); an `end` past EOF is clamped; a
 * `start` at or past EOF gives an empty stream. A negative or reversed range is a caller bug
 * (RangeError).
 * @throws NotFoundError (missing, or a folder), PermissionDeniedError (unreadable, or not a
 * regular file: FIFOs and devices could block forever), TransientError, CancelledError
 */
export async function openLocal(p: ResolvedPath, options: ReadOptions = {}): Promise<ReadHandle> {
  const { signal, range } = options;
  if (range !== undefined && (range.start < 0 || (range.end !== undefined && range.end < range.start))) {
    throw new RangeError(`Invalid byte range ${range.start}-${range.end ?? ''} for "${p.path}".`);
  }
  throwIfAborted(signal, p.path);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO would otherwise block a libuv thread until a writer appears.
    // Regular files ignore the flag, and anything else is refused right below.
    handle = await open(p.disk, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw mapFsError(e, p.path, 'read');
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new NotFoundError(`"${p.path}" is a folder, not a file.`, p.path);
    if (!st.isFile())
      throw new PermissionDeniedError(
        `"${p.path}" is not a regular file (a device, FIFO or socket), so b2c does not read it.`,
        [],
        p.path,
      );
    throwIfAborted(signal, p.path);
    const totalSize = st.size;
    const start = Math.min(range?.start ?? 0, totalSize);
    const endExclusive = Math.min(range?.end === undefined ? totalSize : range.end + 1, totalSize);
    const size = Math.max(0, endExclusive - start);
    const stream = new FileRangeReadable(handle, start, size, p.path);
    if (signal !== undefined) {
      const onAbort = (): void => {
        stream.destroy(cancelledError(p.path, signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      stream.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    const whole = range === undefined;
    return {
      stream,
      size,
      totalSize,
      sha1: null,
      mtimeMs: Math.floor(st.mtimeMs),
      hashParts: whole ? (partSize, s) => hashFileInParts(p.disk, p.path, size, partSize, s) : undefined,
      readRange: whole ? (r, s) => openRangeReader(p.disk, p.path, r, s) : undefined,
    };
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw mapFsError(e, p.path, 'read');
  }
}
