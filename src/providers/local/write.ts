/**
 * Local writes: stream into a temporary file beside the target, check size and SHA1, fsync, set
 * the mtime, then commit (rename or no-replace link). Any failure, cancellation or mismatch
 * removes the temporary file, so the target is either the complete new file or untouched.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InvalidNameError, TransientError, isProviderError } from '../errors.js';
import type { Entry, WriteOptions } from '../types.js';
import { destroyOnAbort, sha1Mismatch, sizeMismatch, throwIfAborted } from '../stream-utils.js';
import { mapFsError } from './fs-errors.js';
import { assertAbsent, commitTemp, discardTemp, ensureParent, setMtime, tempPathFor } from './atomic.js';
import { statLocal } from './list.js';
import type { ResolvedPath } from './disk-paths.js';

/** Bytes one write call may carry: enough to amortise the thread-pool round trip per call. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** Chunks one write call may carry (Linux IOV_MAX is 1024; libuv splits above it anyway). */
const MAX_BATCH_CHUNKS = 256;
/**
 * After this many bytes, a datasync starts in the background while writing goes on, so the page
 * cache is flushed while the source is still arriving and the final fsync before the rename has
 * little left to do (a 1 GiB file otherwise waits ~1 s for it at the end, on this project's VM).
 */
const BACKGROUND_SYNC_BYTES = 32 * 1024 * 1024;
/** Background datasyncs running in this process (one at a time: each blocks a libuv pool thread). */
let backgroundSyncs = 0;

/**
 * Writes chunks to a file in order with at most one write call in flight: while the disk writes
 * one batch, the next batch collects (writev, no copying), so reading the source and writing the
 * disk overlap and a fast source costs a few large calls instead of one per chunk. Never rejects
 * on its own: the first error is kept and thrown by the next `add`/`finish`.
 */
class BatchedFileWriter {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private writing: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private unsynced = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly handle: FileHandle,
    private readonly onWritten: ((bytes: number) => void) | undefined,
  ) {}

  /** Queues `chunk` (which must not be modified afterwards); waits only when a full batch is ready. */
  async add(chunk: Buffer): Promise<void> {
    this.throwIfFailed();
    if (chunk.length === 0) return;
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.writing !== null && this.batchBytes < MAX_BATCH_BYTES && this.batch.length < MAX_BATCH_CHUNKS) return;
    if (this.writing !== null) await this.writing;
    this.throwIfFailed();
    this.startWrite();
  }

  /** Writes what is queued and waits for every write and background sync. */
  async finish(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
    if (this.batch.length > 0) this.startWrite();
    await this.settle();
    this.throwIfFailed();
  }

  /** Waits for what is in flight without throwing (for cleanup before close). */
  async settle(): Promise<void> {
    while (this.writing !== null || this.syncing !== null) await Promise.all([this.writing, this.syncing]);
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
  }

  private startWrite(): void {
    const buffers = this.batch;
    const bytes = this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    this.writing = writevAll(this.handle, buffers, bytes).then(
      () => {
        this.writing = null;
        this.onWritten?.(bytes);
        this.unsynced += bytes;
        this.maybeSyncInBackground();
      },
      (e: unknown) => {
        this.writing = null;
        this.failure ??= { error: e };
      },
    );
  }

  private maybeSyncInBackground(): void {
    if (this.unsynced < BACKGROUND_SYNC_BYTES || this.syncing !== null || backgroundSyncs > 0) return;
    this.unsynced = 0;
    backgroundSyncs++;
    this.syncing = this.handle.datasync().then(
      () => undefined,
      (e: unknown) => {
        this.failure ??= { error: e };
      },
    ).finally(() => {
      backgroundSyncs--;
      this.syncing = null;
    });
  }
}

/** Writes all `bytes` of `buffers` (writev may write less than asked). */
async function writevAll(handle: FileHandle, buffers: Buffer[], bytes: number): Promise<void> {
  let rest = buffers;
  let left = bytes;
  while (left > 0) {
    const { bytesWritten } = await handle.writev(rest);
    left -= bytesWritten;
    if (left > 0) rest = dropBytes(rest, bytesWritten);
  }
}

