/**
 * The TUI's whole state: the app state of src/state (panes, mode, status) plus what belongs to
 * the UI alone (the open dialog's form, the queue panel's cursor). Changed only by `tuiReducer`;
 * held in a small external store that React reads with `useSyncExternalStore`
 * (ARCHITECTURE.md, "Keypress flow", steps 4 and 6).
 */
import { appReducer, type AppAction } from '../../state/app/app-reducer.js';
import type { AppMode, AppState } from '../../state/app/app-state.js';
import { dialogReducer, type Dialog, type DialogAction } from '../dialogs/registry.js';

/** What a raised dialog covers: the mode and dialog that had the keyboard, restored when it closes. */
export interface CoveredLayer {
  mode: AppMode;
  dialog: Dialog | null;
}

export interface TuiState {
  app: AppState;
  /** The open dialog's form; non-null exactly when `app.mode.kind === 'dialog'`. */
  dialog: Dialog | null;
  /** Selected row of the transfer queue panel. */
  queueCursor: number;
  /**
   * What raised dialogs cover, bottom first (empty when none is raised). The dialog on top has
   * the keyboard; closing it brings back the layer under it.
   */
  covered: readonly CoveredLayer[];
}

export type TuiAction =
  | { type: 'app'; action: AppAction }
  /** Opens a dialog (ignored unless the panes or the queue have the keyboard). */
  | { type: 'openDialog'; dialog: Dialog }
  /**
   * Opens a dialog on top of whatever has the keyboard — a dialog, the help, a filter being
   * typed, an accounts screen: a question a running operation asks cannot wait for the user to
   * close those first. Closing it restores what it covered.
   */
  | { type: 'raiseDialog'; dialog: Dialog }
  | { type: 'closeDialog' }
  | { type: 'dialog'; action: DialogAction }
  | { type: 'queueCursor'; index: number };

/** The initial TUI state around an app state. */
export function createTuiState(app: AppState): TuiState {
  return { app, dialog: null, queueCursor: 0, covered: [] };
}

/**
 * The layer everything else is drawn over: the state as it was before any dialog was raised
 * (what fills the screen — panes, help, queue, an accounts screen — is decided by it).
 */
export function baseLayer(state: Pick<TuiState, 'app' | 'dialog' | 'covered'>): Pick<TuiState, 'app' | 'dialog'> {
  const bottom = state.covered[0];
  return bottom === undefined ? state : { app: { ...state.app, mode: bottom.mode }, dialog: bottom.dialog };
}

/** Every dialog on screen, bottom first (covered ones, then the one with the keyboard). */
export function dialogsOnScreen(state: Pick<TuiState, 'dialog' | 'covered'>): Dialog[] {
  const all = [...state.covered.map((l) => l.dialog), state.dialog];
  return all.filter((d): d is Dialog => d !== null);
}

/** Form changes that come from keys: they go to the dialog on top only. */
function fromKeys(action: DialogAction): boolean {
  return action.type === 'moveChoice' || action.type === 'editField';
}

/**
 * Applies a dialog action: to the dialog on top, or — for a result arriving for a dialog a raised
 * one covers (versions streaming in under a question) — to the topmost covered dialog it changes.
 */
function reduceDialogs(state: TuiState, action: DialogAction): TuiState {
  if (state.dialog === null) return state;
  const top = dialogReducer(state.dialog, action);
  if (top !== state.dialog) return { ...state, dialog: top };
  if (fromKeys(action)) return state;
  for (let i = state.covered.length - 1; i >= 0; i--) {
    const layer = state.covered[i];
    if (layer === undefined || layer.dialog === null) continue;
    const next = dialogReducer(layer.dialog, action);
    if (next === layer.dialog) continue;
    const covered = state.covered.map((l, j) => (j === i ? { ...l, dialog: next } : l));
    return { ...state, covered };
  }
  return state;
}

/** Applies `action`; returns `state` itself when nothing changes. */
export function tuiReducer(state: TuiState, action: TuiAction): TuiState {
  switch (action.type) {
    case 'app': {
      const app = appReducer(state.app, action.action);
      if (app === state.app) return state;
      // Keep the dialog form in step with the mode machine (closeDialog via an app action).
      const dialog = app.mode.kind === 'dialog' ? state.dialog : null;
      return { ...state, app, dialog };
    }
    case 'openDialog': {
      const app = appReducer(state.app, { type: 'openDialog' });
      if (app.mode.kind !== 'dialog' || app === state.app) return state;
      return { ...state, app, dialog: action.dialog };
    }
    case 'raiseDialog': {
      const opened = tuiReducer(state, { type: 'openDialog', dialog: action.dialog });
      if (opened !== state) return opened;
      // The mode is stored as it is, so whatever watches it by identity (the accounts screens)
      // sees the same screen when it comes back.
      const covered = [...state.covered, { mode: state.app.mode, dialog: state.dialog }];
      return {
        ...state,
        covered,
        app: { ...state.app, mode: { kind: 'dialog', origin: 'normal' } },
        dialog: action.dialog,
      };
    }
    case 'closeDialog': {
      if (state.dialog === null) return state;
      const under = state.covered[state.covered.length - 1];
      if (under !== undefined)
        return {
          ...state,
          covered: state.covered.slice(0, -1),
          app: { ...state.app, mode: under.mode },
          dialog: under.dialog,
        };
      return { ...state, app: appReducer(state.app, { type: 'closeDialog' }), dialog: null };
    }
    case 'dialog':
      return reduceDialogs(state, action.action);
    case 'queueCursor': {
      const index = Math.max(0, Math.trunc(action.index));
      return index === state.queueCursor ? state : { ...state, queueCursor: index };
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}
