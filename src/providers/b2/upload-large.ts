/**
 * Large-file uploads: b2_start_large_file (or an unfinished one being resumed), parts uploaded in
 * parallel, b2_finish_large_file with every part's SHA1 (docs/b2-api.md §5.2).
 *
 * Memory: at most `concurrency × partSize` bytes of part buffers, whatever the file size. A part
 * is read from the source only after a worker slot is free, into one of `concurrency` buffers
 * that are allocated once and reused (PartSplitter): the part being filled holds a slot, so the
 * bound covers it, and a finished part's buffer is refilled instead of waiting for the garbage
 * collector. On top come the source's own read-ahead (one chunk straddling a part boundary, plus
 * its highWaterMark) and the HTTP client's small socket buffers.
 * Each part is hashed for X-Bz-Content-Sha1; the whole file is hashed on the way when the caller
 * gave a SHA1 (which is also what went into `large_file_sha1`), and checked against it. Both
 * hashes run in worker threads (sha1-pool.ts) on the part buffers themselves (shared memory).
 *
 * This is the way for sources read once, in order (another provider's stream). A source that
 * can be read again by range (WriteOptions.reopen: a local file) goes through
 * upload-from-source.ts instead: parts streamed from the source, no part buffers.
 */
import { partHeaders, startEncryption } from './encryption.js';
import { IntegrityError, isProviderError } from '../errors.js';
import { PartSplitter } from './part-splitter.js';
import { createSha1, sha1Of } from '../sha1-pool.js';
import { sha1Mismatch, sizeMismatch } from '../stream-utils.js';
import type { BucketRef } from './buckets.js';
import type { CallContext } from './error-map.js';
import type { B2Session } from './session.js';
import type { UploadUrlPool } from './upload-url-pool.js';
import type { WireFile } from './wire-types.js';
import { SendingBody } from './sending-body.js';

/** A part already on the server (from b2_list_parts), for resume. */
export interface ExistingPart {
  sha1: string;
  length: number;
}

/** A large upload: the source stream, its promised size and SHA1, and the part plan. */
export interface LargeUpload {
  bucket: BucketRef;
  key: string;
  path: string;
  source: AsyncIterable<Buffer>;
  size: number;
  partSize: number;
  concurrency: number;
  contentType: string;
  /** fileInfo for b2_start_large_file (src_last_modified_millis, b2c_size, …). */
  info: Record<string, string>;
  expectedSha1: string | null;
  signal?: AbortSignal;
  /**
   * Bytes sent, as deltas: while each part's body goes out, a part already on the server (resume)
   * at once, and negative when a part's attempt failed and its bytes will be sent again.
   */
  onProgress?: (delta: number) => void;
  /** Continue this unfinished large file, skipping parts whose SHA1 and length match. */
  resume?: { fileId: string; parts: Map<number, ExistingPart> };
  /** Called with the fileId as soon as it is known (tests and resume bookkeeping). */
  onStarted?: (fileId: string) => void;
  /** Called once the parts are all sent (or the upload failed), with the part-buffer counts. */
  onPartBuffers?: (stats: PartBufferStats) => void;
}

/** How many part buffers an upload used: `allocated` and `peakInFlight` are ≤ `concurrency`. */
export interface PartBufferStats {
  /** Bytes per part buffer. */
  partSize: number;
  /** Part buffers allocated (each `partSize` bytes, reused for later parts). */
  allocated: number;
  /** Most parts held at once (read and not yet uploaded). */
  peakInFlight: number;
}

/** A counting semaphore: `take()` resolves when a slot is free. */
class Slots {
  private waiting: Array<() => void> = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.free++;
  }
}

/**
 * Uploads `source` as a large file.
 * @throws IntegrityError (size or SHA1 differs: the unfinished file is cancelled), PermissionDeniedError,
 * TransientError, CancelledError (the unfinished file is kept, so `write({resume:true})` can continue it)
 */
export async function uploadLarge(session: B2Session, pool: UploadUrlPool, u: LargeUpload): Promise<WireFile> {
  return runLargeFile(session, pool, u, (fileId) => sendParts(session, pool, u, fileId));
}

/** What starting and finishing a large file needs (a subset of {@link LargeUpload}). */
export type LargeFileStart = Pick<
  LargeUpload,
  'bucket' | 'key' | 'path' | 'contentType' | 'info' | 'signal' | 'resume' | 'onStarted'
>;

/**
 * b2_start_large_file (or the unfinished file being resumed), then `sendParts`, then
 * b2_finish_large_file with the part SHA1s it returns. An IntegrityError cancels the large file;
 * anything else leaves it unfinished for a later resume.
 */
export async function runLargeFile(
  session: B2Session,
  pool: UploadUrlPool,
  u: LargeFileStart,
  sendParts: (fileId: string) => Promise<string[]>,
): Promise<WireFile> {
  const ctx: CallContext = {
    op: 'b2_start_large_file',
    path: u.path,
    bucket: u.bucket.name,
    fileName: u.key,
    capability: 'writeFiles',
    action: 'Upload',
  };
  const fileId =
    u.resume?.fileId ??
    (
      await session.lib<WireFile>(ctx, u.signal, (c, x) =>
        c.startLargeFile({
          bucketId: u.bucket.id,
          fileName: u.key,
          contentType: u.contentType,
          ...x,
          // backblaze-b2 1.7.1 does not forward fileInfo; merge it into the JSON body.
          axiosOverride: { data: { fileInfo: u.info, ...startEncryption(session) } },
        }),
      )
    ).fileId;
  if (fileId === null) throw session.fail(new Error('b2_start_large_file returned no fileId'), ctx);
  u.onStarted?.(fileId);
  try {
    const partSha1s = await sendParts(fileId);
    return await finish(session, u, fileId, partSha1s);
  } catch (e) {
    if (e instanceof IntegrityError) await cancelQuietly(session, fileId, u.path);
    throw e;
  } finally {
    pool.dropParts(fileId);
  }
}

