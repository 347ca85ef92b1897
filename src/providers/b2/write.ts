/**
 * `write()` for B2: checks, then one b2_upload_file up to the cutoff, else the large-file API.
 *
 * - The cutoff is at least the part size, so a large file always has two or more parts (B2 refuses
 *   a large file of one part, docs/b2-api.md §5.2).
 * - A large file always carries `large_file_sha1` when the source can be read again by range
 *   (`reopen`, a local file: upload-from-source.ts hashes it in one pass first, then streams the
 *   parts from it), and otherwise when the caller passes `sha1`: fileInfo is fixed at
 *   b2_start_large_file, before any byte is sent. Without it, every part is still SHA1-checked by
 *   B2, but downloads of that file cannot verify the whole (the alternative, re-writing metadata
 *   with a copy afterwards, has a 5 GB limit).
 * - Without `overwrite`, an existing name fails with AlreadyExistsError. Checking needs listFiles
 *   (or readFiles, via HEAD); a key with neither uploads anyway — on B2 that adds a version and
 *   loses nothing.
 * - A cancelled or failed large upload is left unfinished (invisible) so `resume` can continue it;
 *   only an integrity failure cancels it. With `resume`, unfinished uploads of the same name that
 *   b2c started for a source that has changed since are cancelled once the new upload started.
 */
import { lookup } from 'mime-types';
import type { Readable } from 'node:stream';
import { AlreadyExistsError, InvalidNameError, PermissionDeniedError, isProviderError } from '../errors.js';
import { splitBucketPath } from '../paths.js';
import type { MemoryBudget } from '../memory-budget.js';
import { OFF_THREAD_MIN_BYTES, sha1Of } from '../sha1-pool.js';
import { destroyOnAbort, sha1Mismatch, sizeMismatch, throwIfAborted } from '../stream-utils.js';
import type { Entry, WriteOptions } from '../types.js';
import type { BucketDirectory, BucketRef } from './buckets.js';
import { assertValidKey, entryFromFile } from './entries.js';
import { inferMissing } from './error-map.js';
import { headFile } from './download.js';
import { INFO_MTIME, INFO_PART_SIZE, INFO_SIZE, findResumable } from './resume.js';
import type { B2Session } from './session.js';
import { cancelQuietly, uploadLarge } from './upload-large.js';
import { uploadFromSource } from './upload-from-source.js';
import { uploadSmall } from './upload-small.js';
import type { UploadUrlPool } from './upload-url-pool.js';
import type { WireListFiles } from './wire-types.js';

/** Largest part B2 accepts (docs/b2-api.md §5.2). */
export const MAX_PART_SIZE = 5_000_000_000;

/** Upload tunables (bytes / counts); unset ones come from the authorization. */
export interface UploadSettings {
  partSize?: number;
  partConcurrency: number;
  uploadCutoff?: number;
}

/** What `writeFile` works with (one provider's shared parts). */
export interface WriteDeps {
  session: B2Session;
  pool: UploadUrlPool;
  buckets: BucketDirectory;
  settings: UploadSettings;
  /** What buffered uploads hold in memory together (≤ partConcurrency × partSize). */
  memory: MemoryBudget;
}

/** Part size for `size` bytes: requested (or recommended), within B2's limits and ≤ 10 000 parts. */
export function effectivePartSize(session: B2Session, requested: number | undefined, size: number): number {
  const min = session.auth.absoluteMinimumPartSize;
  const wanted = Math.min(MAX_PART_SIZE, Math.max(min, Math.floor(requested ?? session.auth.recommendedPartSize)));
  return Math.max(wanted, Math.ceil(size / 10_000));
}

/** Content type: the caller's, else from the name's extension, else application/octet-stream. */
export function contentTypeFor(key: string, given: string | undefined): string {
  return given ?? (lookup(key) || 'application/octet-stream');
}

/** True when `key` exists (newest version not hidden). See the module comment for the method. */
export async function fileExists(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const caps = session.keyInfo.capabilities;
  if (caps.includes('listFiles')) {
    const data = await session.lib<WireListFiles>(
      {
        op: 'b2_list_file_names',
        path,
        bucket: bucket.name,
        fileName: key,
        capability: 'listFiles',
        action: 'Checking for an existing file',
      },
      signal,
      (c, x) => c.listFileNames({ bucketId: bucket.id, prefix: key, startFileName: key, maxFileCount: 1, ...x }),
    );
    return data.files[0]?.fileName === key;
  }
  if (caps.includes('readFiles')) {
    try {
      await headFile(session, { bucket: bucket.name, key, path, signal });
      return true;
    } catch (e) {
      if (isProviderError(e) && e.kind === 'not-found') return false;
      throw e;
    }
  }
  return false;
}

/**
 * Reads exactly `size` bytes into one buffer, copying chunks in as they arrive: a list of chunks
 * plus their concatenation would hold the file twice.
 */
async function readAll(source: Readable, size: number, path: string): Promise<Buffer> {
  // Shared memory when big: a worker thread hashes it in place (sha1-pool.ts).
  const data = size >= OFF_THREAD_MIN_BYTES ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
  let bytes = 0;
  for await (const raw of source as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (bytes + chunk.length > size) throw sizeMismatch(path, size, bytes + chunk.length, true);
    chunk.copy(data, bytes);
    bytes += chunk.length;
  }
  if (bytes !== size) throw sizeMismatch(path, size, bytes, false);
  return data;
}

