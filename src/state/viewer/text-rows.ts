/**
 * The pager's text layout, from bytes: a row starts at a byte offset and shows the characters
 * from there, decoded as UTF-8, sanitised (a control character or an escape sequence in the file
 * is shown escaped, `\x1b[2J`, never sent: src/state/text/sanitize.ts), tabs expanded to 8 columns,
 * a CR before LF dropped, an invalid byte shown as `\xNN`. Without wrapping a row is one line
 * (cut at the screen's width, and scrolled sideways by `left` columns); with wrapping a line takes as many rows as it needs.
 *
 * Every position is a byte offset, so a screen needs only the blocks under it: the pager can open
 * the end of a 5 GB file without reading the middle. A line longer than {@link LINE_CAP} bytes is
 * broken every LINE_CAP bytes, which bounds how far any step scans.
 */
import { displayWidth, sanitizeForTerminal } from '../text/sanitize.js';
import { byteAt, type ByteSource } from './byte-source.js';

/** The longest run of bytes without a newline taken as one line; longer lines break here. */
export const LINE_CAP = 4096;

const LF = 0x0a;
const CR = 0x0d;
const TAB_STOP = 8;

/** One part of a row's text; `mark` is the search match. */
export interface RowSegment {
  text: string;
  mark: boolean;
}

/** One screen row: the bytes `[start, next)` shown as `segments`. */
export interface ViewRow {
  start: number;
  next: number;
  segments: RowSegment[];
}

/** How rows are laid out. */
export interface TextLayout {
  width: number;
  wrap: boolean;
  /** Without wrapping: the first column shown (default 0); a character cut by it shows as spaces. */
  left?: number;
  /** Bytes drawn marked (the search match), `[start, end)`. */
  mark?: { start: number; end: number } | null;
}

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** The character at `p`: its code point (null: an invalid byte) and the offset after it. */
function decodeAt(src: ByteSource, p: number): { cp: number | null; next: number } {
  const b = byteAt(src, p);
  const n = sequenceLength(b);
  if (n === 1) return { cp: b, next: p + 1 };
  if (n === 0 || p + n > src.size) return { cp: null, next: p + 1 };
  let cp = b & (0xff >> (n + 1));
  for (let i = 1; i < n; i++) {
    const c = byteAt(src, p + i);
    if ((c & 0xc0) !== 0x80) return { cp: null, next: p + 1 };
    cp = (cp << 6) | (c & 0x3f);
  }
  // Overlong forms and code points past U+10FFFF are invalid too.
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff) return { cp: null, next: p + 1 };
  return { cp, next: p + n };
}

/** What the character at `p` shows as at column `col`: text, columns, and whether it ends the line. */
function glyphAt(src: ByteSource, p: number, col: number): { text: string; width: number; next: number; eol: boolean } {
  const { cp, next } = decodeAt(src, p);
  if (cp === LF) return { text: '', width: 0, next, eol: true };
  if (cp === null) return { text: `\\x${byteAt(src, p).toString(16).padStart(2, '0')}`, width: 4, next, eol: false };
  if (cp === 0x09) {
    const width = TAB_STOP - (col % TAB_STOP);
    return { text: ' '.repeat(width), width, next, eol: false };
  }
  // CRLF line ends show as plain line ends; a lone CR is shown escaped.
  if (cp === CR && next < src.size && byteAt(src, next) === LF) return { text: '', width: 0, next, eol: false };
  const text = sanitizeForTerminal(String.fromCodePoint(cp));
  return { text, width: displayWidth(text), next, eol: false };
}

/**
 * The row that starts at byte `start`. @throws MissingBytes (src/state/viewer/byte-source.ts)
 */
export function textRow(src: ByteSource, start: number, layout: TextLayout): ViewRow {
  const { width, wrap, mark } = layout;
  const left = wrap ? 0 : (layout.left ?? 0);
  const limit = Math.min(src.size, start + (wrap ? Math.max(16, width * 8) : LINE_CAP));
  const segments: RowSegment[] = [];
  const push = (text: string, marked: boolean): void => {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.mark === marked) last.text += text;
    else segments.push({ text, mark: marked });
  };
  let col = 0;
  let p = start;
  while (p < limit) {
    if (!wrap && col >= left + width) {
      // The row is full: only the end of the line is still to be found.
      const b = byteAt(src, p);
      p++;
      if (b === LF) return { start, next: p, segments };
      continue;
    }
    const g = glyphAt(src, p, col);
    if (g.eol) return { start, next: g.next, segments };
    if (wrap && col > 0 && col + g.width > width) break;
    const marked = mark != null && p >= mark.start && p < mark.end;
    if (col >= left && col + g.width <= left + width) push(g.text, marked);
    // A wide character or tab cut by the left edge: its visible columns stay blank.
    else if (col < left && col + g.width > left) push(' '.repeat(Math.min(col + g.width, left + width) - left), marked);
    col += g.width;
    p = g.next;
  }
  return { start, next: p, segments };
}

/** Up to `count` rows from byte `top` (fewer at the end of the file). @throws MissingBytes */
export function textRowsFrom(src: ByteSource, top: number, count: number, layout: TextLayout): ViewRow[] {
  const rows: ViewRow[] = [];
  let p = top;
  while (rows.length < count && p < src.size) {
    const row = textRow(src, p, layout);
    rows.push(row);
    p = row.next;
  }
  return rows;
}

/** The start of the row before the one starting at `offset` (0 stays 0). @throws MissingBytes */
export function prevTextRow(src: ByteSource, offset: number, layout: TextLayout): number {
  if (offset <= 0) return 0;
  // The start of the line that holds byte offset − 1: after the newline before it, within LINE_CAP.
  const floor = Math.max(0, offset - LINE_CAP);
  let p = offset - 2;
  while (p >= floor && byteAt(src, p) !== LF) p--;
  const lineStart = p >= floor ? p + 1 : floor;
  if (!layout.wrap) return lineStart;
  let row = lineStart;
  for (;;) {
    const next = textRow(src, row, layout).next;
    if (next >= offset || next <= row) return row;
    row = next;
  }
}

/** The top of the last screen of `height` rows (the file's end on the bottom row). @throws MissingBytes */
export function lastTextTop(src: ByteSource, height: number, layout: TextLayout): number {
  let top = src.size;
  for (let i = 0; i < height && top > 0; i++) top = prevTextRow(src, top, layout);
  return top;
}

/** The start of the row holding byte `offset`. @throws MissingBytes */
export function textRowHolding(src: ByteSource, offset: number, layout: TextLayout): number {
  return offset >= src.size ? lastTextTop(src, 1, layout) : prevTextRow(src, offset + 1, layout);
}
