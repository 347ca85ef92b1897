/**
 * Ordered, batched file writes for the local provider's `write` (write.ts): few large writev
 * calls instead of one awaited write per chunk, overlapped with reading the source, and
 * background datasyncs on big files. See {@link BatchedFileWriter}.
 */
import type { FileHandle } from 'node:fs/promises';

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
 * Background datasyncs of one file while it is being written, by one writer or by several (the
 * ranges of a parallel download, none of which alone writes {@link BACKGROUND_SYNC_BYTES}): after
 * that many bytes, a datasync starts while writing goes on. Never rejects on its own: a failure
 * is kept for {@link BackgroundSync.throwIfFailed}.
 */
export class BackgroundSync {
  private unsynced = 0;
  private syncing: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(private readonly handle: FileHandle) {}

  /** `bytes` more were written to the file. */
  written(bytes: number): void {
    this.unsynced += bytes;
    if (this.unsynced < BACKGROUND_SYNC_BYTES || this.syncing !== null || backgroundSyncs > 0) return;
    this.unsynced = 0;
    backgroundSyncs++;
    this.syncing = this.handle
      .datasync()
      .then(
        () => undefined,
        (e: unknown) => {
          this.failure ??= { error: e };
        },
      )
      .finally(() => {
        backgroundSyncs--;
        this.syncing = null;
      });
  }

  /** Waits for a running datasync, without throwing. */
  async settle(): Promise<void> {
    while (this.syncing !== null) await this.syncing;
  }

  /** @throws what a datasync failed with */
  throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
  }
}

/**
 * Writes chunks to a file in order with at most one write call in flight: while the disk writes
 * one batch, the next batch collects (writev, no copying), so reading the source and writing the
 * disk overlap and a fast source costs a few large calls instead of one per chunk. Never rejects
 * on its own: the first error is kept and thrown by the next `add`/`finish`.
 */
export class BatchedFileWriter {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private writing: Promise<void> | null = null;
  private readonly sync: BackgroundSync;
  private readonly ownsSync: boolean;
  private failure: { error: unknown } | null = null;

  /** Where the next batch goes in the file (counted from 0 when writing at the file's position). */
  private offset: number;

  /**
   * @param onWritten told of each batch once written: its bytes and where in the file it went
   * @param position where the first chunk goes (the next one follows it), for writers that fill
   *   one byte range of a file while others fill the rest; null: at the file's own position
   *   (a new file: from 0)
   * @param maxBatchBytes bytes one write call carries at most (memory: two batches per writer)
   * @param shared the file's background datasyncs when several writers share them; the caller
   *   then waits for them (finish and settle do not); absent: this writer has its own
   */
  constructor(
    private readonly handle: FileHandle,
    private readonly onWritten: ((bytes: number, at: number) => void) | undefined,
    private readonly position: number | null = null,
    private readonly maxBatchBytes = MAX_BATCH_BYTES,
    shared?: BackgroundSync,
  ) {
    this.offset = position ?? 0;
    this.sync = shared ?? new BackgroundSync(handle);
    this.ownsSync = shared === undefined;
  }

  /** Queues `chunk` (which must not be modified afterwards); waits only when a full batch is ready. */
  async add(chunk: Buffer): Promise<void> {
    this.throwIfFailed();
    if (chunk.length === 0) return;
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.writing !== null && this.batchBytes < this.maxBatchBytes && this.batch.length < MAX_BATCH_CHUNKS) return;
    if (this.writing !== null) await this.writing;
    this.throwIfFailed();
    this.startWrite();
  }

  /** Writes what is queued and waits for every write and (its own) background sync. */
  async finish(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
    if (this.batch.length > 0) this.startWrite();
    await this.settle();
    this.throwIfFailed();
  }

  /** Waits for what is in flight without throwing (for cleanup before close). */
  async settle(): Promise<void> {
    while (this.writing !== null) await this.writing;
    if (this.ownsSync) await this.sync.settle();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
    this.sync.throwIfFailed();
  }

  private startWrite(): void {
    const buffers = this.batch;
    const bytes = this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    const at = this.offset;
    this.offset += bytes;
    this.writing = writevAll(this.handle, buffers, bytes, this.position === null ? null : at).then(
      () => {
        this.writing = null;
        this.onWritten?.(bytes, at);
        this.sync.written(bytes);
      },
      (e: unknown) => {
        this.writing = null;
        this.failure ??= { error: e };
      },
    );
  }
}

/** Writes all `bytes` of `buffers` at `position` (null: the file's own), as writev may write less than asked. */
async function writevAll(handle: FileHandle, buffers: Buffer[], bytes: number, position: number | null): Promise<void> {
  let rest = buffers;
  let left = bytes;
  while (left > 0) {
    const { bytesWritten } =
      position === null ? await handle.writev(rest) : await handle.writev(rest, position + bytes - left);
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
