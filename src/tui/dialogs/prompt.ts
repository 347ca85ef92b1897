/**
 * The text prompts: rename (F2), make folder (F7), select and unselect by mask (+, -). Problems
 * with the text (empty, "/", a name that exists, a name the key may not write) stay in the
 * dialog, so the user can fix them without retyping.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { entryKey } from '../../state/pane/pane-state.js';
import { checkAction, checkTransfer } from '../../state/permissions/permissions.js';
import { destinationLocation, entryLocation } from '../../state/location/pane-rule-location.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { nameProblem } from '../operations/direct-operations.js';
import { closeDialog, openDialog, reduceField, type DialogModule } from './dialog-module.js';

/** What the prompt asks for. */
export type PromptPurpose = 'rename' | 'mkdir' | 'selectByMask' | 'unselectByMask';

export interface PromptDialog {
  kind: 'prompt';
  purpose: PromptPurpose;
  side: PaneSide;
  at: PaneLocation;
  /** The entry renamed (rename only). */
  subject: Entry | null;
  field: LineState;
  error: string | null;
}

/** Opens the prompt for `purpose` in the active pane, or says in the status line why not. */
export function openPrompt(d: ControllerDeps, purpose: PromptPurpose): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const base = { kind: 'prompt', purpose, side: s.active, at: pane.location, subject: null, error: null } as const;
  switch (purpose) {
    case 'rename': {
      const cursor = cursorEntry(pane);
      if (cursor === null) return setStatus(d, 'Put the cursor on the file or folder to rename.', 'warning');
      if (cursor.kind === 'bucket') return setStatus(d, 'Buckets cannot be renamed.', 'warning');
      return openDialog(d, { ...base, subject: cursor, field: lineOf(cursor.name) });
    }
    case 'mkdir':
      return openDialog(d, { ...base, field: lineOf('') });
    case 'selectByMask':
    case 'unselectByMask':
      return openDialog(d, { ...base, field: lineOf('*') });
    default: {
      const never: never = purpose;
      return never;
    }
  }
}

function fail(d: ControllerDeps, message: string): void {
  d.store.dispatch({ type: 'dialog', action: { type: 'setError', message } });
}

/** True when the pane's listing already has a row called `name` (other than `except`). */
function taken(d: ControllerDeps, p: PromptDialog, name: string, except: string | null): boolean {
  const pane = snapshot(d).app.panes[p.side];
  return pane.entries.some((e) => e.name === name && entryKey(e) !== except);
}

function rename(d: ControllerDeps, p: PromptDialog, name: string): void {
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

function mkdir(d: ControllerDeps, p: PromptDialog, name: string): void {
  if (taken(d, p, name, null)) return fail(d, `"${name}" already exists here.`);
  const decision = checkAction('mkdir', destinationLocation(p.at, name, true), paneKey(d, p.side).key, d.now());
  if (!decision.allowed) return fail(d, decision.reason ?? 'Not allowed.');
  closeDialog(d);
  void d.direct.mkdir(p.side, p.at, name);
}

export const promptDialog: DialogModule<PromptDialog> = {
  textField: true,
  reduce: reduceField,
  /** Acts on the prompt's text. */
  confirm(d, p) {
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
        d.store.dispatch({
          type: 'app',
          action: { type: 'pane', side: p.side, action: { type: p.purpose, mask: text } },
        });
        return;
      }
      default: {
        const never: never = p.purpose;
        return never;
      }
    }
  },
};
