/**
 * The whole TUI's state: two panes, which one is active, the input mode and the status line.
 * Changed only by ./app-reducer.ts.
 */
import type { KeyContext } from '../keyboard/keymap.js';
import type { PaneLocation } from '../location/pane-location.js';
import { createPaneState, type PaneState, type SortSpec } from '../pane/pane-state.js';

export type PaneSide = 'left' | 'right';

/** Modes a dialog or the help screen can be opened from, and returns to when closed. */
export type DialogOrigin = 'normal' | 'queue';

/**
 * What the keyboard is driving:
 * - `normal`: the active pane;
 * - `filter`: typing a filter for pane `side` (`previous` is restored on cancel; each edit applies
 *   at once, so the list narrows while typing);
 * - `quickSearch`: type-to-jump in pane `side`: `text` moves the cursor to a matching name
 *   (../pane/quick-search.ts); `found` is false when no name matches the text;
 * - `dialog`: a modal dialog (what it holds is the TUI's: src/tui/dialogs);
 * - `wizard`: the account wizard;
 * - `help`: the help screen, scrolled to row `offset`;
 * - `queue`: the transfer queue has focus;
 * - `viewer`: the pager (F3) fills the screen (what it shows is the TUI's: src/tui/viewer).
 */
export type AppMode =
  | { kind: 'normal' }
  | { kind: 'filter'; side: PaneSide; draft: string; previous: string }
  | { kind: 'quickSearch'; side: PaneSide; text: string; found: boolean }
  | { kind: 'dialog'; origin: DialogOrigin }
  | { kind: 'wizard' }
  | { kind: 'help'; offset: number; origin: DialogOrigin }
  | { kind: 'queue' }
  | { kind: 'viewer' };

/** A status-line message (raw text: sanitise before display). */
export interface StatusMessage {
  text: string;
  tone: 'info' | 'warning' | 'error';
  /**
   * The message announces work for the transfer queue ("Copying 3 files…"): once the queue runs,
   * its progress takes the line, and the message is not shown again.
   */
  untilProgress?: boolean;
}

export interface AppState {
  panes: Readonly<Record<PaneSide, PaneState>>;
  active: PaneSide;
  mode: AppMode;
  status: StatusMessage | null;
}

/** Two idle panes at the given locations, the left one active, normal mode, no status. */
export function createAppState(
  left: PaneLocation,
  right: PaneLocation,
  options: { sort?: SortSpec; showHidden?: boolean } = {},
): AppState {
  return {
    panes: { left: createPaneState(left, options), right: createPaneState(right, options) },
    active: 'left',
    mode: { kind: 'normal' },
    status: null,
  };
}

/** The other side. */
export function otherSide(side: PaneSide): PaneSide {
  return side === 'left' ? 'right' : 'left';
}

/** The active pane. */
export function activePane(state: AppState): PaneState {
  return state.panes[state.active];
}

/** The inactive pane (the target of copy and move). */
export function inactivePane(state: AppState): PaneState {
  return state.panes[otherSide(state.active)];
}

/** The keymap context in which key presses are looked up in `mode`. */
export function keyContextFor(mode: AppMode): KeyContext {
  switch (mode.kind) {
    case 'normal':
      return 'pane';
    case 'filter':
    case 'dialog':
      return 'dialog';
    case 'quickSearch':
      return 'quick-search';
    case 'wizard':
      return 'wizard';
    case 'help':
      return 'help';
    case 'queue':
      return 'queue';
    case 'viewer':
      return 'viewer';
    default: {
      const never: never = mode;
      return never;
    }
  }
}
