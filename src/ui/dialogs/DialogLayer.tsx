/**
 * The open dialog, drawn over the panes: the view registered for its kind. Each dialog kind has a
 * module in src/tui/dialogs (its form and what its keys do) and a view here.
 */
import type { ReactNode } from 'react';
import type { Dialog, DialogOf } from '../../tui/dialogs/registry.js';
import { BookmarkNameDialog, BookmarksDialog } from './BookmarkDialogs.js';
import { BucketConfirmDialog, CreateBucketDialog } from './BucketDialogs.js';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog.js';
import { ConflictListDialog } from './ConflictListDialog.js';
import { HistoryDialog } from './HistoryDialog.js';
import { FindDialog } from './FindDialog.js';
import { ConflictDialog, PickerDialog, PromptDialog, ShareDialog } from './InputDialogs.js';
import { EditConflictDialog } from './EditConflictDialog.js';
import { ConfirmQuitDialog, DeleteDialog, MessageDialog, TransferDialog, UnhideDialog } from './OperationDialogs.js';
import { ResumeQueueDialog } from './ResumeQueueDialog.js';
import { SyncDialog } from './SyncDialog.js';
import { InfoDialog } from './ViewDialogs.js';
import { DeleteVersionDialog, VersionsDialog } from './VersionsDialog.js';

type Views = { [K in Dialog['kind']]: (props: { d: DialogOf<K> }) => ReactNode };

const VIEWS: Views = {
  transfer: TransferDialog,
  delete: DeleteDialog,
  prompt: PromptDialog,
  unhide: UnhideDialog,
  share: ShareDialog,
  info: InfoDialog,
  versions: VersionsDialog,
  deleteVersion: DeleteVersionDialog,
  confirmDelete: ConfirmDeleteDialog,
  picker: PickerDialog,
  confirmQuit: ConfirmQuitDialog,
  conflict: ConflictDialog,
  resumeQueue: ResumeQueueDialog,
  message: MessageDialog,
  sync: SyncDialog,
  editConflict: EditConflictDialog,
  createBucket: CreateBucketDialog,
  bucketConfirm: BucketConfirmDialog,
  history: HistoryDialog,
  conflictList: ConflictListDialog,
  find: FindDialog,
  bookmarks: BookmarksDialog,
  bookmarkName: BookmarkNameDialog,
  // Accounts screens replace the panes (TuiApp), they are not drawn over them.
  screen: () => null,
};

/** The view for `dialog`. */
export function DialogLayer({ dialog }: { dialog: Dialog }): ReactNode {
  // VIEWS is keyed by kind, so this is the view for exactly this dialog (TypeScript cannot
  // follow the correlation between a union member and its indexed entry).
  const View = VIEWS[dialog.kind] as (props: { d: Dialog }) => ReactNode;
  return <View d={dialog} />;
}
