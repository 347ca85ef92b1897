/**
 * A scrollable window over a list of lines (the key inspector): an offset kept within [0, max].
 * `max` is reported by the view once it knows its height (`lines − visible rows`); until then it
 * is null and only the lower bound applies (a key pressed before the first report still counts,
 * and the report pulls the offset back inside). Pure.
 */
import type { CommandId } from '../keyboard/commands.js';

/** Scroll position. */
export interface ScrollState {
  offset: number;
  /** Largest offset that still fills the window (0 when everything fits); null until the view reports it. */
  max: number | null;
}

/** The top, limit not known yet. */
export const SCROLL_TOP: ScrollState = { offset: 0, max: null };

/** How far one "page" moves, in lines (views are at least this tall at 80×24). */
export const SCROLL_PAGE = 10;

/** Scroll moves, as screens dispatch them. */
export type ScrollMove = 'line-up' | 'line-down' | 'page-up' | 'page-down' | 'top' | 'bottom';

/** The offset after `move`, kept within [0, max]. */
export function scrollBy(s: ScrollState, move: ScrollMove): ScrollState {
  let offset: number;
  switch (move) {
    case 'line-up':
      offset = s.offset - 1;
      break;
    case 'line-down':
      offset = s.offset + 1;
      break;
    case 'page-up':
      offset = s.offset - SCROLL_PAGE;
      break;
    case 'page-down':
      offset = s.offset + SCROLL_PAGE;
      break;
    case 'top':
      offset = 0;
      break;
    case 'bottom':
      offset = s.max ?? Number.MAX_SAFE_INTEGER;
      break;
    default: {
      const unreachable: never = move;
      return unreachable;
    }
  }
  return { ...s, offset: Math.max(0, Math.min(s.max ?? Number.MAX_SAFE_INTEGER, offset)) };
}

/** A new `max` (negative counts as 0); the offset is pulled back inside it. */
export function scrollLimit(s: ScrollState, max: number): ScrollState {
  const m = Math.max(0, Math.floor(max));
  const offset = Math.min(s.offset, m);
  // Same object when nothing changed: views report their limit after every render.
  return m === s.max && offset === s.offset ? s : { offset, max: m };
}

const SCROLL_MOVES: Partial<Record<CommandId, ScrollMove>> = {
  cursorUp: 'line-up',
  cursorDown: 'line-down',
  cursorPageUp: 'page-up',
  cursorPageDown: 'page-down',
  cursorHome: 'top',
  cursorEnd: 'bottom',
};

/**
 * The scroll move a cursor command means in a scrollable view (its keys come from the keymap:
 * ../keyboard/keymap-accounts.ts), or null for no command or any other command.
 */
export function scrollMoveForCommand(command: CommandId | null): ScrollMove | null {
  return command === null ? null : (SCROLL_MOVES[command] ?? null);
}
