/**
 * The TUI's whole state: the app state of src/state (panes, mode, status) plus what belongs to
 * the UI alone (the open dialog's form, the queue panel's cursor). Changed only by `tuiReducer`;
 * held in a small external store that React reads with `useSyncExternalStore`
 * (DESIGN.md §"How data flows", steps 3 and 4).
 */
import { appReducer, type AppAction } from '../../state/app/app-reducer.js';
import type { AppState } from '../../state/app/app-state.js';
import { dialogReducer, type Dialog, type DialogAction } from '../dialogs/registry.js';

export interface TuiState {
  app: AppState;
  /** The open dialog's form; non-null exactly when `app.mode.kind === 'dialog'`. */
  dialog: Dialog | null;
  /** Selected row of the transfer queue panel. */
  queueCursor: number;
}

export type TuiAction =
  | { type: 'app'; action: AppAction }
  /** Opens a dialog (ignored unless the panes or the queue have the keyboard). */
  | { type: 'openDialog'; dialog: Dialog }
  | { type: 'closeDialog' }
  | { type: 'dialog'; action: DialogAction }
  | { type: 'queueCursor'; index: number };

/** The initial TUI state around an app state. */
export function createTuiState(app: AppState): TuiState {
  return { app, dialog: null, queueCursor: 0 };
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
    case 'closeDialog': {
      if (state.dialog === null) return state;
      return { ...state, app: appReducer(state.app, { type: 'closeDialog' }), dialog: null };
    }
    case 'dialog': {
      if (state.dialog === null) return state;
      const dialog = dialogReducer(state.dialog, action.action);
      return dialog === state.dialog ? state : { ...state, dialog };
    }
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
