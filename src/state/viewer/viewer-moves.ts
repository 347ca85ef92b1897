/**
 * Where the pager's screen starts after a move, and what it shows: pure functions over the loaded
 * bytes (./byte-source.ts). Each may throw MissingBytes; the effects load that block and try again,
 * so a move reads only the blocks between where the screen was and where it goes (End reads the
 * tail, never the middle).
 */
import type { CursorMove } from '../pane/pane-cursor.js';
import type { ByteSource } from './byte-source.js';
import { hexRowHolding, hexRowsFrom, HEX_ROW_BYTES, lastHexTop } from './hex-rows.js';
import { lastTextTop, prevTextRow, textRowHolding, textRowsFrom, type TextLayout, type ViewRow } from './text-rows.js';
import type { ViewerState } from './viewer-state.js';

/** The screen's size in rows and columns. */
export interface ViewerSize {
  rows: number;
  cols: number;
}

function layoutOf(state: ViewerState, size: ViewerSize): TextLayout {
  return { width: size.cols, wrap: state.wrap, left: state.left, mark: state.mark };
}

/** The rows on screen. @throws MissingBytes */
export function screenRows(src: ByteSource, state: ViewerState, size: ViewerSize, top = state.top): ViewRow[] {
  return state.hex
    ? hexRowsFrom(src, top, size.rows, state.mark)
    : textRowsFrom(src, top, size.rows, layoutOf(state, size));
}

/** `top` moved down `n` rows, never past the last screen. @throws MissingBytes */
function down(src: ByteSource, state: ViewerState, size: ViewerSize, n: number): number {
  if (state.hex) return Math.min(state.top + n * HEX_ROW_BYTES, lastHexTop(src.size, size.rows));
  const rows = textRowsFrom(src, state.top, size.rows + n, layoutOf(state, size));
  const i = Math.max(0, Math.min(n, rows.length - size.rows));
  return rows[i]?.start ?? state.top;
}

/** `top` moved up `n` rows. @throws MissingBytes */
function up(src: ByteSource, state: ViewerState, size: ViewerSize, n: number): number {
  if (state.hex) return Math.max(0, state.top - n * HEX_ROW_BYTES);
  let top = state.top;
  for (let i = 0; i < n && top > 0; i++) top = prevTextRow(src, top, layoutOf(state, size));
  return top;
}

/** The top of the last screen. @throws MissingBytes */
export function lastTop(src: ByteSource, state: ViewerState, size: ViewerSize): number {
  return state.hex ? lastHexTop(src.size, size.rows) : lastTextTop(src, size.rows, layoutOf(state, size));
}

/** The new `top` after `move`. @throws MissingBytes */
export function movedTop(src: ByteSource, state: ViewerState, size: ViewerSize, move: CursorMove): number {
  const page = Math.max(1, size.rows - 1);
  switch (move) {
    case 'up':
      return up(src, state, size, 1);
    case 'down':
      return down(src, state, size, 1);
    case 'pageUp':
      return up(src, state, size, page);
    case 'pageDown':
      return down(src, state, size, page);
    case 'home':
      return 0;
    case 'end':
      return lastTop(src, state, size);
    default: {
      const never: never = move;
      return never;
    }
  }
}

/** The start of the row holding byte `offset` in `state`'s layout. @throws MissingBytes */
export function rowHolding(src: ByteSource, state: ViewerState, size: ViewerSize, offset: number): number {
  return state.hex
    ? hexRowHolding(Math.min(offset, Math.max(0, src.size - 1)))
    : textRowHolding(src, offset, layoutOf(state, size));
}
