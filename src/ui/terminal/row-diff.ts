/**
 * Brings one terminal row from what it shows to what it should show, writing only the cells that
 * changed: runs of changed cells, joined when rewriting the few cells between them costs less
 * than a cursor move, and an erase-to-end-of-row where the rest of the row becomes blank.
 */
import { DEFAULT_STYLE } from './cell-style.js';
import type { Painter } from './painter.js';
import { cellWidth, isUncertain, WIDE_TAIL, type ScreenRow } from './screen-row.js';

/** A half-open range of columns. */
interface Span {
  from: number;
  to: number;
}

function differs(shown: ScreenRow, next: ScreenRow, x: number): boolean {
  return shown.chars[x] !== next.chars[x] || shown.styles[x] !== next.styles[x];
}

/** Whether a grapheme of `row` that terminals may measure otherwise ends just before column `x`. */
function uncertainEndsAt(row: ScreenRow, x: number): boolean {
  const lead = row.chars[x - 1] === WIDE_TAIL ? x - 2 : x - 1;
  const g = row.chars[lead];
  return lead >= 0 && g !== undefined && isUncertain(g, cellWidth(row, lead));
}

/**
 * Grows `span` to end one cell after any grapheme terminals may measure otherwise: such a
 * grapheme may have been drawn over, or have blanked, the cell after it. (Wide graphemes need no
 * such care: their two cells always change together, and the painter writes both.)
 */
function widen(span: Span, shown: ScreenRow, next: ScreenRow): Span {
  const cols = next.chars.length;
  let to = span.to;
  while (to < cols && (uncertainEndsAt(shown, to) || uncertainEndsAt(next, to))) to++;
  return { from: span.from, to };
}

/** The changed spans of the row, widened, in order and not overlapping. */
function changedSpans(shown: ScreenRow, next: ScreenRow): Span[] {
  const cols = next.chars.length;
  const spans: Span[] = [];
  let x = 0;
  while (x < cols) {
    if (!differs(shown, next, x)) {
      x++;
      continue;
    }
    let to = x + 1;
    while (to < cols && differs(shown, next, to)) to++;
    const span = widen({ from: x, to }, shown, next);
    const last = spans[spans.length - 1];
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else spans.push(span);
    x = span.to;
  }
  return spans;
}

/** Bytes it costs to rewrite cells [from, to) of `row`, or Infinity when one needs care. */
function rewriteCost(row: ScreenRow, from: number, to: number): number {
  let cost = 0;
  for (let x = from; x < to; x++) {
    const g = row.chars[x] ?? ' ';
    if (g === WIDE_TAIL) continue;
    if (isUncertain(g, cellWidth(row, x)) || row.styles[x] !== row.styles[from]) return Infinity;
    cost += Buffer.byteLength(g);
  }
  return cost;
}

/** Joins neighbouring spans when rewriting the unchanged cells between them is cheaper than a move. */
function joinSpans(spans: Span[], next: ScreenRow): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    const gap = last === undefined ? 0 : span.from - last.to;
    // A forward move costs `ESC [ n C`; the style may have to change back and forth as well.
    const moveCost = 3 + (gap > 1 ? String(gap).length : 0);
    if (
      last !== undefined &&
      last.to > 0 &&
      next.styles[last.to - 1] === next.styles[last.to] &&
      rewriteCost(next, last.to, span.from) <= moveCost
    ) {
      last.to = span.to;
    } else joined.push({ ...span });
  }
  return joined;
}

/** The first column from which `row` is blank (spaces in the default style) to its end. */
function blankTail(row: ScreenRow): number {
  let x = row.chars.length;
  while (x > 0 && row.chars[x - 1] === ' ' && row.styles[x - 1] === DEFAULT_STYLE) x--;
  return x;
}

/** An erase to the end of the row pays when it replaces at least this many written blanks. */
const ERASE_WORTH = 4;

/** Writes through `painter` what turns row `y` from `shown` into `next`. */
export function paintRowDiff(painter: Painter, y: number, shown: ScreenRow, next: ScreenRow): void {
  const spans = joinSpans(changedSpans(shown, next), next);
  const tail = blankTail(next);
  // The cells to write in the blank tail; if there are enough, one erase replaces them all.
  const blanks = spans.reduce((n, s) => n + Math.max(0, s.to - Math.max(s.from, tail)), 0);
  const erase = blanks >= ERASE_WORTH;
  for (const span of spans) {
    const to = erase ? Math.min(span.to, tail) : span.to;
    if (span.from < to) painter.moveTo(y, span.from);
    for (let x = span.from; x < to; x++) {
      const g = next.chars[x] ?? ' ';
      if (g === WIDE_TAIL) continue;
      const width = cellWidth(next, x);
      painter.put(g, width, next.styles[x] ?? DEFAULT_STYLE, isUncertain(g, width));
      // After an uncertain grapheme the cursor is unknown: place it again for the next cell.
      if (x + width < to) painter.moveTo(y, x + width);
    }
    if (erase && span.to > tail) {
      painter.moveTo(y, Math.max(span.from, tail));
      painter.eraseToEndOfRow();
      return;
    }
  }
}
