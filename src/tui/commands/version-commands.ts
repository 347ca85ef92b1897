/**
 * Keys of the versions dialog (keymap context `versions`): ↑↓ move, Enter/F3 shows the version's
 * details, F5 copies that exact version to the other pane, F8 deletes exactly that version after a
 * confirmation (deleting a hide marker unhides the name). Permission rules refuse with their reason.
 */
import type { VersionEntry } from '../../state/model/entry.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { otherSide } from '../../state/app/app-state.js';
import { isDirLike } from '../../state/pane/pane-state.js';
import { checkTransfer, permissionsForLocation } from '../../state/permissions/permissions.js';
import type { DialogData, VersionsDialogData } from '../dialogs/dialog-data.js';
import { destinationLocation, entryLocation } from './command-permissions.js';
import { closeDialog, openDialog, paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { requestVersions } from './versions.js';

/** Swaps the open dialog for `next` (the mode machine opens dialogs only from the panes or the queue). */
export function replaceDialog(d: ControllerDeps, next: DialogData): void {
  closeDialog(d);
  openDialog(d, next);
}

function selected(dialog: VersionsDialogData): VersionEntry | null {
  return dialog.versions[dialog.cursor] ?? null;
}

function askDelete(d: ControllerDeps, dialog: VersionsDialogData, version: VersionEntry): void {
  const key = paneKey(d, dialog.side).key;
  const decision = permissionsForLocation(entryLocation(dialog.at, version), key, d.now()).delete;
  if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
  replaceDialog(d, { kind: 'deleteVersion', version, back: dialog });
}

function copyVersion(d: ControllerDeps, dialog: VersionsDialogData, version: VersionEntry): void {
  if (version.action !== 'upload') return setStatus(d, 'A hide marker has no bytes to copy.', 'warning');
  const to = snapshot(d).app.panes[otherSide(dialog.side)].location;
  const keys = { source: paneKey(d, dialog.side).key, destination: paneKey(d, otherSide(dialog.side)).key };
  const decision = checkTransfer('copy', entryLocation(dialog.at, version), destinationLocation(to, version.name, isDirLike(version)), keys, d.now());
  if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
  d.transfers.copyVersion(dialog.at, to, version);
}

/** How far each cursor command moves in the list (the reducer clamps to the ends). */
const MOVES: Partial<Record<CommandId, number>> = {
  cursorUp: -1,
  cursorDown: 1,
  cursorPageUp: -10,
  cursorPageDown: 10,
  cursorHome: -Number.MAX_SAFE_INTEGER,
  cursorEnd: Number.MAX_SAFE_INTEGER,
};

/** Runs `cmd` in the versions dialog; commands without a meaning here do nothing. */
export function runVersionsCommand(d: ControllerDeps, cmd: CommandId, dialog: VersionsDialogData): void {
  const version = selected(dialog);
  const delta = MOVES[cmd];
  if (delta !== undefined) d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta } });
  else if (cmd === 'cancel') closeDialog(d);
  else if (version === null) return;
  else if (cmd === 'info') replaceDialog(d, { ...dialog, detail: !dialog.detail });
  else if (cmd === 'copy') copyVersion(d, dialog, version);
  else if (cmd === 'delete') askDelete(d, dialog, version);
}

/** Enter in the delete-version confirmation: queue the deletion, back to the list, reload it when done. */
export function confirmDeleteVersion(d: ControllerDeps, dialog: Extract<DialogData, { kind: 'deleteVersion' }>): void {
  const { back, version } = dialog;
  replaceDialog(d, back);
  d.transfers.deleteVersion(back.at, version, () => {
    const now = snapshot(d).dialog;
    // Reload only if the user is still looking at this file's versions.
    if (now?.kind !== 'versions' || now.entry.path !== back.entry.path) return;
    closeDialog(d);
    requestVersions(d, back.side, back.at, back.entry);
  });
}
