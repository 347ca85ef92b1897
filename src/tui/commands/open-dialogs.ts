/**
 * Opening the dialog of a pane command: each dialog module gathers what it acts on (the
 * selection, else the row under the cursor, as in mc), checks the key for every target, and opens
 * its dialog or says in the status line why not. Permissions for the folder were checked by the
 * caller (./pane-commands.ts).
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { snapshot, type ControllerDeps } from '../controller-deps.js';
import { openSaveBookmark } from '../dialogs/bookmark-name.js';
import { openBookmarksDialog } from '../dialogs/bookmarks.js';
import { openDeleteDialog } from '../dialogs/delete.js';
import { openCreateBucketDialog, openDeleteBucketDialog } from '../dialogs/bucket-admin.js';
import { openFindDialog } from '../dialogs/find.js';
import { openInfoDialog } from '../dialogs/info.js';
import { openPicker } from '../dialogs/picker.js';
import { openPrompt } from '../dialogs/prompt.js';
import { openShareDialog } from '../dialogs/share.js';
import { openSyncDialog } from '../dialogs/sync-open.js';
import { openTransferDialog } from '../dialogs/transfer.js';
import { openUnhideDialog } from '../dialogs/unhide.js';
import { openVersionsDialog } from '../dialogs/versions.js';

/** True when the active pane shows an account's bucket list (F7 and F8 then act on buckets). */
function atBucketList(d: ControllerDeps): boolean {
  const s = snapshot(d).app;
  const loc = s.panes[s.active].location;
  return loc.kind === 'b2' && loc.bucket === null;
}

/** The pane commands that open a dialog, each with its opener. */
export const DIALOG_OPENERS = {
  locationPicker: openPicker,
  bookmarkSave: openSaveBookmark,
  bookmarks: (d) => openBookmarksDialog(d),
  selectByMask: (d) => openPrompt(d, 'selectByMask'),
  unselectByMask: (d) => openPrompt(d, 'unselectByMask'),
  rename: (d) => openPrompt(d, 'rename'),
  mkdir: (d) => (atBucketList(d) ? openCreateBucketDialog(d) : openPrompt(d, 'mkdir')),
  versions: openVersionsDialog,
  info: openInfoDialog,
  copy: (d) => openTransferDialog(d, 'copy'),
  move: (d) => openTransferDialog(d, 'move'),
  delete: (d) => (atBucketList(d) ? openDeleteBucketDialog(d) : openDeleteDialog(d)),
  unhide: openUnhideDialog,
  shareLink: openShareDialog,
  sync: openSyncDialog,
  find: openFindDialog,
} satisfies Partial<Record<CommandId, (d: ControllerDeps) => void>>;

/** A pane command that opens a dialog. */
export type DialogCommand = keyof typeof DIALOG_OPENERS;

/** Opens the dialog for `cmd`. */
export function openOperationDialog(d: ControllerDeps, cmd: DialogCommand): void {
  DIALOG_OPENERS[cmd](d);
}
