/**
 * The screen model between Ink and the terminal: it remembers what the terminal shows (a cell
 * grid, screen-row.ts) and turns each new frame into only the bytes that change the terminal from
 * that to the frame — cursor moves, minimal style changes and the changed cells (painter.ts,
 * row-diff.ts). A one-row cursor move in the file list costs two short runs instead of a redrawn
 * screen, whatever the terminal's size.
 */
import { blankRow, parseLine, type ScreenRow } from './screen-row.js';
import { DEFAULT_STYLE } from './cell-style.js';
import { Painter, type TerminalState } from './painter.js';
import { paintRowDiff } from './row-diff.js';

/** Begin and end of a synchronized update: the terminal shows the update whole, never half drawn. */
export const BEGIN_SYNC = '\x1b[?2026h';
export const END_SYNC = '\x1b[?2026l';

export class ScreenWriter {
  private cols = 0;
  private rows = 0;
  /** What the terminal shows, row by row, and the frame line each row was drawn from. */
  private shown: ScreenRow[] = [];
  private lines: (string | null)[] = [];
  private state: TerminalState = { cursor: null, style: null };
  /** True until the next frame repaints everything (start, resize, or after someone else wrote). */
  private invalid = true;

  /**
   * Forgets what the terminal shows: the next frame clears the screen and draws everything. For
   * a resize (terminals reflow or cut the old contents each their own way) and the first frame.
   */
  invalidate(): void {
    this.invalid = true;
  }

  /**
   * The bytes that make a `cols`×`rows` terminal, which shows the previous frame (or anything,
   * after {@link invalidate} or a size change), show `frame`: Ink's output, lines separated by
   * `\n`, each starting at column 0 of its row; lines past the last row and cells past the last
   * column are cut. Returns '' when nothing changed. The bytes are wrapped in a synchronized
   * update and leave the terminal's style at the default, so whatever is written after them
   * (the screen's restore on exit) starts clean.
   */
  render(frame: string, cols: number, rows: number): string {
    const lines = frame.split('\n');
    return this.paint(cols, rows, (y) => {
      const line = lines[y] ?? '';
      if (line === this.lines[y]) return null;
      this.lines[y] = line;
      return parseLine(line, cols);
    });
  }

  /**
   * {@link render} for a frame already cut into cells (ink-frame.ts): `frame[y]` is row y, `cols`
   * cells wide; rows past its end are blank.
   */
  renderRows(frame: readonly ScreenRow[], cols: number, rows: number): string {
    return this.paint(cols, rows, (y) => {
      const next = frame[y] ?? blankRow(cols);
      this.lines[y] = null;
      return sameRow(this.shown[y], next) ? null : next;
    });
  }

  /** Paints the rows `rowAt` returns (null: row y is unchanged); the bytes, '' when nothing changed. */
  private paint(cols: number, rows: number, rowAt: (y: number) => ScreenRow | null): string {
    const full = this.invalid || cols !== this.cols || rows !== this.rows;
    if (full) {
      this.cols = cols;
      this.rows = rows;
      this.shown = Array.from({ length: rows }, () => blankRow(cols));
      this.lines = new Array<string | null>(rows).fill(null);
      this.state = { cursor: null, style: null };
      this.invalid = false;
    }
    const painter = new Painter(cols, this.state);
    if (full) painter.clearScreen();
    for (let y = 0; y < rows; y++) {
      const next = rowAt(y);
      if (next === null) continue;
      paintRowDiff(painter, y, this.shown[y] ?? blankRow(cols), next);
      this.shown[y] = next;
    }
    if (painter.bytes() === '') return '';
    painter.style(DEFAULT_STYLE);
    return BEGIN_SYNC + painter.bytes() + END_SYNC;
  }
}

function sameRow(a: ScreenRow | undefined, b: ScreenRow): boolean {
  if (a === undefined || a.chars.length !== b.chars.length) return false;
  for (let x = 0; x < b.chars.length; x++) if (a.chars[x] !== b.chars[x] || a.styles[x] !== b.styles[x]) return false;
  return true;
}
