/**
 * One row of the screen model: a cell per terminal column, each holding the grapheme drawn there
 * and its style id (cell-style.ts). A wide grapheme (CJK, most emoji: two columns, measured with
 * the display-width code Ink's layout uses, src/state/text/sanitize.ts) sits in its first cell; the
 * second cell holds {@link WIDE_TAIL}.
 */
import { CONTROL_CHAR, displayWidth, graphemes, PRINTABLE_ASCII } from '../../state/text/sanitize.js';
import { applySgr, DEFAULT_STYLE } from './cell-style.js';

/** The content of the second cell of a wide grapheme. */
export const WIDE_TAIL = '';

export interface ScreenRow {
  /** One grapheme per cell (' ' when blank, {@link WIDE_TAIL} after a wide one). */
  readonly chars: string[];
  /** One style id per cell. */
  readonly styles: number[];
}

/** A row of `cols` blank cells in the default style. */
export function blankRow(cols: number): ScreenRow {
  return { chars: new Array<string>(cols).fill(' '), styles: new Array<number>(cols).fill(DEFAULT_STYLE) };
}

/** Columns the grapheme in cell `x` of `row` covers: 2 when the next cell is its tail, else 1. */
export function cellWidth(row: ScreenRow, x: number): 1 | 2 {
  return row.chars[x + 1] === WIDE_TAIL ? 2 : 1;
}

const SGR_PARAMS = /^[0-9;]*$/;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/**
 * Whether terminals may disagree with the model about how many columns `g` takes: several code
 * points (emoji with modifiers or joiners, flags, combining marks) or a wide pictograph (emoji;
 * older terminals count many of them as one column). CJK and every single narrow character are
 * drawn the same way by every terminal. The writer positions the cursor absolutely after such a
 * grapheme, so a terminal that measures it otherwise cannot shift the rest of the line.
 */
export function isUncertain(g: string, width: number): boolean {
  return g.length > 1 || (width === 2 && PICTOGRAPHIC.test(g));
}

/** Writes the graphemes of plain `text` into `row` from column `x` in style `style`; returns the next column. */
function putText(row: ScreenRow, x: number, text: string, style: number): number {
  const cols = row.chars.length;
  const parts = PRINTABLE_ASCII.test(text) ? text : graphemes(text);
  for (const g of parts) {
    if (x >= cols) break;
    // Control characters are never sent to the terminal (the app escapes outside strings before
    // they get here; this is the last line of defence).
    if (CONTROL_CHAR.test(g)) continue;
    const width = Math.min(2, displayWidth(g));
    // A zero-width grapheme has no cell of its own; terminals disagree about where it goes.
    if (width === 0) continue;
    if (x + width > cols) {
      // A wide grapheme that does not fit in the last column: the terminal would wrap it.
      row.chars[x] = ' ';
      row.styles[x] = style;
      return cols;
    }
    row.chars[x] = g;
    row.styles[x] = style;
    if (width === 2) {
      row.chars[x + 1] = WIDE_TAIL;
      row.styles[x + 1] = style;
    }
    x += width;
  }
  return x;
}

/** Index just past the escape sequence starting at `s[i]` (an ESC). */
function escapeEnd(s: string, i: number): number {
  const kind = s[i + 1];
  if (kind === '[') {
    let j = i + 2;
    while (j < s.length && !(s.charCodeAt(j) >= 0x40 && s.charCodeAt(j) <= 0x7e)) j++;
    return j + 1;
  }
  if (kind === ']') {
    // OSC: ends with BEL or ESC \.
    for (let j = i + 2; j < s.length; j++) {
      if (s[j] === '\x07') return j + 1;
      if (s[j] === '\x1b' && s[j + 1] === '\\') return j + 2;
    }
    return s.length;
  }
  return Math.min(s.length, i + 2);
}

/**
 * Walks `line` (text with escape sequences, as Ink writes one line of its frame) from the default
 * style: `text(run, style)` for each stretch of text between escape sequences, in the style the SGR
 * sequences before it set; `other()` for each other escape sequence. Either returning false stops
 * the walk.
 */
export function walkStyledLine(
  line: string,
  text: (run: string, style: number) => boolean,
  other: () => boolean = () => true,
): void {
  let style = DEFAULT_STYLE;
  let i = 0;
  while (i < line.length) {
    const esc = line.indexOf('\x1b', i);
    const textEnd = esc < 0 ? line.length : esc;
    if (textEnd > i && !text(line.slice(i, textEnd), style)) return;
    if (esc < 0) return;
    const end = escapeEnd(line, esc);
    const params = line.slice(esc + 2, end - 1);
    if (line[esc + 1] === '[' && line[end - 1] === 'm' && SGR_PARAMS.test(params)) style = applySgr(style, params);
    else if (!other()) return;
    i = end;
  }
}

/**
 * The row a terminal would show after drawing `line` (text with SGR sequences, as Ink writes one
 * line of its frame) from column 0 with the default style, cut at `cols` columns. SGR sequences
 * set the style; any other escape sequence or control character is dropped, never drawn.
 */
export function parseLine(line: string, cols: number): ScreenRow {
  const row = blankRow(cols);
  let x = 0;
  walkStyledLine(line, (run, style) => {
    x = putText(row, x, run, style);
    return x < cols;
  });
  return row;
}
