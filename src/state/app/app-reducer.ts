/**
 * The app reducer: routes pane actions to a pane and runs the mode machine (filter input, dialogs,
 * help, queue focus, wizard) and the status line. Pure (ARCHITECTURE.md, "Keypress flow", step 4).
 */
import { otherSide, type AppMode, type AppState, type PaneSide, type StatusMessage } from './app-state.js';
import { paneReducer, type PaneAction } from '../pane/pane-reducer.js';
import type { PaneState } from '../pane/pane-state.js';
import { quickSearchRow } from '../pane/quick-search.js';

export type AppAction =
  /** A pane action for `side`, or the active pane when `side` is omitted. Listing results must
   * name their side: the user may have switched panes while a listing streams. */
  | { type: 'pane'; side?: PaneSide; action: PaneAction }
  | { type: 'switchPane' }
  | { type: 'setActivePane'; side: PaneSide }
  /** Enters filter input for the active pane, starting from its current filter. */
  | { type: 'startFilter' }
  /** The filter text while typing; applied to the pane at once. */
  | { type: 'editFilter'; draft: string }
  | { type: 'commitFilter' }
  /** Leaves filter input and restores the filter from before it started. */
  | { type: 'cancelFilter' }
  /** Enters quick search (type-to-jump) in the active pane, with no text yet. */
  | { type: 'startQuickSearch' }
  /** The quick-search text changed: the cursor goes to the first match from its row on. */
  | { type: 'editQuickSearch'; text: string }
  /** The cursor goes to the next match below it (wrapping round). */
  | { type: 'nextQuickMatch' }
  | { type: 'endQuickSearch' }
  | { type: 'openDialog' }
  | { type: 'closeDialog' }
  | { type: 'openHelp' }
  | { type: 'scrollHelp'; offset: number }
  | { type: 'closeHelp' }
  /** Gives the transfer queue focus, or gives it back to the panes. */
  | { type: 'toggleQueueFocus' }
  /** Opens the pager over the panes (from the panes only). */
  | { type: 'openViewer' }
  | { type: 'closeViewer' }
  | { type: 'openWizard' }
  | { type: 'closeWizard' }
  /** Account profile `from` was renamed `to`: both panes follow (see PaneAction `profileRenamed`). */
  | { type: 'profileRenamed'; from: string; to: string }
  | { type: 'setStatus'; text: string; tone?: StatusMessage['tone']; untilProgress?: boolean }
  | { type: 'clearStatus' };

function withPane(state: AppState, side: PaneSide, pane: PaneState): AppState {
  if (pane === state.panes[side]) return state;
  return { ...state, panes: { ...state.panes, [side]: pane } };
}

function withMode(state: AppState, mode: AppMode): AppState {
  return { ...state, mode };
}

function setFilter(state: AppState, side: PaneSide, filter: string): AppState {
  return withPane(state, side, paneReducer(state.panes[side], { type: 'setFilter', filter }));
}

/** Quick search: the cursor of the searched pane on the match for `text` (see ../pane/quick-search.ts). */
function quickSearch(state: AppState, side: PaneSide, text: string, next: boolean): AppState {
  const pane = state.panes[side];
  const row = quickSearchRow(pane, text, next);
  const moved =
    row === null
      ? state
      : withPane(state, side, paneReducer(pane, { type: 'setCursor', index: row, height: pane.viewportHeight }));
  return withMode(moved, { kind: 'quickSearch', side, text, found: text === '' || row !== null });
}

/**
 * Applies `action`. Mode actions that do not fit the current mode (closing a dialog that is not
 * open, editing a filter outside filter input) are ignored: the state is returned unchanged.
 */
