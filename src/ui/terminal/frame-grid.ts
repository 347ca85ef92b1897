/**
 * The cell grid ink-frame.ts draws a frame into, written the way Ink's Output writes (Ink 6.8):
 * text at a position, through its transforms, inside the innermost clip, later writes over
 * earlier ones, cells past the right edge dropped. Whatever it cannot do exactly as Ink's pass
 * followed by the screen model would — a line with uncertain cells (line-cells.ts), a cut
 * through a wide character or through styled text, a write over half of a wide character —
 * throws {@link Uncertain}, and the frame is Ink's.
 */
import { lineCells } from './line-cells.js';
import { blankRow, WIDE_TAIL, type ScreenRow } from './screen-row.js';

/** An Ink output transformer: a component's styling of one line of its text. */
export type Transformer = (line: string, index: number) => string;

/** Ink's clip rectangle (an `overflow: hidden` box's inside); an axis without both ends is not clipped. */
export interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

/** Thrown to give up on the frame: Ink draws it. */
export class Uncertain extends Error {}

/** What a cell holds as far as wide characters go. */
const NARROW = 0;
const WIDE_HEAD = 1;
const WIDE_TAIL_CELL = 2;

export class Grid {
  readonly rows: ScreenRow[];
  private readonly wide: Uint8Array[];

  constructor(
    readonly cols: number,
    height: number,
  ) {
    this.rows = Array.from({ length: height }, () => blankRow(cols));
    this.wide = Array.from({ length: height }, () => new Uint8Array(cols));
  }

  /** Writes `line`'s cells from column `x` of row `y`, as Ink's Output does. */
  put(x: number, y: number, line: string): void {
    const cells = lineCells(line);
    if (cells === null || x < 0) throw new Uncertain();
    const row = this.rows[y];
    const wide = this.wide[y];
    if (row === undefined || wide === undefined) return;
    let at = x;
    for (let i = 0; i < cells.chars.length && at < this.cols; i++) {
      const w = cells.widths[i] ?? 1;
      if (wide[at] !== NARROW || (w === 2 && at + 1 < this.cols && wide[at + 1] !== NARROW)) throw new Uncertain();
      const style = cells.styles[i] ?? 0;
      row.styles[at] = style;
      if (w === 1) row.chars[at] = cells.chars[i] ?? ' ';
      else if (at + 1 >= this.cols) {
        // The screen model shows a wide character cut by the right edge as a blank cell.
        row.chars[at] = ' ';
        wide[at] = WIDE_HEAD;
      } else {
        row.chars[at] = cells.chars[i] ?? ' ';
        row.chars[at + 1] = WIDE_TAIL;
        row.styles[at + 1] = style;
        wide[at] = WIDE_HEAD;
        wide[at + 1] = WIDE_TAIL_CELL;
      }
      at += w;
    }
  }
}

/**
 * Columns [from, to) of plain `line`, as slice-ansi cuts them; styled text (nested <Text>), or a
 * cut through a wide character, goes through Ink.
 */
function sliceColumns(line: string, from: number, to: number): string {
  const cells = lineCells(line);
  if (cells === null || line.includes('\x1b')) throw new Uncertain();
  let out = '';
  let col = 0;
  for (let i = 0; i < cells.chars.length && col < to; i++) {
    const w = cells.widths[i] ?? 1;
    if (col >= from && col + w <= to) out += cells.chars[i] ?? '';
    else if (col + w > from) throw new Uncertain();
    col += w;
  }
  return out;
}

/** Columns of `line` (SGR sequences take none), as string-width counts them; only for certain lines. */
function widthOf(line: string): number {
  const cells = lineCells(line);
  if (cells === null) throw new Uncertain();
  return cells.columns;
}

export function widest(text: string): number {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, widthOf(line));
  return w;
}

/** Ink's Output.write: `text` at (x, y), inside the innermost clip, each line through `transformers`. */
export function write(grid: Grid, x: number, y: number, text: string, transformers: Transformer[], clip?: Clip): void {
  let lines = text.split('\n');
  if (clip !== undefined) {
    const { x1, x2, y1, y2 } = clip;
    const clipH = x1 !== undefined && x2 !== undefined;
    const clipV = y1 !== undefined && y2 !== undefined;
    if (clipH && (x + widest(text) < x1 || x > x2)) return;
    if (clipV && (y + lines.length < y1 || y > y2)) return;
    if (clipH) {
      lines = lines.map((line) => {
        const width = widthOf(line);
        const from = x < x1 ? x1 - x : 0;
        const to = x + width > x2 ? x2 - x : width;
        return from === 0 && to === width ? line : sliceColumns(line, from, to);
      });
      if (x < x1) x = x1;
    }
    if (clipV) {
      lines = lines.slice(y < y1 ? y1 - y : 0, y + lines.length > y2 ? y2 - y : lines.length);
      if (y < y1) y = y1;
    }
  }
  // Ink skips a line whose row is not on the screen without moving on a row: above the screen,
  // that skips the whole text.
  if (y < 0) return;
  lines.forEach((line, index) => {
    for (const t of transformers) line = t(line, index);
    grid.put(x, y + index, line);
  });
}
