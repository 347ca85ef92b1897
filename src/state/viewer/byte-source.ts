/**
 * The bytes of a viewed file as the pager sees them: fixed-size blocks, some of which are loaded.
 * The layout functions (./text-rows.ts, ./hex-rows.ts) read through `byteAt`, which throws
 * {@link MissingBytes} for a byte whose block is not loaded yet; `attempt` turns that into the
 * offset to fetch, so the effects (src/tui/viewer) load exactly the blocks a screen needs.
 */

/** Loaded blocks of a file of `size` bytes: block `i` holds bytes `i·blockSize …`. */
export interface ByteSource {
  readonly size: number;
  readonly blockSize: number;
  /** Block `index`, or undefined when it is not loaded. */
  block(index: number): Uint8Array | undefined;
}

/** Thrown by `byteAt` for a byte not loaded yet. */
export class MissingBytes extends Error {
  constructor(readonly offset: number) {
    super(`byte ${offset} is not loaded`);
  }
}

/** The byte at `offset` (0 ≤ offset < size). @throws MissingBytes when its block is not loaded. */
export function byteAt(src: ByteSource, offset: number): number {
  const b = src.block(Math.floor(offset / src.blockSize));
  const v = b?.[offset % src.blockSize];
  if (v === undefined) throw new MissingBytes(offset);
  return v;
}

/** Bytes `[start, end)`, clamped to the file. @throws MissingBytes */
export function bytesAt(src: ByteSource, start: number, end: number): Uint8Array {
  const to = Math.min(end, src.size);
  const out = new Uint8Array(Math.max(0, to - start));
  for (let p = start; p < to;) {
    const index = Math.floor(p / src.blockSize);
    const b = src.block(index);
    const from = p - index * src.blockSize;
    if (b === undefined || from >= b.length) throw new MissingBytes(p);
    const part = b.subarray(from, Math.min(b.length, from + (to - p)));
    out.set(part, p - start);
    p += part.length;
  }
  return out;
}

/** The result of `fn`, or the offset of the first byte it needed that is not loaded. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; offset: number };

/** Runs `fn`, turning a {@link MissingBytes} into `{ ok: false, offset }`. */
export function attempt<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof MissingBytes) return { ok: false, offset: e.offset };
    throw e;
  }
}
