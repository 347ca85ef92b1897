/**
 * Reads a file's bytes (a list of blob segments) as a stream of chunks, for downloads and copies.
 */
import type { BlobStore } from './blob-store.js';
import type { Segment } from './model.js';

/** Streams bytes `[start, end)` of the concatenated segments. */
export async function* readContent(
  blobs: BlobStore,
  segments: Segment[],
  start: number,
  end: number,
): AsyncGenerator<Buffer> {
  for (const seg of sliceSegments(segments, start, end))
    yield* blobs.read(seg.blobId, seg.offset, seg.offset + seg.length);
}

/** The segments covering bytes `[start, end)` (for copies: no bytes are duplicated). */
export function sliceSegments(segments: Segment[], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const seg of segments) {
    const segStart = pos;
    const segEnd = pos + seg.length;
    pos = segEnd;
    if (segEnd <= start) continue;
    if (segStart >= end) break;
    const from = Math.max(start, segStart) - segStart;
    const to = Math.min(end, segEnd) - segStart;
    if (to > from) out.push({ blobId: seg.blobId, offset: seg.offset + from, length: to - from });
  }
  return out;
}

/**
 * Parses a `Range: bytes=…` header against `size`. Returns null for no/unsupported range
 * (older B2 docs: a malformed range returns the whole file), `'unsatisfiable'` when the start is
 * past the end (416), else the inclusive `[start, end]` with the end clamped to the file.
 */
export function parseRange(
  value: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (value === undefined) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(value);
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  if (start >= size) return 'unsatisfiable';
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (end < start) return null;
  return { start, end };
}
