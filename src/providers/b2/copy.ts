/**
 * Server-side copy: b2_copy_file for sources under the copy cutoff (B2 limit: the result must be
 * < 5 GB, docs/b2-api.md §5.3), else a large file assembled with b2_copy_part ranges in parallel. Works
 * across buckets of the account (`destinationBucketId`). Neither call is in backblaze-b2 1.7.1,
 * so both go through the session's `api` helper. Metadata is copied (`metadataDirective: COPY`;
 * for copy_part, the source's content type and fileInfo go into b2_start_large_file, plus
 * `large_file_sha1` from a small source's SHA1 so the copy stays verifiable).
 */
import { copyFields, startEncryption } from './encryption.js';
import { AlreadyExistsError, InvalidNameError, NotFoundError, PermissionDeniedError } from '../errors.js';
import { splitBucketPath } from '../paths.js';
import type { Entry } from '../types.js';
import type { BucketDirectory } from './buckets.js';
import { assertValidKey, entryFromFile, fileSha1 } from './entries.js';
import { inferMissing, type CallContext } from './error-map.js';
import { findFile } from './lookup.js';
import type { B2Session } from './session.js';
import { cancelQuietly } from './upload-large.js';
import { fileExists } from './write.js';
import type { WireFile, WirePart } from './wire-types.js';

/** Provider-wide copy tunables (bytes / counts). */
export interface CopySettings {
  /** Sources of this many bytes or more use copy_part (default 5 000 000 000). */
  copyCutoff: number;
  /** Bytes per copied part. */
  partSize: number;
  concurrency: number;
}

/** Per-call options of `copy` (Provider.copy). `fileId` copies that exact source version. */
export interface CopyOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  fileId?: string;
}

function parse(path: string): { bucket: string; key: string } {
  const { bucket, key } = splitBucketPath(path);
  if (bucket === null || key === '') throw new InvalidNameError(`"${path}" is not a file name inside a bucket.`, path);
  return { bucket, key };
}

async function sourceFile(
  session: B2Session,
  buckets: BucketDirectory,
  from: string,
  options: CopyOptions,
): Promise<WireFile> {
  const { bucket, key } = parse(from);
  const ref = await buckets.resolve(bucket, options.signal);
  if (options.fileId !== undefined) {
    const fileId = options.fileId;
    const ctx: CallContext = {
      op: 'b2_get_file_info',
      path: from,
      bucket,
      fileName: key,
      capability: 'readFiles',
      action: 'Copy',
    };
    return session.lib<WireFile>(ctx, options.signal, (c, x) => c.getFileInfo({ fileId, ...x }));
  }
  if (!session.keyInfo.capabilities.includes('listFiles')) {
    throw new PermissionDeniedError(
      'Copying by name needs the listFiles capability to find the newest version.',
      ['listFiles'],
      from,
    );
  }
  const f = await findFile(session, ref, key, from, options.signal);
  if (f === null) throw new NotFoundError(`"${from}" does not exist.`, from);
  return f;
}

/**
 * Copies `from` to `to` on the server.
 * @throws NotFoundError, AlreadyExistsError (without overwrite), PermissionDeniedError, InvalidNameError,
 * TransientError, CancelledError
 */
export async function copyFile(
  session: B2Session,
  buckets: BucketDirectory,
  settings: CopySettings,
  from: string,
  to: string,
  options: CopyOptions = {},
): Promise<Entry> {
  const dest = parse(to);
  assertValidKey(dest.key, to);
  const ctx: CallContext = {
    op: 'b2_copy_file',
    path: to,
    bucket: dest.bucket,
    fileName: dest.key,
    capability: 'writeFiles',
    action: 'Copy',
  };
  const pre = inferMissing(ctx, session.keyInfo);
  if (pre.missing.length > 0) throw new PermissionDeniedError(pre.reason, pre.missing, to);
  const src = await sourceFile(session, buckets, from, options);
  const destBucket = await buckets.resolve(dest.bucket, options.signal);
  if (options.overwrite !== true && (await fileExists(session, destBucket, dest.key, to, options.signal))) {
    throw new AlreadyExistsError(`"${to}" already exists.`, to);
  }
  const sourceFileId = src.fileId ?? '';
  if (src.contentLength < settings.copyCutoff) {
    const body = {
      sourceFileId,
      fileName: dest.key,
      destinationBucketId: destBucket.id,
      metadataDirective: 'COPY',
      ...copyFields(session.encryption),
    };
    const f = await session.api<WireFile>('b2_copy_file', body, ctx, options.signal);
    options.onProgress?.(src.contentLength);
    return entryFromFile(destBucket.name, { ...f, action: 'upload' });
  }
  const info = { ...(src.fileInfo ?? {}) };
  const sha1 = fileSha1(src);
  if (sha1 !== null && info.large_file_sha1 === undefined && Object.keys(info).length < 10) info.large_file_sha1 = sha1;
  const started = await session.lib<WireFile>({ ...ctx, op: 'b2_start_large_file' }, options.signal, (c, x) =>
    c.startLargeFile({
      bucketId: destBucket.id,
      fileName: dest.key,
      contentType: src.contentType ?? 'application/octet-stream',
      ...x,
      axiosOverride: { data: { fileInfo: info, ...startEncryption(session) } },
    }),
  );
  const largeFileId = started.fileId ?? '';
  try {
    const sha1s = await copyParts(
      session,
      settings,
      { sourceFileId, largeFileId, size: src.contentLength, ctx: { ...ctx, op: 'b2_copy_part' } },
      options,
    );
    const f = await session.lib<WireFile>({ ...ctx, op: 'b2_finish_large_file' }, options.signal, (c, x) =>
      c.finishLargeFile({ fileId: largeFileId, partSha1Array: sha1s, ...x }),
    );
    return entryFromFile(destBucket.name, f);
  } catch (e) {
    await cancelQuietly(session, largeFileId, to);
    throw e;
  }
}

async function copyParts(
  session: B2Session,
  settings: CopySettings,
  job: { sourceFileId: string; largeFileId: string; size: number; ctx: CallContext },
  options: CopyOptions,
): Promise<string[]> {
  const count = Math.ceil(job.size / settings.partSize);
  const sha1s = new Array<string>(count);
  let next = 0;
  const failed: { first: Error | null } = { first: null };
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const start = i * settings.partSize;
      const end = Math.min(job.size, start + settings.partSize) - 1;
      const body = {
        sourceFileId: job.sourceFileId,
        largeFileId: job.largeFileId,
        partNumber: i + 1,
        range: `bytes=${start}-${end}`,
        ...copyFields(session.encryption),
      };
      try {
        const part = await session.api<WirePart>('b2_copy_part', body, job.ctx, signal);
        sha1s[i] = part.contentSha1;
      } catch (e) {
        failed.first ??= e instanceof Error ? e : new Error(String(e));
        stop.abort();
        throw e;
      }
      options.onProgress?.(end - start + 1);
    }
  };
  await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(settings.concurrency, count)) }, worker));
  if (failed.first !== null) throw failed.first;
  return sha1s;
}
