/**
 * Dialogs with a text field or a list to choose from: rename, make folder, select/unselect by
 * mask, the location picker, the share-link lifetime, and a transfer conflict question.
 */
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { formatLocation } from '../../state/location/pane-location.js';
import { fitToWidth, sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import { TextField } from '../input/TextField.js';
import { conflictOptionLabel, conflictPlace, conflictSideText } from '../../tui/dialogs/conflict.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { ChoiceList } from './ChoiceList.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import type { FieldForm } from '../../tui/dialogs/dialog-module.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { lifetimeText } from '../../state/text/operation-text.js';
import { Wrapped } from './Wrapped.js';
import type { Theme } from '../theme.js';

/** The text field, one dialog line. */
export function FieldLine({ d }: { d: FieldForm }): ReactNode {
  const { columns } = useTerminalSize();
  return (
    <Text wrap="truncate">
      {' '}
      <TextField field={d.field} width={innerWidth(columns)} />{' '}
    </Text>
  );
}

/**
 * The problem with the field's text, under it (a blank line when there is none). Called, not
 * rendered as a component, so the dialog frame can wrap it line by line.
 */
export function fieldProblem(d: FieldForm, theme: Theme): ReactNode {
  return d.error === null ? (
    <DialogLine text="" />
  ) : (
    <Wrapped text={sanitizeForTerminal(d.error)} color={theme.status.error} />
  );
}

const TITLES = {
  rename: 'Rename',
  mkdir: 'Make folder',
  selectByMask: 'Select by mask',
  unselectByMask: 'Unselect by mask',
} as const;

/** F2, F7, + and -. */
export function PromptDialog({ d }: { d: DialogOf<'prompt'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const where = sanitizeForTerminal(formatLocation(d.at));
  const label =
    d.purpose === 'rename'
      ? `New name for ${sanitizeName(d.subject?.name ?? '')} in ${where}:`
      : d.purpose === 'mkdir'
        ? `Name of the new folder in ${where}${d.at.kind === 'b2' ? ' (B2 keeps it as a .bzEmpty placeholder, like the web UI)' : ''}:`
        : `Files whose names match (* any text, ? one character, {jpg,png} either):`;
  return (
    <DialogFrame title={TITLES[d.purpose]} hint={hintLine(keymap, d.purpose)}>
      <Wrapped text={label} />
      <FieldLine d={d} />
      {fieldProblem(d, theme)}
    </DialogFrame>
  );
}

/** F9 / o: go to a local path or a profile's buckets. */
export function PickerDialog({ d }: { d: DialogOf<'picker'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  return (
    <DialogFrame title="Go to" hint={hintLine(keymap, 'picker')}>
      <FieldLine d={d} />
      {d.error === null && d.hint !== null ? <Wrapped text={sanitizeForTerminal(d.hint)} /> : fieldProblem(d, theme)}
      {d.items.map((item, i) => (
        <DialogLine
          key={i}
          text={`${i === d.cursor ? '>' : ' '} ${sanitizeForTerminal(item.label)}`}
          bold={i === d.cursor}
          color={i === d.cursor ? theme.dialog.title : undefined}
          focus={i === d.cursor}
        />
      ))}
    </DialogFrame>
  );
}

/** L: share link. */
export function ShareDialog({ d }: { d: DialogOf<'share'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const name = sanitizeName(d.entry.name);
  switch (d.stage.kind) {
    case 'choose':
      return (
        <DialogFrame title="Share link" hint={hintLine(keymap, 'share')}>
          <Wrapped text={`Make a download link for ${name} that works without a key. How long should it work?`} />
          <DialogLine text="" />
          <ChoiceList choices={d.choices} choice={d.choice} />
        </DialogFrame>
      );
    case 'working':
      return (
        <DialogFrame title="Share link" hint={hintLine(keymap, 'shareWorking')}>
          <DialogLine text={`Asking B2 for a link to ${name}…`} />
        </DialogFrame>
      );
    case 'done':
      return (
        <DialogFrame title="Share link" hint={hintLine(keymap, 'shareDone')}>
          <Wrapped text={`Anyone with this link can download ${name} for ${lifetimeText(d.stage.lifetimeSeconds)}:`} />
          <DialogLine text="" />
          <Wrapped text={sanitizeForTerminal(d.stage.url)} color={theme.ok} />
        </DialogFrame>
      );
    case 'failed':
      return (
        <DialogFrame title="Share link" hint={hintLine(keymap, 'close')}>
          <Wrapped text={sanitizeForTerminal(d.stage.message)} color={theme.status.error} />
        </DialogFrame>
      );
    default: {
      const never: never = d.stage;
      return never;
    }
  }
}

/** A transfer conflict: the file exists at the destination. */
export function ConflictDialog({ d }: { d: DialogOf<'conflict'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const q = d.question;
  const now = Date.now();
  return (
    <DialogFrame title="File exists" hint={hintLine(keymap, 'conflict')}>
      <Wrapped text={`${sanitizeForTerminal(conflictPlace(q))} already exists.`} bold />
      <DialogLine text={fitToWidth(conflictSideText('Existing:', q.target, now), innerWidth(columns))} />
      <DialogLine text={fitToWidth(conflictSideText('New:     ', q.source, now), innerWidth(columns))} />
      <DialogLine text="" />
      {d.options.map((o, i) => (
        <DialogLine
          key={i}
          text={`${i === d.choice ? '(•)' : '( )'} ${conflictOptionLabel(o)}`}
          bold={i === d.choice}
          color={i === d.choice ? theme.dialog.title : undefined}
          focus={i === d.choice}
        />
      ))}
    </DialogFrame>
  );
}
