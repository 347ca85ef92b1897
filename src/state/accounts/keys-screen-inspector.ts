/**
 * The standalone key inspector (for the active pane's profile, reachable at any time): a scroll
 * position and "closed". Pure; the facts themselves come from ./keys-screen-facts.ts.
 */
import { DEFAULT_KEYMAP, lookupCommand, type Keymap } from '../keyboard/keymap.js';
import {
  scrollBy,
  scrollLimit,
  scrollMoveForCommand,
  SCROLL_TOP,
  type ScrollMove,
  type ScrollState,
} from './keys-screen-scroll.js';
import type { ScreenKey } from '../keyboard/screen-key.js';

/** The inspector screen's state. */
export interface InspectorState {
  scroll: ScrollState;
  closed: boolean;
}

/** What can happen to it. */
export type InspectorAction =
  | { type: 'scroll'; move: ScrollMove }
  | { type: 'scrollLimit'; max: number }
  | { type: 'close' };

/** Scrolled to the top, open. */
export function initInspector(): InspectorState {
  return { scroll: SCROLL_TOP, closed: false };
}

/** The inspector's reducer. */
export function inspectorReducer(state: InspectorState, action: InspectorAction): InspectorState {
  switch (action.type) {
    case 'scroll':
      return { ...state, scroll: scrollBy(state.scroll, action.move) };
    case 'scrollLimit': {
      const scroll = scrollLimit(state.scroll, action.max);
      return scroll === state.scroll ? state : { ...state, scroll };
    }
    case 'close':
      return state.closed ? state : { ...state, closed: true };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * The inspector's action for `key`, looked up in the keymap's `inspector` context: scroll keys
 * scroll; Esc, Enter, q and I (the key that opens it) close.
 * @param keymap the app's keymap, user overrides applied (default: the built-in one)
 */
export function inspectorKeyAction(
  _state: InspectorState,
  key: ScreenKey,
  keymap: Keymap = DEFAULT_KEYMAP,
): InspectorAction | null {
  const cmd = lookupCommand(keymap, 'inspector', key.pattern);
  if (cmd === 'cancel') return { type: 'close' };
  const move = scrollMoveForCommand(cmd);
  return move === null ? null : { type: 'scroll', move };
}
