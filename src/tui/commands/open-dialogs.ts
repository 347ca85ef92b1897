/**
 * Opening the dialog of a pane command: gathers what it acts on (the selection, else the row
 * under the cursor, as in mc), checks the key for every target, and opens the dialog or says in
 * the status line why not.
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { activePane, inactivePane, otherSide } from '../../state/app/app-state.js';
import { cursorEntry, operationTargets, totalsOf } from '../../state/pane/pane-selectors.js';
import { checkTransfer } from '../../state/permissions/permissions.js';
import { isDirLike } from '../../state/pane/pane-state.js';
import { lineOf } from '../../state/keyboard/line-edit.js';
import { conflictChoices, deleteChoices, firstAllowed, firstRefusal, lifetimeChoices } from '../dialogs/operation-choices.js';
import { pickerItems } from '../dialogs/picker-items.js';
import { destinationLocation, entryLocation } from './command-permissions.js';
import { openDialog, paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { requestVersions } from './versions.js';

const NOTHING = 'Nothing to act on: put the cursor on a file or folder, or select some with Insert.';

type DialogCommand = Extract<CommandId, 'locationPicker' | 'selectByMask' | 'unselectByMask' | 'versions' | 'info' | 'copy' | 'move' | 'rename' | 'mkdir' | 'delete' | 'unhide' | 'shareLink'>;

function transfer(d: ControllerDeps, op: 'copy' | 'move'): void {
  const s = snapshot(d).app;
  const from = activePane(s);
  const to = inactivePane(s).location;
  const targets = operationTargets(from);
  if (targets.length === 0) return setStatus(d, NOTHING, 'warning');
  const keys = { source: paneKey(d, s.active).key, destination: paneKey(d, otherSide(s.active)).key };
  const now = d.now();
  for (const e of targets) {
    const decision = checkTransfer(op, entryLocation(from.location, e), destinationLocation(to, e.name, isDirLike(e)), keys, now);
    if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
  }
  const choices = conflictChoices(targets.map((e) => destinationLocation(to, e.name, isDirLike(e))), keys.destination, now);
  openDialog(d, { kind: 'transfer', op, side: s.active, targets, totals: totalsOf(targets), from: from.location, to, choices, choice: firstAllowed(choices) });
}

/** Opens the dialog for `cmd` (permissions for the folder were checked by the caller). */
export function openOperationDialog(d: ControllerDeps, cmd: DialogCommand): void {
  const s = snapshot(d).app;
  const side = s.active;
  const pane = activePane(s);
  const at = pane.location;
  const key = paneKey(d, side).key;
  const now = d.now();
  const cursor = cursorEntry(pane);
  switch (cmd) {
    case 'copy':
    case 'move':
      return transfer(d, cmd);
    case 'delete': {
      const targets = operationTargets(pane);
      if (targets.length === 0) return setStatus(d, NOTHING, 'warning');
      const choices = deleteChoices(at, targets, key, now);
      if (!choices.some((c) => c.allowed)) return setStatus(d, choices[0]?.reason ?? 'Not allowed.', 'error');
      // Settings `confirmDelete: false`: the local disk deletes at once. B2 always asks, because
      // the dialog is where hide, delete a version and delete all versions are chosen.
      if (!d.settings.confirmDelete && at.kind === 'local') {
        d.store.dispatch({ type: 'app', action: { type: 'pane', side, action: { type: 'clearSelection' } } });
        return d.transfers.delete(at, targets, 'default');
      }
      return openDialog(d, { kind: 'delete', side, at, targets, totals: totalsOf(targets), choices, choice: firstAllowed(choices) });
    }
    case 'rename':
      if (cursor === null) return setStatus(d, 'Put the cursor on the file or folder to rename.', 'warning');
      if (cursor.kind === 'bucket') return setStatus(d, 'Buckets cannot be renamed.', 'warning');
      return openDialog(d, { kind: 'prompt', purpose: 'rename', side, at, subject: cursor, field: lineOf(cursor.name), error: null });
    case 'mkdir':
      return openDialog(d, { kind: 'prompt', purpose: 'mkdir', side, at, subject: null, field: lineOf(''), error: null });
    case 'selectByMask':
    case 'unselectByMask':
      return openDialog(d, { kind: 'prompt', purpose: cmd, side, at, subject: null, field: lineOf('*'), error: null });
    case 'unhide': {
      const targets = operationTargets(pane).filter((e) => e.hidden === true);
      if (targets.length === 0) return setStatus(d, 'Only hidden files can be unhidden: press . to show them, then choose one.', 'warning');
      const refusal = firstRefusal('unhide', at, targets, key, now);
      if (refusal !== null) return setStatus(d, refusal, 'error');
      return openDialog(d, { kind: 'unhide', side, at, targets });
    }
    case 'shareLink': {
      if (cursor === null || cursor.kind !== 'file') return setStatus(d, 'Put the cursor on a file to share it.', 'warning');
      const refusal = firstRefusal('share-link', at, [cursor], key, now);
      if (refusal !== null) return setStatus(d, refusal, 'error');
      const choices = lifetimeChoices(key, now);
      // One day, unless the key expires sooner.
      const preferred = choices[1]?.allowed === true ? 1 : firstAllowed(choices);
      return openDialog(d, { kind: 'share', side, entry: cursor, choices, choice: preferred, stage: { kind: 'choose' } });
    }
    case 'info': {
      if (cursor === null) return setStatus(d, 'Put the cursor on a file or folder to see its details.', 'warning');
      const refusal = cursor.kind === 'bucket' ? null : firstRefusal('info', at, [cursor], key, now);
      if (refusal !== null) return setStatus(d, refusal, 'error');
      return openDialog(d, { kind: 'info', entry: cursor, at });
    }
    case 'versions': {
      if (cursor === null || cursor.kind !== 'file') return setStatus(d, 'Put the cursor on a file to see its versions.', 'warning');
      const refusal = firstRefusal('show-versions', at, [cursor], key, now);
      if (refusal !== null) return setStatus(d, refusal, 'error');
      return requestVersions(d, side, at, cursor);
    }
    case 'locationPicker':
      return openDialog(d, { kind: 'picker', side, field: lineOf(''), items: pickerItems(d.registry.profiles(), d.places, pane.location, inactivePane(s).location), cursor: 0, error: null });
    default: {
      const never: never = cmd;
      return never;
    }
  }
}