/** `buffers` without their first `n` bytes (views, no copying). */
function dropBytes(buffers: Buffer[], n: number): Buffer[] {
  let skip = n;
  let i = 0;
  while (i < buffers.length && skip >= buffers[i]!.length) skip -= buffers[i++]!.length;
  const rest = buffers.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}

/** Source errors that are not provider errors are the source's transport failing: retryable. */
function sourceError(e: unknown, path: string): Error {
  if (isProviderError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new TransientError(`Reading the data for "${path}" failed: ${detail}`, undefined, path, { cause: e });
}

/**
 * Writes `source` to `p` completely or not at all (see Provider.write). Reads the source only as
 * fast as the disk takes it; on failure the source is destroyed. The returned entry has `sha1`
 * set when `options.sha1` was given (and verified), else null.
 * @throws AlreadyExistsError (target exists without `overwrite`, or a file is in the way),
 * PermissionDeniedError, InvalidNameError, IntegrityError (size or SHA1), NoSpaceError,
 * TransientError (source failed), CancelledError
 */
export async function writeLocal(p: ResolvedPath, source: Readable, options: WriteOptions): Promise<Entry> {
  const { size, signal, onProgress } = options;
  const overwrite = options.overwrite === true;
  if (p.path === '/') throw new InvalidNameError('The root folder cannot be written as a file.', p.path);
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`Write size must be a non-negative integer, not ${size}.`);
  // The iterator first: it listens for 'error', so destroying the source on abort is never unhandled.
  const iterator = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const detach = destroyOnAbort(source, signal, p.path);
  let tmp: string | null = null;
  let handle: FileHandle | null = null;
  let writer: BatchedFileWriter | null = null;
  let sourceDone = false;
  try {
    throwIfAborted(signal, p.path);
    if (!overwrite) await assertAbsent(p);
    await ensureParent(p);
    tmp = tempPathFor(p.disk);
    handle = await open(tmp, 'wx', 0o666).catch((e: unknown) => {
      throw mapFsError(e, p.path, 'create');
    });
    const hash = options.sha1 ? createHash('sha1') : null;
    writer = new BatchedFileWriter(handle, onProgress);
    let bytes = 0;
    for (;;) {
      let next: IteratorResult<Buffer | string>;
      try {
        next = await iterator.next();
      } catch (e) {
        sourceDone = true; // an errored stream is already destroyed
        throw sourceError(e, p.path);
      }
      if (next.done === true) {
        sourceDone = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      bytes += chunk.length;
      if (bytes > size) throw sizeMismatch(p.path, size, bytes, true);
      hash?.update(chunk);
      await writer.add(chunk);
    }
    if (bytes !== size) throw sizeMismatch(p.path, size, bytes, false);
    const actual = hash?.digest('hex') ?? null;
    if (options.sha1 && actual !== options.sha1.toLowerCase()) throw sha1Mismatch(p.path, options.sha1, actual ?? '');
    try {
      await writer.finish();
      // Durable before it gets the real name: a crash must never leave a renamed, unsynced file.
      await handle.sync();
      await handle.close();
      handle = null;
      if (options.mtimeMs !== null && options.mtimeMs !== undefined) await setMtime(tmp, options.mtimeMs);
    } catch (e) {
      throw mapFsError(e, p.path, 'create');
    }
    throwIfAborted(signal, p.path);
    const committing = tmp;
    tmp = null; // commitTemp owns the temp file from here on
    await commitTemp(committing, p, overwrite);
    const entry = await statLocal(p);
    return { ...entry, sha1: actual };
  } catch (e) {
    throw mapFsError(e, p.path, 'create');
  } finally {
    detach();
    if (!sourceDone) await iterator.return?.().catch(() => undefined);
    await writer?.settle(); // no write may still be running when the file is closed and removed
    if (handle !== null) await handle.close().catch(() => undefined);
    if (tmp !== null) await discardTemp(tmp);
  }
}
