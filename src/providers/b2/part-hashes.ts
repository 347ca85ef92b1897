/**
 * One read of a byte stream for the SHA1 of the whole and of every fixed-size part, on two worker
 * threads at once (../sha1-pool.ts): what a B2 large upload needs before its first part goes out —
 * `large_file_sha1` for b2_start_large_file, and each part's SHA1 for its request — so the parts
 * can then be sent straight from the source in parallel. Both hashes come from the same bytes,
 * so the whole-file SHA1 is the SHA1 of the parts B2 checks one by one.
 */
import { createSha1, HIGH_WATER_BYTES, type Sha1 } from '../sha1-pool.js';
import { sizeMismatch } from '../stream-utils.js';

import type { SourceHashes } from '../types.js';

/** The SHA1s of a stream: of everything, and of each `partSize` bytes (the last part may be shorter). */
export type PartHashes = SourceHashes;

/**
 * Reads `source` to its end (it must yield exactly `size` bytes) and hashes it as a whole and in
 * parts of `partSize`. The chunks are handed to the workers (the part hash takes a chunk's own
 * memory when it can), so the source must not reuse them.
 * @throws IntegrityError when the source yields another number of bytes; what the source throws
 */
export async function hashWholeAndParts(
  source: AsyncIterable<Buffer | string>,
  size: number,
  partSize: number,
  path: string,
): Promise<PartHashes> {
  const whole = createSha1(size);
  const digests: Array<Promise<string>> = [];
  let part: Sha1 | null = null;
  let inPart = 0;
  let bytes = 0;
  const endPart = (): void => {
    if (part === null) return;
    const finished = part;
    part = null;
    inPart = 0;
    const digest = finished.digest();
    digest.catch(() => undefined); // awaited below; a worker failure is reported there
    digests.push(digest);
  };
  try {
    for await (const raw of source) {
      let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      bytes += chunk.length;
      if (bytes > size) throw sizeMismatch(path, size, bytes, true);
      whole.update(chunk); // copied: the part hash may take the chunk's memory below
      while (chunk.length > 0) {
        part ??= createSha1(Math.min(partSize, size - partSize * digests.length));
        const n = Math.min(chunk.length, partSize - inPart);
        const rest = chunk.subarray(n);
        if (n === chunk.length) part.giveAway(chunk); // `chunk` may be unusable from here on
        else part.update(chunk.subarray(0, n));
        inPart += n;
        chunk = rest;
        if (inPart === partSize) endPart();
      }
      if (whole.pending > HIGH_WATER_BYTES) await whole.drained();
      if (part !== null && part.pending > HIGH_WATER_BYTES) await part.drained();
    }
    endPart();
    if (bytes !== size) throw sizeMismatch(path, size, bytes, false);
    return { whole: await whole.digest(), parts: await Promise.all(digests) };
  } catch (e) {
    whole.abandon();
    part?.abandon();
    throw e;
  }
}
