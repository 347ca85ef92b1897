/**
 * The standalone key inspector (for the active pane's profile, reachable at any time): a scroll
 * position and "closed". Pure; the facts themselves come from ./keys-screen-facts.ts.
 */
import { scrollBy, scrollLimit, scrollMoveForKey, SCROLL_TOP, type ScrollMove, type ScrollState } from './keys-screen-scroll.js';
import type { ScreenKey } from './wizard-text-field.js';

/** The inspector screen's state. */
export interface InspectorState {
  scroll: ScrollState;
  closed: boolean;
}

/** What can happen to it. */
export type InspectorAction = { type: 'scroll'; move: ScrollMove } | { type: 'scrollLimit'; max: number } | { type: 'close' };

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

/** Scroll keys scroll; Esc, Enter, q and I (the key that opens it) close. */
export function inspectorKeyAction(_state: InspectorState, key: ScreenKey): InspectorAction | null {
  const pattern = key.pattern ?? '';
  if (pattern === 'escape' || pattern === 'enter' || pattern === 'q' || pattern === 'I') return { type: 'close' };
  const move = scrollMoveForKey(pattern);
  return move === null ? null : { type: 'scroll', move };
}
