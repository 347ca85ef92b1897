/**
 * The transfer history (`h` in the queue panel): what finished or failed, newest first, kept
 * across runs by the engine (src/transfers/history.ts). Read when opened; ↑/↓ move through it and
 * the highlighted entry's reason is shown in full.
 */
import type { HistoryEntry } from '../../transfers/index.js';
import { errorText } from '../../error-text.js';
import type { ControllerDeps } from '../controller-deps.js';
import { clampIndex, closeDialog, openDialog, type CommonDialogAction, type DialogModule } from './dialog-module.js';

export interface HistoryDialog {
  kind: 'history';
  /** Newest first; null while it is being read. */
  entries: readonly HistoryEntry[] | null;
  /** The highlighted entry. */
  choice: number;
  error: string | null;
}

/** The history as read (or why it could not be). */
export type HistoryAction = { type: 'historyLoaded'; entries: readonly HistoryEntry[] | null; error: string | null };

/** Opens the history and reads it. */
export function openHistoryDialog(d: ControllerDeps): void {
  openDialog(d, { kind: 'history', entries: null, choice: 0, error: null });
  d.transfers.queue.history.entries().then(
    (entries) =>
      d.store.dispatch({
        type: 'dialog',
        action: { type: 'historyLoaded', entries: [...entries].reverse(), error: null },
      }),
    (e: unknown) =>
      d.store.dispatch({ type: 'dialog', action: { type: 'historyLoaded', entries: [], error: errorText(e) } }),
  );
}

export const historyDialog: DialogModule<HistoryDialog, HistoryAction | CommonDialogAction> = {
  reduce(d, action) {
    if (action.type === 'historyLoaded') return { ...d, entries: action.entries, error: action.error };
    if (action.type === 'moveChoice')
      return { ...d, choice: clampIndex(d.choice + action.delta, d.entries?.length ?? 0) };
    return d;
  },
  confirm: closeDialog,
};
