/**
 * Dialogs that confirm an operation: copy/move, delete (with the B2 modes explained), unhide.
 * Each says what will happen, to how many files and bytes, where.
 */
import type { ReactNode } from 'react';
import { formatLocation } from '../../state/location/pane-location.js';
import { sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import { hintLine, operationHint, transferHint } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { ChoiceList } from './ChoiceList.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { DialogFrame, DialogLine } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';
import { FieldLine, fieldProblem } from './InputDialogs.js';
import { operationSentence } from '../../state/text/operation-text.js';

/** F5 / F6. */
export function TransferDialog({ d }: { d: DialogOf<'transfer'> }): ReactNode {
  const keymap = useKeymap();
  const theme = useTheme();
  const verb = d.op === 'copy' ? 'Copy' : 'Move';
  const after =
    d.op === 'move'
      ? d.from.kind === 'b2'
        ? 'Each source is hidden on B2 once its copy is verified (its versions stay recoverable).'
        : 'Each source is deleted once its copy is verified.'
      : 'The sources are not changed.';
  return (
    <DialogFrame title={verb} hint={transferHint(keymap, verb.toLowerCase())}>
      <Wrapped text={`${operationSentence(verb, d.targets, d.totals)}`} bold />
      <Wrapped text={`from ${sanitizeForTerminal(formatLocation(d.from))}`} />
      <Wrapped
        text={`to (${d.targets.some((e) => e.kind === 'bucket') ? 'a bucket into a folder named after it' : d.targets.length === 1 ? 'a folder, or a folder and a new name' : 'a folder'}):`}
      />
      <FieldLine d={d} />
      {d.hint !== null && d.error === null ? (
        <DialogLine text={sanitizeForTerminal(d.hint)} color={theme.muted} />
      ) : (
        fieldProblem(d, theme)
      )}
      <Wrapped text={after} />
      <DialogLine text="" />
      <DialogLine text="If a file already exists there:" />
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}

/** F8 / Delete. */
export function DeleteDialog({ d }: { d: DialogOf<'delete'> }): ReactNode {
  const keymap = useKeymap();
  const onB2 = d.at.kind === 'b2';
  return (
    <DialogFrame
      title="Delete"
      danger
      hint={operationHint(keymap, d.choices[d.choice]?.label.toLowerCase() ?? 'delete')}
    >
      <Wrapped text={operationSentence(onB2 ? 'Remove' : 'Delete', d.targets, d.totals)} bold />
      <Wrapped text={`in ${sanitizeForTerminal(formatLocation(d.at))}`} />
      <DialogLine text="" />
      {onB2 ? <DialogLine text="How:" /> : null}
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}

/** u. */
export function UnhideDialog({ d }: { d: DialogOf<'unhide'> }): ReactNode {
  const keymap = useKeymap();
  const count = d.targets.length;
  const what = count === 1 ? sanitizeName(d.targets[0]?.name ?? '') : `${count} files`;
  return (
    <DialogFrame title="Unhide" hint={hintLine(keymap, 'unhide')}>
      <Wrapped text={`Unhide ${what} in ${sanitizeForTerminal(formatLocation(d.at))}`} bold />
      <Wrapped text="The hide marker on top of each name is deleted, so the newest real version shows again. No file data is deleted." />
    </DialogFrame>
  );
}

/** Quit while transfers run. */
export function ConfirmQuitDialog({ d }: { d: DialogOf<'confirmQuit'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  return (
    <DialogFrame title="Quit?" hint={hintLine(keymap, 'confirmQuit')}>
      <Wrapped
        text={`${d.running} transfer${d.running === 1 ? ' is' : 's are'} still queued or running.`}
        color={theme.status.warning}
        bold
      />
      <Wrapped
        text={
          d.saves
            ? 'Quitting stops them (nothing is left half-written). The unfinished work is saved and offered to resume the next time b2c starts.'
            : 'Quitting stops them: files not finished yet are not copied, moved or deleted (nothing is left half-written).'
        }
      />
    </DialogFrame>
  );
}

/** An error or notice that needs to be read. */
export function MessageDialog({ d }: { d: DialogOf<'message'> }): ReactNode {
  const keymap = useKeymap();
  return (
    <DialogFrame title={sanitizeForTerminal(d.title)} hint={hintLine(keymap, 'close')}>
      <Wrapped text={sanitizeForTerminal(d.text)} />
    </DialogFrame>
  );
}

export { Wrapped };
