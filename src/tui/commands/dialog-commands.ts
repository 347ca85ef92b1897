/**
 * Commands while a dialog has the keyboard: Enter confirms what the dialog says it will do, Esc
 * closes it, Tab/↑/↓ move between choices. Typing goes to the dialog's text field (controller).
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { b2PaneLocation } from '../../state/location/pane-location.js';
import type { ChoiceOption, DialogData } from '../dialogs/dialog-data.js';
import type { DialogAction } from '../dialogs/dialog-reducer.js';
import { parseTypedLocation } from '../dialogs/typed-location.js';
import { closeDialog, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { confirmDeleteVersion, replaceDialog, runVersionsCommand } from './version-commands.js';
import { confirmPrompt } from './prompt-confirm.js';

function dialogDo(d: ControllerDeps, action: DialogAction): void {
  d.store.dispatch({ type: 'dialog', action });
}

function goTo(d: ControllerDeps, dialog: Extract<DialogData, { kind: 'picker' }>): void {
  const typed = dialog.field.text.trim();
  let target = dialog.items[dialog.cursor]?.location ?? null;
  if (typed !== '') {
    const here = snapshot(d).app.panes[dialog.side].location;
    const parsed = parseTypedLocation(typed, { here, home: d.places.home, profiles: d.registry.profiles().map((p) => p.name) });
    if ('problem' in parsed) {
      dialogDo(d, { type: 'setError', message: parsed.problem });
      return;
    }
    target = parsed.location;
  }
  if (target === null) return;
  closeDialog(d);
  if (target.kind === 'b2' && target.bucket === null) void d.navigator.openProfileHome(dialog.side, target.profile);
  else void d.navigator.open(dialog.side, target.kind === 'b2' ? b2PaneLocation(target.profile, target.bucket, target.prefix) : target);
}

/**
 * The highlighted choice when the key allows it; otherwise null, and the status line says why
 * (the dialog stays open so another choice can be taken).
 */
function allowedChoice<T>(d: ControllerDeps, choices: readonly ChoiceOption<T>[], index: number): ChoiceOption<T> | null {
  const choice = choices[index];
  if (choice === undefined) return null;
  if (choice.allowed) return choice;
  setStatus(d, choice.reason ?? 'Not allowed.', 'error');
  return null;
}

function confirm(d: ControllerDeps, dialog: DialogData): void {
  switch (dialog.kind) {
    case 'transfer': {
      const choice = allowedChoice(d, dialog.choices, dialog.choice);
      if (choice === null) return;
      closeDialog(d);
      d.store.dispatch({ type: 'app', action: { type: 'pane', side: dialog.side, action: { type: 'clearSelection' } } });
      d.transfers.transfer(dialog.op, dialog.from, dialog.to, dialog.targets, choice.value);
      return;
    }
    case 'delete': {
      const choice = allowedChoice(d, dialog.choices, dialog.choice);
      if (choice === null) return;
      closeDialog(d);
      d.store.dispatch({ type: 'app', action: { type: 'pane', side: dialog.side, action: { type: 'clearSelection' } } });
      d.transfers.delete(dialog.at, dialog.targets, choice.value);
      return;
    }
    case 'prompt':
      return confirmPrompt(d, dialog);
    case 'unhide':
      closeDialog(d);
      void d.direct.unhide(dialog.side, dialog.at, dialog.targets);
      return;
    case 'share': {
      if (dialog.stage.kind === 'working') return;
      if (dialog.stage.kind !== 'choose') return closeDialog(d);
      const choice = allowedChoice(d, dialog.choices, dialog.choice);
      if (choice === null) return;
      void d.direct.shareLink(snapshot(d).app.panes[dialog.side].location, dialog.entry, choice.value);
      return;
    }
    case 'picker':
      return goTo(d, dialog);
    case 'confirmQuit':
      closeDialog(d);
      d.exit();
      return;
    case 'resumeQueue': {
      const choice = dialog.choices[dialog.choice]?.value ?? 'later';
      closeDialog(d);
      d.resume?.choose(choice);
      return;
    }
    case 'conflict': {
      const option = dialog.options[dialog.choice];
      closeDialog(d);
      if (option) d.transfers.queue.answer(dialog.question.id, option.choice, option.applyToAll);
      return;
    }
    case 'deleteVersion':
      return confirmDeleteVersion(d, dialog);
    case 'info':
    case 'versions':
    case 'message':
    case 'screen':
      return closeDialog(d);
    default: {
      const never: never = dialog;
      return never;
    }
  }
}

/** Runs `cmd` for the open dialog. */
export function runDialogCommand(d: ControllerDeps, cmd: CommandId): void {
  const dialog = snapshot(d).dialog;
  if (dialog === null) return;
  if (dialog.kind === 'versions') return runVersionsCommand(d, cmd, dialog);
  if (dialog.kind === 'deleteVersion' && cmd === 'cancel') return replaceDialog(d, dialog.back);
  if (cmd === 'confirm') confirm(d, dialog);
  else if (cmd === 'cancel') {
    // A conflict question cannot stay unanswered (it would ask again at once): Esc cancels that file.
    if (dialog.kind === 'conflict') d.transfers.queue.cancel(dialog.question.jobId);
    closeDialog(d);
    if (dialog.kind === 'resumeQueue') d.resume?.choose('later');
  } else if (cmd === 'nextField') dialogDo(d, { type: 'moveChoice', delta: 1 });
  else if (cmd === 'prevField') dialogDo(d, { type: 'moveChoice', delta: -1 });
}
