/**
 * The pager's hex layout: 16 bytes a row, `OFFSET  hh hh … hh  hh … hh  |ascii...........|`,
 * bytes outside printable ASCII shown as `.` in the text column (so nothing from the file reaches
 * the terminal as a control). 76 columns: it fits 80.
 */
import { byteAt, type ByteSource } from './byte-source.js';
import type { RowSegment, ViewRow } from './text-rows.js';

/** Bytes per hex row. */
export const HEX_ROW_BYTES = 16;

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** The hex row starting at `start` (a multiple of 16); `mark` bytes are marked. @throws MissingBytes */
export function hexRow(src: ByteSource, start: number, mark?: { start: number; end: number } | null): ViewRow {
  const end = Math.min(src.size, start + HEX_ROW_BYTES);
  const segments: RowSegment[] = [{ text: `${start.toString(16).padStart(8, '0')}  `, mark: false }];
  let ascii = '';
  for (let i = 0; i < HEX_ROW_BYTES; i++) {
    const p = start + i;
    const sep = i === 7 ? '  ' : ' ';
    if (p >= end) {
      segments.push({ text: `  ${sep}`, mark: false });
      continue;
    }
    const b = byteAt(src, p);
    const marked = mark != null && p >= mark.start && p < mark.end;
    segments.push({ text: hex2(b), mark: marked }, { text: sep, mark: false });
    ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  segments.push({ text: `|${ascii.padEnd(HEX_ROW_BYTES)}|`, mark: false });
  return { start, next: end, segments };
}

/** Up to `count` hex rows from `top`. @throws MissingBytes */
export function hexRowsFrom(
  src: ByteSource,
  top: number,
  count: number,
  mark?: { start: number; end: number } | null,
): ViewRow[] {
  const rows: ViewRow[] = [];
  for (let p = top; rows.length < count && p < src.size; p += HEX_ROW_BYTES) rows.push(hexRow(src, p, mark));
  return rows;
}

/** The top of the last hex screen of `height` rows. */
export function lastHexTop(size: number, height: number): number {
  return Math.max(0, Math.ceil(size / HEX_ROW_BYTES) - height) * HEX_ROW_BYTES;
}

/** The start of the hex row holding `offset`. */
export function hexRowHolding(offset: number): number {
  return offset - (offset % HEX_ROW_BYTES);
}

/**
 * Whether the first bytes of a file look binary: a NUL byte, or more than one in ten bytes a
 * control character other than tab, line feed, form feed, carriage return and escape.
 */
export function looksBinary(head: Uint8Array): boolean {
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls * 10 > head.length;
}