async function sendParts(session: B2Session, pool: UploadUrlPool, u: LargeUpload, fileId: string): Promise<string[]> {
  const concurrency = Math.max(1, u.concurrency);
  const slots = new Slots(concurrency);
  const whole = u.expectedSha1 !== null ? createSha1(u.size) : null;
  const sha1s: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const failed: { first: Error | null } = { first: null };
  let bytes = 0;
  // One failed part stops its siblings at once instead of letting them run to the end.
  const stop = new AbortController();
  const signal = u.signal === undefined ? stop.signal : AbortSignal.any([u.signal, stop.signal]);
  // As many buffers as slots: a slot is taken before a part is read, so one is always free.
  const parts = new PartSplitter(u.source, u.partSize, concurrency);
  try {
    for (let partNumber = 1; ; partNumber++) {
      await slots.take();
      if (failed.first !== null) break;
      const part = await parts.next();
      if (part === null) {
        slots.give();
        break;
      }
      bytes += part.length;
      if (bytes > u.size) throw sizeMismatch(u.path, u.size, bytes, true);
      // Both hashes read the part where it lies (shared memory), on two worker threads at once.
      const [sha1] = await Promise.all([sha1Of(part), whole?.updateShared(part)]);
      sha1s.push(sha1);
      const have = u.resume?.parts.get(partNumber);
      if (have !== undefined && have.sha1 === sha1 && have.length === part.length) {
        u.onProgress?.(part.length);
        parts.release(part);
        slots.give();
        continue;
      }
      const task: Promise<void> = uploadPart(session, pool, u, fileId, partNumber, part, sha1, signal)
        .then(() => undefined)
        .catch((e: unknown) => {
          failed.first ??= e instanceof Error ? e : new Error(String(e));
          stop.abort();
        })
        .finally(() => {
          // The request is over (answered, or failed and aborted): the buffer may be refilled.
          parts.release(part);
          slots.give();
          inFlight.delete(task);
        });
      inFlight.add(task);
    }
  } catch (e) {
    whole?.abandon();
    throw e;
  } finally {
    await Promise.all([...inFlight]);
    await parts.close().catch(() => undefined);
    u.onPartBuffers?.({ partSize: u.partSize, allocated: parts.allocated, peakInFlight: parts.peakOutstanding });
  }
  if (failed.first !== null || bytes !== u.size) whole?.abandon();
  if (failed.first !== null) throw failed.first;
  if (bytes !== u.size) throw sizeMismatch(u.path, u.size, bytes, false);
  if (whole !== null && u.expectedSha1 !== null) {
    const actual = await whole.digest();
    if (actual !== u.expectedSha1.toLowerCase()) throw sha1Mismatch(u.path, u.expectedSha1, actual);
  }
  return sha1s;
}

function uploadPart(
  session: B2Session,
  pool: UploadUrlPool,
  u: LargeUpload,
  fileId: string,
  partNumber: number,
  part: Buffer,
  sha1: string,
  signal: AbortSignal,
): Promise<unknown> {
  const ctx: CallContext = {
    op: 'b2_upload_part',
    path: u.path,
    bucket: u.bucket.name,
    fileName: u.key,
    capability: 'writeFiles',
    action: 'Upload',
  };
  return pool.send({ kind: 'part', fileId }, ctx, signal, async (url) => {
    const body = new SendingBody(u.onProgress);
    try {
      const res = await (
        await session.libClient()
      ).uploadPart({
        uploadUrl: url.uploadUrl,
        uploadAuthToken: url.authorizationToken,
        partNumber,
        data: body.stream(part),
        contentLength: part.length,
        hash: sha1,
        ...session.extras(signal),
        axiosOverride: { headers: partHeaders(session) },
      });
      return res.data;
    } catch (e) {
      body.takeBack();
      throw e;
    }
  });
}

async function finish(
  session: B2Session,
  u: LargeFileStart,
  fileId: string,
  partSha1Array: string[],
): Promise<WireFile> {
  const ctx: CallContext = {
    op: 'b2_finish_large_file',
    path: u.path,
    bucket: u.bucket.name,
    fileName: u.key,
    capability: 'writeFiles',
    action: 'Upload',
  };
  try {
    return await session.lib<WireFile>(ctx, u.signal, (c, x) => c.finishLargeFile({ fileId, partSha1Array, ...x }));
  } catch (e) {
    // A repeated finish can answer 400 because the first attempt succeeded (docs/b2-api.md §3.2).
    if (isProviderError(e) && e.kind === 'conflict') {
      const info = await session
        .lib<WireFile>({ ...ctx, op: 'b2_get_file_info' }, u.signal, (c, x) => c.getFileInfo({ fileId, ...x }))
        .catch(() => null);
      if (info !== null && info.action === 'upload') return info;
    }
    throw e;
  }
}

/** Best-effort b2_cancel_large_file (the caller is already failing with a better error). */
export async function cancelQuietly(session: B2Session, fileId: string, path: string): Promise<void> {
  const ctx: CallContext = { op: 'b2_cancel_large_file', path, capability: 'writeFiles' };
  await session.lib(ctx, undefined, (c, x) => c.cancelLargeFile({ fileId, ...x })).catch(() => undefined);
}
