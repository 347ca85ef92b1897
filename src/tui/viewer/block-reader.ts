/**
 * The pager's bytes: read on demand in blocks of {@link VIEW_BLOCK_BYTES} by ranged reads through
 * the provider (B2: a ranged GET of the exact version opened; local: a read at an offset), and
 * kept in a small least-recently-used cache. The first screen of a 5 GB log costs one block; End
 * costs the last one or two.
 */
import type { Provider } from '../../providers/types.js';
import type { ByteSource } from '../../state/viewer/byte-source.js';

/** Bytes per read: one screen of text is a few KiB, so one block usually serves many screens. */
export const VIEW_BLOCK_BYTES = 128 * 1024;

/** Blocks kept (8 MiB): enough for any screen plus a search's look-back. */
const MAX_BLOCKS = 64;

export class BlockReader implements ByteSource {
  readonly blockSize = VIEW_BLOCK_BYTES;
  private readonly blocks = new Map<number, Uint8Array>();
  private readonly loading = new Map<number, Promise<void>>();
  private last = -1;

  /**
   * @param fileId B2: the version opened, so every block comes from the same bytes
   */
  constructor(
    private readonly provider: Provider,
    private readonly path: string,
    readonly size: number,
    private readonly fileId?: string,
  ) {}

  block(index: number): Uint8Array | undefined {
    const b = this.blocks.get(index);
    // The layout asks byte by byte: only a change of block is worth reordering the cache.
    if (b !== undefined && index !== this.last) {
      this.last = index;
      // Most recently used last: Map keeps insertion order.
      this.blocks.delete(index);
      this.blocks.set(index, b);
    }
    return b;
  }

  /** Number of the block holding byte `offset`. */
  blockOf(offset: number): number {
    return Math.floor(offset / this.blockSize);
  }

  /**
   * Loads block `index` (once, however many ask at the same time).
   * @throws the provider's typed errors (src/providers/errors.ts)
   */
  load(index: number, signal?: AbortSignal): Promise<void> {
    if (this.blocks.has(index)) return Promise.resolve();
    let p = this.loading.get(index);
    if (p === undefined) {
      p = this.read(index, signal).finally(() => this.loading.delete(index));
      this.loading.set(index, p);
    }
    return p;
  }

  private async read(index: number, signal?: AbortSignal): Promise<void> {
    const start = index * this.blockSize;
    const end = Math.min(this.size, start + this.blockSize) - 1;
    if (end < start) return;
    const handle = await this.provider.openRead(this.path, {
      range: { start, end },
      verify: false,
      signal,
      ...(this.fileId === undefined ? {} : { fileId: this.fileId }),
    });
    const data = new Uint8Array(end - start + 1);
    let at = 0;
    for await (const chunk of handle.stream as AsyncIterable<Buffer>) {
      data.set(chunk.subarray(0, Math.max(0, data.length - at)), at);
      at += chunk.length;
    }
    this.blocks.set(index, at < data.length ? data.subarray(0, at) : data);
    while (this.blocks.size > MAX_BLOCKS) {
      const oldest = this.blocks.keys().next().value;
      if (oldest === undefined) break;
      this.blocks.delete(oldest);
    }
  }
}