/**
 * Writes `source` to `path` (see Provider.write).
 * @throws AlreadyExistsError, PermissionDeniedError, InvalidNameError, IntegrityError, NoSpaceError,
 * TransientError, CancelledError
 */
export async function writeFile(
  deps: WriteDeps,
  path: string,
  source: Readable,
  options: WriteOptions,
): Promise<Entry> {
  const { session, buckets, settings } = deps;
  const { signal } = options;
  const detach = destroyOnAbort(source, signal, path);
  try {
    throwIfAborted(signal, path);
    const { bucket: bucketName, key } = splitBucketPath(path);
    if (bucketName === null || key === '')
      throw new InvalidNameError(`"${path}" is not a file name inside a bucket.`, path);
    assertValidKey(key, path);
    const ctx = {
      op: 'b2_upload_file',
      path,
      bucket: bucketName,
      fileName: key,
      capability: 'writeFiles',
      action: 'Upload',
    };
    const pre = inferMissing(ctx, session.keyInfo);
    if (pre.missing.length > 0) throw new PermissionDeniedError(pre.reason, pre.missing, path);
    const bucket = await buckets.resolve(bucketName, signal);
    if (options.overwrite !== true && (await fileExists(session, bucket, key, path, signal))) {
      throw new AlreadyExistsError(`"${path}" already exists.`, path);
    }
    const contentType = contentTypeFor(key, options.contentType);
    const info: Record<string, string> = {};
    if (options.mtimeMs !== undefined && options.mtimeMs !== null)
      info[INFO_MTIME] = String(Math.round(options.mtimeMs));
    let partSize = effectivePartSize(session, options.partSize ?? settings.partSize, options.size);
    const cutoff = Math.max(partSize, settings.uploadCutoff ?? 0);
    const concurrency = Math.max(1, options.partConcurrency ?? settings.partConcurrency);
    deps.memory.atLeast(concurrency * partSize);
    if (options.size <= cutoff) {
      const release = await deps.memory.reserve(options.size, signal, path);
      try {
        const data = await readAll(source, options.size, path);
        const sha1 = await sha1Of(data);
        if (options.sha1 !== undefined && options.sha1 !== null && options.sha1.toLowerCase() !== sha1)
          throw sha1Mismatch(path, options.sha1, sha1);
        const file = await uploadSmall(session, deps.pool, {
          bucket,
          key,
          path,
          data,
          sha1,
          contentType,
          info,
          signal,
          onSent: options.onProgress,
        });
        return entryFromFile(bucket.name, file);
      } finally {
        release();
      }
    }
    const expectedSha1 = options.sha1 ?? null;
    if (options.reopen !== undefined) {
      const file = await uploadFromSource(session, deps.pool, {
        bucket,
        key,
        path,
        size: options.size,
        mtimeMs: options.mtimeMs ?? null,
        partSize,
        partSizeChosen: options.partSize !== undefined,
        concurrency: options.partsInFlight ?? (() => concurrency),
        contentType,
        info,
        expectedSha1,
        resume: options.resume === true,
        reopen: options.reopen,
        hashParts: options.hashParts,
        readRange: options.readRange,
        signal,
        onProgress: options.onProgress,
      });
      source.destroy(); // read through `reopen` instead
      return entryFromFile(bucket.name, file);
    }
    const found =
      options.resume === true
        ? await findResumable(
            session,
            bucket,
            {
              key,
              size: options.size,
              mtimeMs: options.mtimeMs ?? null,
              partSize: options.partSize === undefined ? null : partSize,
              sha1: expectedSha1,
            },
            path,
            signal,
          )
        : { resume: null, superseded: [] };
    const resume = found.resume;
    if (resume !== null) partSize = resume.partSize;
    info[INFO_SIZE] = String(options.size);
    info[INFO_PART_SIZE] = String(partSize);
    if (expectedSha1 !== null) info.large_file_sha1 = expectedSha1.toLowerCase();
    // Earlier uploads of this name that the changed source cannot continue: cancelled once the
    // new one has started (never before: should it fail to start, a retry may still resume one).
    let superseding: Promise<unknown> = Promise.resolve();
    const onStarted = (fileId: string): void => {
      superseding = Promise.all(
        found.superseded.filter((id) => id !== fileId).map((id) => cancelQuietly(session, id, path)),
      );
    };
    let file;
    // Its part buffers, reserved for the whole upload: with other buffering uploads they stay
    // inside partConcurrency × partSize together.
    const release = await deps.memory.reserve(
      Math.min(concurrency, Math.ceil(options.size / partSize)) * partSize,
      signal,
      path,
    );
    try {
      file = await uploadLarge(session, deps.pool, {
        bucket,
        key,
        path,
        source: source as AsyncIterable<Buffer>,
        size: options.size,
        partSize,
        concurrency,
        contentType,
        info,
        expectedSha1,
        signal,
        onProgress: options.onProgress,
        resume: resume ?? undefined,
        onStarted,
      });
    } finally {
      release();
      await superseding;
    }
    return entryFromFile(bucket.name, file);
  } catch (e) {
    source.destroy();
    throw e;
  } finally {
    detach();
  }
}
