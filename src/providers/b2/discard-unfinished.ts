/**
 * Discarding the unfinished large uploads of one file name, for an explicit user cancel.
 *
 * An aborted large upload stays on B2 as an unfinished large file: invisible in listings but
 * billed until b2_cancel_large_file (or a lifecycle rule). That is wanted after a pause or a
 * crash (`write({resume:true})` continues it) but not after "Cancel". Only files this provider
 * started are touched: they carry `b2c_size` and `b2c_part_size` in fileInfo (see resume.ts);
 * uploads by other tools, and server-side copies, never do.
 */
import { InvalidNameError } from '../errors.js';
import { splitBucketPath } from '../paths.js';
import type { BucketDirectory } from './buckets.js';
import type { CallContext } from './error-map.js';
import { listUnfinished, startedByB2c } from './resume.js';
import type { B2Session } from './session.js';

/**
 * Cancels every unfinished large file named exactly like `path`'s key that b2c started.
 * Returns how many were cancelled (0 when there were none).
 * @throws InvalidNameError (not a file path), NotFoundError (no such bucket),
 *   PermissionDeniedError (listFiles / writeFiles), TransientError
 */
export async function discardUnfinished(
  session: B2Session,
  buckets: BucketDirectory,
  path: string,
  signal?: AbortSignal,
): Promise<number> {
  const { bucket, key } = splitBucketPath(path);
  if (bucket === null || key === '') throw new InvalidNameError(`"${path}" is not a file.`, path);
  const ref = await buckets.resolve(bucket, signal);
  // The name itself is the prefix: a prefix-restricted key can write there, so it may list there.
  const files = await listUnfinished(session, ref, key, path, signal);
  const ours = files.filter((f) => f.fileName === key && f.fileId !== null && startedByB2c(f));
  let cancelled = 0;
  for (const f of ours) {
    const fileId = f.fileId ?? '';
    const ctx: CallContext = {
      op: 'b2_cancel_large_file',
      path,
      bucket,
      fileName: key,
      capability: 'writeFiles',
      action: 'Cancelling an upload',
    };
    await session.lib(ctx, signal, (c, x) => c.cancelLargeFile({ fileId, ...x }));
    cancelled++;
  }
  return cancelled;
}
