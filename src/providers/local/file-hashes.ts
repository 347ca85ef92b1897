/**
 * The SHA1 of a local file as a whole and in parts (ReadHandle.hashParts): what a B2 large upload
 * needs before its first part goes out (`large_file_sha1`, and each part's SHA1). The file is read
 * by the hashing threads themselves (sha1-pool.ts `updateFromFile`): the whole on one, the parts
 * one after another on the other, so the two hashes run side by side and the main thread moves no
 * byte of them — no buffer per read, no copy, no message per chunk (bench/README.md, "Big files without streams").
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createSha1, type Sha1 } from '../sha1-pool.js';
import { cancelledError } from '../stream-utils.js';
import { IntegrityError, type ProviderError } from '../errors.js';
import type { SourceHashes } from '../types.js';
import { mapFsError } from './fs-errors.js';

/**
 * Hashes `size` bytes of the file at `disk` whole and in parts of `partSize` (the last may be
 * shorter).
 * @throws IntegrityError when the file is no longer `size` bytes long (it changed since it was
 *   opened), the read's error as a provider error, CancelledError
 */
export async function hashFileInParts(
  disk: string,
  path: string,
  size: number,
  partSize: number,
  signal?: AbortSignal,
): Promise<SourceHashes> {
  const changed = (): ProviderError =>
    new IntegrityError(`"${path}" changed while it was being read (it is no longer ${size} bytes long).`, path);
  let handle: FileHandle;
  try {
    handle = await open(disk, 'r');
  } catch (e) {
    throw mapFsError(e, path, 'read');
  }
  const whole = createSha1(size);
  let part: Sha1 | null = null;
  /** Reads the workers are doing through the fd: the file is closed only after them. */
  const reading: Array<Promise<unknown>> = [];
  const stop = (): void => {
    whole.abandon();
    part?.abandon();
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if ((await handle.stat()).size !== size) throw changed();
    const wholeDone = whole.updateFromFile(handle.fd, 0, size);
    reading.push(wholeDone.catch(() => undefined)); // awaited below
    const parts: string[] = [];
    // At least one part: an empty file is one empty part.
    const count = Math.max(1, Math.ceil(size / partSize));
    for (let i = 0; i < count; i++) {
      if (signal?.aborted === true) throw cancelledError(path, signal);
      const start = i * partSize;
      const length = Math.min(partSize, size - start);
      part = createSha1(length);
      if (length > 0) {
        const read = part.updateFromFile(handle.fd, start, length);
        reading.push(read.catch(() => undefined));
        await read;
      }
      parts.push(await part.digest());
      part = null;
    }
    await wholeDone;
    return { whole: await whole.digest(), parts };
  } catch (e) {
    stop();
    if (signal?.aborted === true) throw cancelledError(path, signal);
    if (e instanceof IntegrityError) throw e;
    if (e instanceof Error && /ended early/.test(e.message)) throw changed();
    throw mapFsError(e, path, 'read');
  } finally {
    signal?.removeEventListener('abort', stop);
    // A worker may still be reading through the fd (abandoning a hash does not stop its read).
    await Promise.all(reading);
    await handle.close().catch(() => undefined);
  }
}