export function appReducer(state: AppState, action: AppAction): AppState {
  const mode = state.mode;
  switch (action.type) {
    case 'pane': {
      const side = action.side ?? state.active;
      const next = withPane(state, side, paneReducer(state.panes[side], action.action));
      // Compare marks (`c`) pair the two listings: a new listing on one side ends them on both.
      const other = otherSide(side);
      if (action.action.type === 'listingStarted' && next.panes[other].compare !== null)
        return withPane(next, other, paneReducer(next.panes[other], { type: 'setCompare', compare: null }));
      return next;
    }
    case 'switchPane':
      return { ...state, active: otherSide(state.active) };
    case 'setActivePane':
      return action.side === state.active ? state : { ...state, active: action.side };
    case 'startFilter': {
      if (mode.kind !== 'normal') return state;
      const f = state.panes[state.active].filter;
      return withMode(state, { kind: 'filter', side: state.active, draft: f, previous: f });
    }
    case 'editFilter':
      if (mode.kind !== 'filter') return state;
      return withMode(setFilter(state, mode.side, action.draft), { ...mode, draft: action.draft });
    case 'commitFilter':
      return mode.kind === 'filter' ? withMode(state, { kind: 'normal' }) : state;
    case 'cancelFilter':
      if (mode.kind !== 'filter') return state;
      return withMode(setFilter(state, mode.side, mode.previous), { kind: 'normal' });
    case 'startQuickSearch':
      return mode.kind === 'normal'
        ? withMode(state, { kind: 'quickSearch', side: state.active, text: '', found: true })
        : state;
    case 'editQuickSearch':
      return mode.kind === 'quickSearch' ? quickSearch(state, mode.side, action.text, false) : state;
    case 'nextQuickMatch':
      return mode.kind === 'quickSearch' ? quickSearch(state, mode.side, mode.text, true) : state;
    case 'endQuickSearch':
      return mode.kind === 'quickSearch' ? withMode(state, { kind: 'normal' }) : state;
    case 'openDialog':
      if (mode.kind !== 'normal' && mode.kind !== 'queue') return state;
      return withMode(state, { kind: 'dialog', origin: mode.kind });
    case 'closeDialog':
      return mode.kind === 'dialog' ? withMode(state, { kind: mode.origin }) : state;
    case 'openHelp':
      return mode.kind === 'normal' || mode.kind === 'queue'
        ? withMode(state, { kind: 'help', offset: 0, origin: mode.kind })
        : state;
    case 'scrollHelp':
      return mode.kind === 'help'
        ? withMode(state, { ...mode, offset: Math.max(0, Math.trunc(action.offset)) })
        : state;
    case 'closeHelp':
      return mode.kind === 'help' ? withMode(state, { kind: mode.origin }) : state;
    case 'toggleQueueFocus':
      if (mode.kind === 'queue') return withMode(state, { kind: 'normal' });
      return mode.kind === 'normal' ? withMode(state, { kind: 'queue' }) : state;
    case 'openViewer':
      return mode.kind === 'normal' ? withMode(state, { kind: 'viewer' }) : state;
    case 'closeViewer':
      return mode.kind === 'viewer' ? withMode(state, { kind: 'normal' }) : state;
    case 'openWizard':
      return mode.kind === 'normal' ? withMode(state, { kind: 'wizard' }) : state;
    case 'closeWizard':
      return mode.kind === 'wizard' ? withMode(state, { kind: 'normal' }) : state;
    case 'profileRenamed': {
      const renamed: PaneAction = { type: 'profileRenamed', from: action.from, to: action.to };
      return withPane(
        withPane(state, 'left', paneReducer(state.panes.left, renamed)),
        'right',
        paneReducer(state.panes.right, renamed),
      );
    }
    case 'setStatus':
      return {
        ...state,
        status: {
          text: action.text,
          tone: action.tone ?? 'info',
          ...(action.untilProgress === true ? { untilProgress: true } : {}),
        },
      };
    case 'clearStatus':
      return state.status === null ? state : { ...state, status: null };
    default: {
      const never: never = action;
      return never;
    }
  }
}
