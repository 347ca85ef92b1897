/**
 * Where file bytes live. Uploads stream into a BlobWriter chunk by chunk (never buffered whole);
 * downloads stream ranges out. Two implementations: memory (keeps the received chunks) and disk
 * (one file per blob under `<dataDir>/blobs`, fsynced before the metadata that references it).
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { newShortId } from './ids.js';

/** Receives one blob's bytes in order. */
export interface BlobWriter {
  readonly blobId: string;
  /** Appends bytes; resolves when the writer can take more (back-pressure). */
  write(chunk: Buffer): Promise<void>;
  /** Makes the blob durable and readable. */
  finish(): Promise<void>;
  /** Discards the blob. Safe to call after a failed write. */
  abort(): Promise<void>;
}

/** Blob storage. Byte ranges are `[start, end)`. */
export interface BlobStore {
  create(): BlobWriter;
  /** Streams bytes `[start, end)` of a finished blob. */
  read(blobId: string, start: number, end: number): AsyncIterable<Buffer>;
  delete(blobId: string): Promise<void>;
  /** IDs of every stored blob (used to drop orphans after a crash). */
  listIds(): Promise<string[]>;
  /**
   * Memory stores: touches `bytes` of memory now for the blobs written next (see
   * MemoryBlobStore.reserve). Absent on stores that keep bytes elsewhere.
   */
  reserve?(bytes: number): void;
}

const SLAB_BYTES = 1 << 20;

/**
 * Keeps blobs in memory as 1 MiB slabs. Incoming chunks (≤64 KiB socket reads) are copied into
 * slabs: a cheap memcpy that keeps downloads to few large writes and stops thousands of tiny
 * files from each pinning a whole socket buffer.
 */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { chunks: Buffer[]; ends: number[] }>();
  /** Slabs touched ahead of need by {@link reserve}, taken before new ones are allocated. */
  private readonly reserved: Buffer[] = [];

  /**
   * Allocates and touches slabs for `bytes` more of blobs, so that writing them costs no first
   * touch of memory. Memory a process has never touched is slow to touch the first time on a
   * virtual machine whose host took it back (3–4 s per GiB measured on this project's machine,
   * against 0.2 s for memory in use): a benchmark reserves before every measured upload, so that
   * each client meets the same server (bench/README.md, "Uploads and the server's memory").
   * Reserved slabs are only ever fresh memory, never a deleted blob's (a download may still be
   * sending from it).
   */
  reserve(bytes: number): void {
    for (let have = this.reserved.length * SLAB_BYTES; have < bytes; have += SLAB_BYTES)
      // fill, not Buffer.alloc: calloc hands out untouched zero pages, which is the cost to avoid.
      this.reserved.push(Buffer.allocUnsafe(SLAB_BYTES).fill(0x5a));
  }

  create(): BlobWriter {
    const blobId = newShortId();
    const chunks: Buffer[] = [];
    const ends: number[] = [];
    let total = 0;
    let slab: Buffer | undefined;
    let used = 0;
    const seal = (): void => {
      if (!slab || used === 0) return;
      // Small blobs get an exact-size copy instead of a mostly empty slab.
      chunks.push(used < slab.length / 2 ? Buffer.from(slab.subarray(0, used)) : slab.subarray(0, used));
      ends.push(total);
      slab = undefined;
      used = 0;
    };
    return {
      blobId,
      write: (chunk) => {
        let off = 0;
        while (off < chunk.length) {
          slab ??= this.reserved.pop() ?? Buffer.allocUnsafe(SLAB_BYTES);
          const n = Math.min(chunk.length - off, slab.length - used);
          chunk.copy(slab, used, off, off + n);
          used += n;
          off += n;
          total += n;
          if (used === slab.length) seal();
        }
        return Promise.resolve();
      },
      finish: () => {
        seal();
        this.blobs.set(blobId, { chunks, ends });
        return Promise.resolve();
      },
      abort: () => {
        chunks.length = 0;
        slab = undefined;
        return Promise.resolve();
      },
    };
  }

  async *read(blobId: string, start: number, end: number): AsyncIterable<Buffer> {
    const blob = this.blobs.get(blobId);
    if (!blob) throw new Error(`blob ${blobId} missing`);
    // Binary search the first chunk whose end is past `start`.
    let lo = 0;
    let hi = blob.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blob.ends[mid] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blob.chunks.length; i++) {
      const chunk = blob.chunks[i];
      const chunkEnd = blob.ends[i] ?? 0;
      if (!chunk) break;
      const chunkStart = chunkEnd - chunk.length;
      if (chunkStart >= end) break;
      const from = Math.max(start, chunkStart) - chunkStart;
      const to = Math.min(end, chunkEnd) - chunkStart;
      if (to > from) yield chunk.subarray(from, to);
    }
    await Promise.resolve();
  }

  delete(blobId: string): Promise<void> {
    this.blobs.delete(blobId);
    return Promise.resolve();
  }

  listIds(): Promise<string[]> {
    return Promise.resolve([...this.blobs.keys()]);
  }
}

const FLUSH_BYTES = 1 << 20;

/** One file per blob; writes are batched into ~1 MiB writev calls. */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  /** Creates the blob directory. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  private path(blobId: string): string {
    return join(this.dir, blobId);
  }

  create(): BlobWriter {
    const blobId = newShortId();
    const path = this.path(blobId);
    let handle: FileHandle | undefined;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      handle ??= await open(path, 'w', 0o600);
      const batch = pending;
      pending = [];
      pendingBytes = 0;
      if (batch.length > 0) await handle.writev(batch);
    };
    return {
      blobId,
      write: async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= FLUSH_BYTES) await flush();
      },
      finish: async () => {
        await flush();
        if (handle) {
          await handle.datasync();
          await handle.close();
          handle = undefined;
        }
      },
      abort: async () => {
        pending = [];
        if (handle) {
          await handle.close().catch(() => undefined);
          handle = undefined;
        }
        await rm(path, { force: true });
      },
    };
  }

  async *read(blobId: string, start: number, end: number): AsyncIterable<Buffer> {
    if (end <= start) return;
    const stream = createReadStream(this.path(blobId), { start, end: end - 1, highWaterMark: FLUSH_BYTES });
    for await (const chunk of stream) yield chunk as Buffer;
  }

  async delete(blobId: string): Promise<void> {
    await rm(this.path(blobId), { force: true });
  }

  async listIds(): Promise<string[]> {
    return readdir(this.dir);
  }
}
