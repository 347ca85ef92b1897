/**
 * Builds the bytes of one screen update the way curses does: it knows where the terminal's cursor
 * is and which style the terminal has, and moves and restyles with the shortest sequences. It
 * never relies on a position it cannot be sure of (after the last column, where terminals differ
 * about wrapping, or after a grapheme terminals may measure otherwise), and never sends a line
 * feed where it could scroll.
 */
import { DEFAULT_STYLE, sgrTransition } from './cell-style.js';

/** A terminal cursor position, 0-based. */
export interface Cursor {
  y: number;
  x: number;
}

/** What the terminal is known to hold after the bytes written so far. */
export interface TerminalState {
  /** null when not known. */
  cursor: Cursor | null;
  /** The terminal's current style id; null when not known. */
  style: number | null;
}

const CSI = '\x1b[';

/** `CSI n X`, with n omitted when it is 1 (every cursor sequence defaults to 1). */
function csi(n: number, final: string): string {
  return n === 1 ? `${CSI}${final}` : `${CSI}${n}${final}`;
}

/** The shortest way to move the cursor between two columns of its row ('' when it is there). */
function horizontal(from: number, to: number): string {
  if (from === to) return '';
  const options = [`${CSI}${to + 1}G`, from < to ? csi(to - from, 'C') : csi(from - to, 'D')];
  if (to === 0) options.push('\r');
  return shortest(options);
}

function shortest(options: readonly string[]): string {
  return options.reduce((a, b) => (b.length < a.length ? b : a));
}

export class Painter {
  private out = '';

  constructor(
    private readonly cols: number,
    private readonly state: TerminalState,
  ) {}

  /** Moves the cursor to row `y`, column `x`. */
  moveTo(y: number, x: number): void {
    const c = this.state.cursor;
    if (c !== null && c.y === y && c.x === x) return;
    const absolute = y === 0 && x === 0 ? `${CSI}H` : x === 0 ? `${CSI}${y + 1}H` : `${CSI}${y + 1};${x + 1}H`;
    const options = [absolute];
    if (c !== null) {
      const dy = y - c.y;
      const vertical = dy === 0 ? '' : dy > 0 ? csi(dy, 'B') : csi(-dy, 'A');
      options.push(vertical + horizontal(c.x, x));
      // CR LF: the next row's first column in two bytes (never on the last row: dy = 1 says
      // row y exists below the cursor, so the line feed cannot scroll).
      if (dy === 1 && x === 0) options.push('\r\n');
    }
    this.out += shortest(options);
    this.state.cursor = { y, x };
  }

  /** Sets the terminal's style to `id`. */
  style(id: number): void {
    if (this.state.style === id) return;
    this.out += sgrTransition(this.state.style, id);
    this.state.style = id;
  }

  /** Draws grapheme `g` (`width` columns) in style `id` at the cursor, which must be known. */
  put(g: string, width: number, id: number, uncertain: boolean): void {
    const c = this.state.cursor;
    if (c === null) throw new Error('Painter.put: the cursor position is not known');
    this.style(id);
    if (uncertain) {
      // Blank the cells first, so a terminal that draws `g` narrower leaves no stale half;
      // then nothing after it can trust the cursor.
      this.out += `${csi(width, 'X')}${g}`;
      this.state.cursor = null;
      return;
    }
    this.out += g;
    // After the last column terminals differ (pending wrap): the position is no longer certain.
    this.state.cursor = c.x + width >= this.cols ? null : { y: c.y, x: c.x + width };
  }

  /** Erases from the cursor to the end of its row, leaving blank cells in the default style. */
  eraseToEndOfRow(): void {
    this.style(DEFAULT_STYLE);
    this.out += `${CSI}K`;
  }

  /** Clears the whole screen to blank default cells and homes the cursor; hides the cursor. */
  clearScreen(): void {
    this.style(DEFAULT_STYLE);
    this.out += `${CSI}?25l${CSI}H${CSI}2J`;
    this.state.cursor = { y: 0, x: 0 };
  }

  /** The bytes built so far. */
  bytes(): string {
    return this.out;
  }
}
