/**
 * Enter in a text prompt: rename, make folder, select/unselect by mask. Problems with the text
 * (empty, "/", a name that exists, a name the key may not write) stay in the dialog, so the user
 * can fix them without retyping.
 */
import { entryKey } from '../../state/pane/pane-state.js';
import { checkAction, checkTransfer } from '../../state/permissions/permissions.js';
import type { DialogData } from '../dialogs/dialog-data.js';
import { destinationLocation, entryLocation } from './command-permissions.js';
import { closeDialog, paneKey, snapshot, type ControllerDeps } from '../controller-deps.js';
import { nameProblem } from '../operations/direct-operations.js';

type Prompt = Extract<DialogData, { kind: 'prompt' }>;

function fail(d: ControllerDeps, message: string): void {
  d.store.dispatch({ type: 'dialog', action: { type: 'setError', message } });
}

/** True when the pane's listing already has a row called `name` (other than `except`). */
function taken(d: ControllerDeps, p: Prompt, name: string, except: string | null): boolean {
  const pane = snapshot(d).app.panes[p.side];
  return pane.entries.some((e) => e.name === name && entryKey(e) !== except);
}

function rename(d: ControllerDeps, p: Prompt, name: string): void {
  const e = p.subject;
  if (e === null) return closeDialog(d);
  if (name === e.name) return closeDialog(d);
  if (taken(d, p, name, null)) return fail(d, `"${name}" already exists here; choose another name.`);
  const key = paneKey(d, p.side).key;
  const to = destinationLocation(p.at, name, e.kind === 'dir');
  const decision = checkTransfer('rename', entryLocation(p.at, e), to, { source: key, destination: key }, d.now());
  if (!decision.allowed) return fail(d, decision.reason ?? 'Not allowed.');
  closeDialog(d);
  if (p.at.kind === 'local') void d.direct.renameInPlace(p.side, p.at, e, name);
  else d.transfers.rename(p.at, e, name);
}

function mkdir(d: ControllerDeps, p: Prompt, name: string): void {
  if (taken(d, p, name, null)) return fail(d, `"${name}" already exists here.`);
  const decision = checkAction('mkdir', destinationLocation(p.at, name, true), paneKey(d, p.side).key, d.now());
  if (!decision.allowed) return fail(d, decision.reason ?? 'Not allowed.');
  closeDialog(d);
  void d.direct.mkdir(p.side, p.at, name);
}

/** Acts on the prompt's text. */
export function confirmPrompt(d: ControllerDeps, p: Prompt): void {
  const text = p.field.text;
  switch (p.purpose) {
    case 'rename':
    case 'mkdir': {
      const name = text.trim();
      const problem = nameProblem(name);
      if (problem !== null) return fail(d, problem);
      return p.purpose === 'rename' ? rename(d, p, name) : mkdir(d, p, name);
    }
    case 'selectByMask':
    case 'unselectByMask': {
      if (text === '') return fail(d, 'Type a mask, like *.jpg.');
      closeDialog(d);
      d.store.dispatch({ type: 'app', action: { type: 'pane', side: p.side, action: { type: p.purpose, mask: text } } });
      return;
    }
    default: {
      const never: never = p.purpose;
      return never;
    }
  }
}
