/**
 * Cursor and scroll arithmetic for a list of `count` rows shown `height` rows at a time.
 * Invariants kept by every function here: 0 ≤ cursor < count (0 when empty), the cursor row is
 * visible, and the list never scrolls past its end (no blank rows below the last one when there
 * are enough rows to fill the viewport).
 */

import type { CommandId } from '../keyboard/commands.js';

/** A relative cursor movement. */
export type CursorMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** The cursor commands and the movement each means (in the panes, the queue, the help screen). */
export const CURSOR_MOVES: Partial<Record<CommandId, CursorMove>> = {
  cursorUp: 'up',
  cursorDown: 'down',
  cursorPageUp: 'pageUp',
  cursorPageDown: 'pageDown',
  cursorHome: 'home',
  cursorEnd: 'end',
};

/** `cursor` clamped into [0, count − 1] (0 for an empty list). */
export function clampCursor(cursor: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(cursor)), count - 1);
}

/**
 * The scroll offset that shows `cursor`, moving as little as possible from `offset`.
 * A non-positive `height` (not laid out yet) gives offset 0.
 */
export function followCursor(cursor: number, offset: number, height: number, count: number): number {
  if (height <= 0) return 0;
  let o = offset;
  if (cursor < o) o = cursor;
  else if (cursor >= o + height) o = cursor - height + 1;
  return Math.min(Math.max(0, o), Math.max(0, count - height));
}

/**
 * The cursor after `move`. A page is `height − 1` rows (at least 1), so one row of context stays
 * on screen, as in mc.
 */
export function movedCursor(cursor: number, move: CursorMove, height: number, count: number): number {
  const page = Math.max(1, height - 1);
  switch (move) {
    case 'up':
      return clampCursor(cursor - 1, count);
    case 'down':
      return clampCursor(cursor + 1, count);
    case 'pageUp':
      return clampCursor(cursor - page, count);
    case 'pageDown':
      return clampCursor(cursor + page, count);
    case 'home':
      return 0;
    case 'end':
      return clampCursor(count - 1, count);
    default: {
      const never: never = move;
      return never;
    }
  }
}
