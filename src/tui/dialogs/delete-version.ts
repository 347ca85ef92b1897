/**
 * F8 on a hide marker in the versions dialog: delete exactly that marker, which unhides the name
 * (no data goes; a real version asks for a typed confirmation instead, ./confirm-delete.ts).
 * Enter queues the deletion and goes back to the list, which reloads when it is done; Esc goes
 * back without deleting.
 */
import type { VersionEntry } from '../../state/model/entry.js';
import { snapshot, type ControllerDeps } from '../controller-deps.js';
import { closeDialog, replaceDialog, type DialogModule } from './dialog-module.js';
import { requestVersions, type VersionsDialog } from './versions.js';

export interface DeleteVersionDialog {
  kind: 'deleteVersion';
  version: VersionEntry;
  /** The versions list to go back to. */
  back: VersionsDialog;
}

/**
 * Goes back to the versions list `back`, queues the deletion of `version` (lifting its governance
 * retention with `bypassGovernance`), and reloads the list once it is done.
 */
export function deleteVersionThenReload(
  d: ControllerDeps,
  back: VersionsDialog,
  version: VersionEntry,
  bypassGovernance = false,
): void {
  replaceDialog(d, back);
  d.transfers.deleteVersion(back.at, version, bypassGovernance, () => {
    const now = snapshot(d).dialog;
    // Reload only if the user is still looking at this file's versions.
    if (now?.kind !== 'versions' || now.entry.path !== back.entry.path) return;
    closeDialog(d);
    requestVersions(d, back.side, back.at, back.entry);
  });
}

export const deleteVersionDialog: DialogModule<DeleteVersionDialog> = {
  confirm: (d, dialog) => deleteVersionThenReload(d, dialog.back, dialog.version),
  cancel: (d, dialog) => replaceDialog(d, dialog.back),
};
