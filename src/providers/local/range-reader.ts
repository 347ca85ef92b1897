/**
 * A byte range of a local file read into memory the caller lends (ReadHandle.readRange): what a
 * big upload's parts are sent from. A stream would hand out a new Buffer per read, and on this
 * project's machine the first touch of that fresh memory costs more than the read itself: 0.5–0.8 s
 * of system time per GiB against 0.1 s when the memory is reused (bench/README.md, "Big files without streams").
 */
import { open } from 'node:fs/promises';
import { cancelledError, throwIfAborted } from '../stream-utils.js';
import type { ByteRange, RangeReader } from '../types.js';
import { mapFsError } from './fs-errors.js';

/**
 * Opens `disk` for reading bytes `range.start…range.end`; the reader stops early (0) where the
 * file ends, so a caller that needs the whole range checks what it got.
 * @throws the open's error as a provider error, CancelledError
 */
export async function openRangeReader(
  disk: string,
  path: string,
  range: Required<ByteRange>,
  signal: AbortSignal,
): Promise<RangeReader> {
  throwIfAborted(signal, path);
  const handle = await open(disk, 'r').catch((e: unknown) => {
    throw mapFsError(e, path, 'read');
  });
  let position = range.start;
  let closed = false;
  return {
    async read(into) {
      throwIfAborted(signal, path);
      if (closed) throw cancelledError(path, signal);
      const want = Math.min(into.length, range.end + 1 - position);
      if (want <= 0) return 0;
      try {
        const { bytesRead } = await handle.read(into, 0, want, position);
        position += bytesRead;
        return bytesRead;
      } catch (e) {
        throw mapFsError(e, path, 'read');
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => undefined);
    },
  };
}
