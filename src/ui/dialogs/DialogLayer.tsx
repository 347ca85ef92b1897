/** The open dialog, drawn over the panes. */
import type { ReactNode } from 'react';
import type { DialogData } from '../../tui/dialogs/dialog-data.js';
import { ConflictDialog, PickerDialog, PromptDialog, ShareDialog } from './InputDialogs.js';
import { ConfirmQuitDialog, DeleteDialog, MessageDialog, TransferDialog, UnhideDialog } from './OperationDialogs.js';
import { ResumeQueueDialog } from './ResumeQueueDialog.js';
import { InfoDialog } from './ViewDialogs.js';
import { DeleteVersionDialog, VersionsDialog } from './VersionsDialog.js';
import type { Keymap } from '../../state/keyboard/keymap.js';

/** The component for `dialog`; `keymap` names the keys in footers generated from it (default: the built-in one). */
export function DialogLayer({ dialog, keymap }: { dialog: DialogData; keymap?: Keymap }): ReactNode {
  switch (dialog.kind) {
    case 'transfer':
      return <TransferDialog d={dialog} />;
    case 'delete':
      return <DeleteDialog d={dialog} />;
    case 'prompt':
      return <PromptDialog d={dialog} />;
    case 'unhide':
      return <UnhideDialog d={dialog} />;
    case 'share':
      return <ShareDialog d={dialog} />;
    case 'info':
      return <InfoDialog d={dialog} />;
    case 'versions':
      return <VersionsDialog d={dialog} keymap={keymap} />;
    case 'deleteVersion':
      return <DeleteVersionDialog d={dialog} />;
    case 'picker':
      return <PickerDialog d={dialog} />;
    case 'confirmQuit':
      return <ConfirmQuitDialog d={dialog} />;
    case 'conflict':
      return <ConflictDialog d={dialog} />;
    case 'resumeQueue':
      return <ResumeQueueDialog d={dialog} />;
    case 'message':
      return <MessageDialog d={dialog} />;
    case 'screen':
      // Accounts screens replace the panes (TuiApp), they are not drawn over them.
      return null;
    default: {
      const never: never = dialog;
      return never;
    }
  }
}
