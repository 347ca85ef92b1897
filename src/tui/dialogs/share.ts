/**
 * L: a time-limited download link for the file under the cursor. The dialog offers lifetimes
 * (each judged against B2's limits and the key's expiry), then shows the link or why not.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import type { Entry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { allowedChoice, firstAllowed, firstRefusal, lifetimeChoices, type ChoiceOption } from './choices.js';
import { closeDialog, openDialog, reduceChoice, type DialogModule } from './dialog-module.js';
import { copyToClipboard } from '../clipboard/copy-location.js';

/** Where the share dialog is. */
export type ShareStage =
  | { kind: 'choose' }
  | { kind: 'working' }
  | { kind: 'done'; url: string; lifetimeSeconds: number }
  | { kind: 'failed'; message: string };

export interface ShareDialog {
  kind: 'share';
  side: PaneSide;
  entry: Entry;
  choices: ChoiceOption<number>[];
  choice: number;
  stage: ShareStage;
}

/** The share dialog's own form change: the link is being made, made, or refused. */
export type ShareAction = { type: 'shareStage'; stage: ShareStage };

/** Opens the share dialog for the file under the active pane's cursor, or says why not. */
export function openShareDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const cursor = cursorEntry(pane);
  if (cursor === null || cursor.kind !== 'file')
    return setStatus(d, 'Put the cursor on a file to share it.', 'warning');
  const key = paneKey(d, s.active).key;
  const now = d.now();
  const refusal = firstRefusal('share-link', pane.location, [cursor], key, now);
  if (refusal !== null) return setStatus(d, refusal, 'error');
  const choices = lifetimeChoices(key, now);
  // One day, unless the key expires sooner.
  const preferred = choices[1]?.allowed === true ? 1 : firstAllowed(choices);
  openDialog(d, {
    kind: 'share',
    side: s.active,
    entry: cursor,
    choices,
    choice: preferred,
    stage: { kind: 'choose' },
  });
}

export const shareDialog: DialogModule<ShareDialog, ShareAction> = {
  // Its own context: `y` copies the link (a key the text fields of other dialogs need as text).
  keyContext: 'share',
  command(deps, cmd, d) {
    if (cmd === 'confirm') shareDialog.confirm(deps, d);
    else if (cmd === 'cancel') closeDialog(deps);
    else if (cmd === 'nextField' || cmd === 'prevField')
      deps.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta: cmd === 'nextField' ? 1 : -1 } });
    else if (cmd === 'copyLocation' && d.stage.kind === 'done') void copyToClipboard(deps, d.stage.url, 'The link');
  },
  reduce(d, a) {
    if (a.type === 'shareStage') return { ...d, stage: a.stage };
    if (d.stage.kind === 'choose') return reduceChoice(d, a);
    return d;
  },
  confirm(deps, d) {
    if (d.stage.kind === 'working') return;
    if (d.stage.kind !== 'choose') return closeDialog(deps);
    const choice = allowedChoice(deps, d.choices, d.choice);
    if (choice === null) return;
    void deps.direct.shareLink(snapshot(deps).app.panes[d.side].location, d.entry, choice.value);
  },
};
