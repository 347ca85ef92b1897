/**
 * Commands while a dialog has the keyboard, through the open dialog's module
 * (../dialogs/registry.ts): Enter confirms what the dialog says it will do, Esc closes it (or does
 * what the module says), Tab/↑/↓ move between choices. Typing goes to the dialog's text field
 * (the controller). A dialog with keys of its own (versions) takes every command itself.
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { snapshot, type ControllerDeps, type ViewportSizes } from '../controller-deps.js';
import { closeDialog } from '../dialogs/dialog-module.js';
import { dialogModule } from '../dialogs/registry.js';

/** Runs `cmd` for the open dialog (`sizes`: what the screen shows, for dialogs that scroll). */
export function runDialogCommand(d: ControllerDeps, cmd: CommandId, sizes?: ViewportSizes): void {
  const dialog = snapshot(d).dialog;
  if (dialog === null) return;
  const module = dialogModule(dialog);
  if (module.command !== undefined) return module.command(d, cmd, dialog, sizes);
  if (cmd === 'confirm') module.confirm(d, dialog);
  else if (cmd === 'cancel') {
    if (module.cancel !== undefined) module.cancel(d, dialog);
    else closeDialog(d);
  } else if (cmd === 'nextField') d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta: 1 } });
  else if (cmd === 'prevField') d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta: -1 } });
}
