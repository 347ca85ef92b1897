/**
 * Tab in the location picker and the copy/move destination: lists the folder the typed text points into (one page, through the
 * provider registry, at most {@link COMPLETION_WAIT_MS}) and completes the name as far as the
 * matches agree; when that adds nothing and several names match, it lists them under the field
 * (so a second Tab shows the choices, as shells do). Pure parts: ./typed-completion.ts.
 */
import { providerPath, type PaneLocation } from '../../state/location/pane-location.js';
import { errorText } from '../../error-text.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { lineOf } from '../../state/keyboard/line-edit.js';
import { snapshot, type ControllerDeps } from '../controller-deps.js';
import { closeDialog, reduceField, type CommonDialogAction, type FieldForm } from './dialog-module.js';
import type { PickerDialog } from './picker.js';
import { completeName, completionTarget, type CompletionName } from './typed-completion.js';

/** What a Tab completion found for the text `forText` (dropped when the text has changed since). */
export type PickerAction = { type: 'pickerCompleted'; forText: string; text: string; hint: string | null };

/** A dialog with a location field that Tab completes (the picker, the copy/move destination). */
export interface CompletingForm extends FieldForm {
  /** What Tab found (the names to choose from, or that nothing matched); cleared by typing. */
  hint: string | null;
}

/**
 * The field's changes in a completing dialog: a completion lands only on the text it was made
 * for, and typing clears its hint. (`moveChoice` is the dialog's own.)
 */
export function reduceCompletingField<D extends CompletingForm>(
  d: D,
  a: PickerAction | Exclude<CommonDialogAction, { type: 'moveChoice' }>,
): D {
  switch (a.type) {
    case 'pickerCompleted':
      if (d.field.text !== a.forText) return d;
      return { ...d, field: a.text === d.field.text ? d.field : lineOf(a.text), hint: a.hint, error: null };
    case 'editField': {
      const next = reduceField(d, a);
      return next === d ? d : { ...next, hint: null };
    }
    case 'setError':
      return reduceField(d, a);
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** The picker context's keys in a completing dialog: Tab completes, ↑/↓ move, Enter and Esc. */
export function runCompletingCommand(
  d: ControllerDeps,
  cmd: CommandId,
  on: { complete: () => Promise<void>; confirm: () => void },
): void {
  if (cmd === 'complete') return void on.complete();
  if (cmd === 'confirm') on.confirm();
  else if (cmd === 'cancel') closeDialog(d);
  else if (cmd === 'nextField' || cmd === 'prevField')
    d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta: cmd === 'nextField' ? 1 : -1 } });
}

/** How long a completion waits for its listing before giving up, in ms. */
export const COMPLETION_WAIT_MS = 5_000;

/**
 * How many matching names one completion reads at most. The listing asks only for the names that
 * begin with the typed text (src/providers/types.ts `startsWith`), so this bounds a completion
 * of one or two letters in a huge folder, not the folder's size.
 */
export const COMPLETION_MAX_NAMES = 10_000;

/** How many choices the hint line names before "…". */
const SHOWN = 12;

/** Completes the picker's text; the result reaches the dialog as a `pickerCompleted` action. */
export function completeTyped(d: ControllerDeps, dialog: PickerDialog): Promise<void> {
  return completeField(d, dialog.field.text, snapshot(d).app.panes[dialog.side].location, 'picker');
}

/**
 * Completes `forText`, a location typed in the open dialog of kind `kind` (relative to `here`);
 * the result reaches that dialog as a `pickerCompleted` action (the picker, the copy/move
 * destination), dropped there when its text has changed since.
 */
export async function completeField(
  d: ControllerDeps,
  forText: string,
  here: PaneLocation,
  kind: 'picker' | 'transfer',
): Promise<void> {
  const report = (text: string, hint: string | null): void => {
    // The dialog may have been closed (and another opened) while the listing ran.
    if (snapshot(d).dialog?.kind !== kind) return;
    d.store.dispatch({ type: 'dialog', action: { type: 'pickerCompleted', forText, text, hint } });
  };
  const target = completionTarget(forText, {
    here,
    home: d.places.home,
    profiles: d.registry.profiles().map((p) => p.name),
  });
  if ('problem' in target) return report(forText, target.problem);
  const signal = AbortSignal.timeout(COMPLETION_WAIT_MS);
  let names: CompletionName[] | 'tooMany';
  try {
    names = await matchingNames(d, target.location, target.tail, signal);
  } catch (e) {
    return report(forText, signal.aborted ? 'The listing took too long; nothing was completed.' : errorText(e));
  }
  if (names === 'tooMany')
    return report(
      forText,
      `More than ${COMPLETION_MAX_NAMES.toLocaleString('en-US')} names start with "${target.tail}": type more of it.`,
    );
  const done = completeName(target.tail, names);
  if (done.tail === null) return report(forText, `No name here starts with "${target.tail}".`);
  const text = target.head + done.tail;
  if (text !== forText || done.candidates.length <= 1) return report(text, null);
  const more = done.candidates.length > SHOWN ? ` … (${done.candidates.length})` : '';
  return report(forText, done.candidates.slice(0, SHOWN).join('  ') + more);
}

/** Every name in `location` that begins with `tail`, or `tooMany` past COMPLETION_MAX_NAMES. */
async function matchingNames(
  d: ControllerDeps,
  location: PaneLocation,
  tail: string,
  signal: AbortSignal,
): Promise<CompletionName[] | 'tooMany'> {
  // Connecting a profile is bounded by the same wait as the listing.
  const aborted = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true }),
  );
  aborted.catch(() => undefined);
  const provider = await Promise.race([d.registry.providerFor(location), aborted]);
  const names: CompletionName[] = [];
  for await (const page of provider.list(providerPath(location), { signal, startsWith: tail })) {
    for (const e of page) names.push({ name: e.name, folder: e.kind === 'dir' || e.kind === 'bucket' });
    // Leaving the loop ends the listing.
    if (names.length > COMPLETION_MAX_NAMES) return 'tooMany';
  }
  return names;
}
