/**
 * A radio list inside a dialog: `(•)` marks the highlighted choice; a choice the key forbids is
 * dim and says so; the highlighted choice's detail (or refusal reason) is shown under the list.
 */
import type { ReactElement, ReactNode } from 'react';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import type { Theme } from '../theme.js';
import type { ChoiceOption } from '../../tui/dialogs/choices.js';
import { innerWidth } from './dialog-fit.js';
import { DialogLine } from './DialogLine.js';
import { wrapText } from '../../state/text/wrap.js';

export interface ChoiceListProps<T> {
  choices: readonly ChoiceOption<T>[];
  choice: number;
}

/** The list's lines in a terminal `columns` wide (the dialog frame counts them). */
export function choiceLines<T>({ choices, choice }: ChoiceListProps<T>, columns: number, theme: Theme): ReactElement[] {
  const current = choices[choice];
  const explain =
    current === undefined
      ? ''
      : current.allowed
        ? current.detail
        : `Not allowed: ${sanitizeForTerminal(current.reason ?? '')}`;
  return [
    ...choices.map((c, i) => (
      <DialogLine
        key={i}
        text={`${i === choice ? '(•)' : '( )'} ${c.label}${c.allowed ? '' : c.refusedBy === 'lock' ? ' — kept by Object Lock' : ' — not allowed with this key'}`}
        color={c.allowed ? (i === choice ? theme.dialog.title : undefined) : theme.denied}
        bold={i === choice}
        dim={!c.allowed}
        focus={i === choice}
      />
    )),
    <DialogLine key="gap" text="" />,
    ...wrapText(explain, innerWidth(columns)).map((l, i) => (
      <DialogLine key={`d${i}`} text={l} color={current?.allowed === false ? theme.denied : theme.muted} />
    )),
  ];
}

/** The list and the highlighted choice's explanation. */
export function ChoiceList<T>(props: ChoiceListProps<T>): ReactNode {
  const theme = useTheme();
  const { columns } = useTerminalSize();
  return choiceLines(props, columns, theme);
}
