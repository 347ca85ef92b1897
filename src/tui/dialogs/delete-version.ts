/**
 * F8 in the versions dialog: delete exactly one version (deleting a hide marker unhides the
 * name). Enter queues the deletion and goes back to the list, which reloads when it is done;
 * Esc goes back without deleting.
 */
import type { VersionEntry } from '../../state/model/entry.js';
import { snapshot } from '../controller-deps.js';
import { closeDialog, replaceDialog, type DialogModule } from './dialog-module.js';
import { requestVersions, type VersionsDialog } from './versions.js';

export interface DeleteVersionDialog {
  kind: 'deleteVersion';
  version: VersionEntry;
  /** The versions list to go back to. */
  back: VersionsDialog;
}

export const deleteVersionDialog: DialogModule<DeleteVersionDialog> = {
  confirm(d, dialog) {
    const { back, version } = dialog;
    replaceDialog(d, back);
    d.transfers.deleteVersion(back.at, version, () => {
      const now = snapshot(d).dialog;
      // Reload only if the user is still looking at this file's versions.
      if (now?.kind !== 'versions' || now.entry.path !== back.entry.path) return;
      closeDialog(d);
      requestVersions(d, back.side, back.at, back.entry);
    });
  },
  cancel: (d, dialog) => replaceDialog(d, dialog.back),
};
