/**
 * The second step of a delete that cannot be undone — "delete this version" or "delete all
 * versions" on B2, and one version from the versions list: it says what goes, with the count,
 * and acts only once `yes` is typed (Enter alone does nothing more than say so). Hide, which can
 * be undone, stays one step. Esc goes back to the dialog it came from.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry, VersionEntry } from '../../state/model/entry.js';
import type { EntryTotals } from '../../state/pane/pane-selectors.js';
import type { ControllerDeps } from '../controller-deps.js';
import { closeAndClearSelection, reduceField, replaceDialog, type DialogModule } from './dialog-module.js';
import type { DeleteDialog } from './delete.js';
import { deleteVersionThenReload } from './delete-version.js';
import type { VersionsDialog } from './versions.js';

/** The word to type. */
export const CONFIRM_WORD = 'yes';

/** What is to be deleted for good. */
export type IrreversibleDelete =
  /** From the F8 dialog: the targets of pane `side`, each in `mode`. */
  | {
      kind: 'entries';
      side: PaneSide;
      at: PaneLocation;
      targets: readonly Entry[];
      totals: EntryTotals;
      mode: 'delete-version' | 'all-versions';
      /** A governance retention the deletion lifts (see Bypass). */
      bypass: Bypass;
    }
  /** From the versions list: exactly this version. */
  | { kind: 'version'; version: VersionEntry; bypass: Bypass };

/**
 * Null, or the first governance retention this deletion would lift ("a.txt is retained until
 * 2027-01-01 (governance)"): the key holds bypassGovernance, the confirmation says so, and typing
 * yes sends the bypass (src/state/permissions/object-lock.ts).
 */
export type Bypass = string | null;

export interface ConfirmDeleteDialog {
  kind: 'confirmDelete';
  what: IrreversibleDelete;
  /** Where Esc goes back to. */
  back: DeleteDialog | VersionsDialog;
  field: LineState;
  error: string | null;
}

/** Replaces the open dialog with the confirmation of `what`. */
export function askToTypeYes(d: ControllerDeps, what: IrreversibleDelete, back: DeleteDialog | VersionsDialog): void {
  replaceDialog(d, { kind: 'confirmDelete', what, back, field: lineOf(''), error: null });
}

export const confirmDeleteDialog: DialogModule<ConfirmDeleteDialog> = {
  textField: true,
  reduce: reduceField,
  confirm(d, dialog) {
    if (dialog.field.text.trim().toLowerCase() !== CONFIRM_WORD) {
      d.store.dispatch({
        type: 'dialog',
        action: { type: 'setError', message: `Nothing was deleted: type ${CONFIRM_WORD} to delete for good.` },
      });
      return;
    }
    const { what, back } = dialog;
    if (what.kind === 'version') {
      if (back.kind === 'versions') deleteVersionThenReload(d, back, what.version, what.bypass !== null);
      return;
    }
    closeAndClearSelection(d, what.side);
    d.transfers.delete(what.at, what.targets, what.mode, what.bypass !== null);
  },
  cancel: (d, dialog) => replaceDialog(d, dialog.back),
};
