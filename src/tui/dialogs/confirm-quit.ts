/**
 * Quitting: at once when the transfer queue is idle; with transfers running, a dialog asks first
 * (issue 6: "F10 / q quit (asks when transfers run)"); the dialog says whether the work is saved
 * for the next start (issue 5).
 */
import type { ControllerDeps } from '../controller-deps.js';
import { closeDialog, openDialog, type DialogModule } from './dialog-module.js';

export interface ConfirmQuitDialog {
  kind: 'confirmQuit';
  /** Files still queued or running. */
  running: number;
  /** Quitting keeps the unfinished work in the queue file for the next start. */
  saves: boolean;
}

/** Quits, or asks first when transfers are queued or running. */
export function requestQuit(d: ControllerDeps): void {
  const totals = d.transfers.queue.totals.getSnapshot();
  if (!totals.active) {
    d.exit();
    return;
  }
  const t = totals.totals;
  const running = Math.max(1, t.files - t.filesDone - t.filesFailed - t.filesCancelled);
  openDialog(d, { kind: 'confirmQuit', running, saves: d.resume?.saves ?? false });
}

export const confirmQuitDialog: DialogModule<ConfirmQuitDialog> = {
  confirm(deps) {
    closeDialog(deps);
    deps.exit();
  },
};
