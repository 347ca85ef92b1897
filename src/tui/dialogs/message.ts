/** An error or notice that needs to be read before going on. */
import { closeDialog, type DialogModule } from './dialog-module.js';

export interface MessageDialog {
  kind: 'message';
  title: string;
  text: string;
}

export const messageDialog: DialogModule<MessageDialog> = { confirm: closeDialog };
