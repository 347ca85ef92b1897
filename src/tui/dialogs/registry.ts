/**
 * Every dialog kind and its module (./dialog-module.ts): the one dialog union, and the lookups
 * the store and the controller use instead of switching over kinds. The mode machine of
 * src/state only knows that a dialog is open; what it holds lives here.
 */
import type { KeyContext } from '../../state/keyboard/keymap.js';
import {
  bucketConfirmDialog,
  createBucketDialog,
  type BucketConfirmDialog,
  type CreateBucketDialog,
} from './bucket-admin.js';
import { bookmarkNameDialog, type BookmarkNameDialog } from './bookmark-name.js';
import { bookmarksDialog, type BookmarksDialog } from './bookmarks.js';
import { confirmQuitDialog, type ConfirmQuitDialog } from './confirm-quit.js';
import { conflictDialog, type ConflictDialog } from './conflict.js';
import { conflictListDialog, type ConflictListAction, type ConflictListDialog } from './conflict-list.js';
import { confirmDeleteDialog, type ConfirmDeleteDialog } from './confirm-delete.js';
import { deleteVersionDialog, type DeleteVersionDialog } from './delete-version.js';
import { deleteDialog, type DeleteDialog } from './delete.js';
import type { CommonDialogAction, DialogModule } from './dialog-module.js';
import { infoDialog, type InfoAction, type InfoDialog } from './info.js';
import { editConflictDialog, type EditConflictDialog } from './edit-conflict.js';
import { historyDialog, type HistoryAction, type HistoryDialog } from './history.js';
import { findDialog, type FindDialog } from './find.js';
import { messageDialog, type MessageDialog } from './message.js';
import { pickerDialog, type PickerAction, type PickerDialog } from './picker.js';
import { promptDialog, type PromptDialog } from './prompt.js';
import { resumeQueueDialog, type ResumeQueueDialog } from './resume-queue.js';
import { screenDialog, type ScreenDialog } from './screen.js';
import { shareDialog, type ShareAction, type ShareDialog } from './share.js';
import { syncDialog, type SyncDialog, type SyncDialogAction } from './sync.js';
import { transferDialog, type TransferDialog } from './transfer.js';
import { unhideDialog, type UnhideDialog } from './unhide.js';
import { versionsDialog, type VersionsAction, type VersionsDialog } from './versions.js';

/** What an open dialog holds: one form per kind. */
export type Dialog =
  | TransferDialog
  | DeleteDialog
  | PromptDialog
  | UnhideDialog
  | ShareDialog
  | InfoDialog
  | VersionsDialog
  | DeleteVersionDialog
  | ConfirmDeleteDialog
  | PickerDialog
  | ConfirmQuitDialog
  | ResumeQueueDialog
  | ConflictDialog
  | MessageDialog
  | ScreenDialog
  | SyncDialog
  | EditConflictDialog
  | CreateBucketDialog
  | BucketConfirmDialog
  | HistoryDialog
  | ConflictListDialog
  | FindDialog
  | BookmarksDialog
  | BookmarkNameDialog;

/** Every change a dialog's form may receive. */
export type DialogAction =
  | CommonDialogAction
  | ShareAction
  | VersionsAction
  | SyncDialogAction
  | InfoAction
  | HistoryAction
  | PickerAction
  | ConflictListAction;

/** The dialog of kind `K`. */
export type DialogOf<K extends Dialog['kind']> = Extract<Dialog, { kind: K }>;

type Modules = { [K in Dialog['kind']]: DialogModule<DialogOf<K>, DialogAction> };

const MODULES: Modules = {
  transfer: transferDialog,
  delete: deleteDialog,
  prompt: promptDialog,
  unhide: unhideDialog,
  share: shareDialog,
  info: infoDialog,
  versions: versionsDialog,
  deleteVersion: deleteVersionDialog,
  confirmDelete: confirmDeleteDialog,
  picker: pickerDialog,
  confirmQuit: confirmQuitDialog,
  resumeQueue: resumeQueueDialog,
  conflict: conflictDialog,
  message: messageDialog,
  editConflict: editConflictDialog,
  screen: screenDialog,
  sync: syncDialog,
  createBucket: createBucketDialog,
  bucketConfirm: bucketConfirmDialog,
  history: historyDialog,
  conflictList: conflictListDialog,
  find: findDialog,
  bookmarks: bookmarksDialog,
  bookmarkName: bookmarkNameDialog,
};

/** The module of `dialog`'s kind. */
export function dialogModule<D extends Dialog>(dialog: D): DialogModule<D, DialogAction> {
  // The table is keyed by kind, so this is the module for exactly D (TypeScript cannot follow
  // the correlation between a union member and its indexed entry).
  return MODULES[dialog.kind] as unknown as DialogModule<D, DialogAction>;
}

/** Applies `action` to the open dialog (the same object when nothing changes). */
export function dialogReducer(dialog: Dialog, action: DialogAction): Dialog {
  return dialogModule(dialog).reduce?.(dialog, action) ?? dialog;
}

/** True when the dialog has a text field that printable keys go to. */
export function hasTextField(dialog: Dialog | null): boolean {
  return dialog !== null && dialogModule(dialog).textField === true;
}

/** The keymap context while `dialog` is open. */
export function dialogKeyContext(dialog: Dialog): KeyContext {
  return dialogModule(dialog).keyContext ?? 'dialog';
}
