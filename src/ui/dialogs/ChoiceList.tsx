/**
 * A radio list inside a dialog: `(•)` marks the highlighted choice; a choice the key forbids is
 * dim and says so; the highlighted choice's detail (or refusal reason) is shown under the list.
 */
import type { ReactNode } from 'react';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import type { ChoiceOption } from '../../tui/dialogs/choices.js';
import { DialogLine, innerWidth } from './DialogFrame.js';
import { wrapText } from '../../state/text/wrap.js';

export interface ChoiceListProps<T> {
  choices: readonly ChoiceOption<T>[];
  choice: number;
}

/** The list and the highlighted choice's explanation. */
export function ChoiceList<T>({ choices, choice }: ChoiceListProps<T>): ReactNode {
  const theme = useTheme();
  const { columns } = useTerminalSize();
  const current = choices[choice];
  const explain = current === undefined ? '' : current.allowed ? current.detail : `Not allowed: ${sanitizeForTerminal(current.reason ?? '')}`;
  return (
    <>
      {choices.map((c, i) => (
        <DialogLine
          key={i}
          text={`${i === choice ? '(•)' : '( )'} ${c.label}${c.allowed ? '' : ' — not allowed with this key'}`}
          color={c.allowed ? (i === choice ? theme.dialog.title : undefined) : theme.denied}
          bold={i === choice}
          dim={!c.allowed}
        />
      ))}
      <DialogLine text="" />
      {wrapText(explain, innerWidth(columns)).map((l, i) => (
        <DialogLine key={`d${i}`} text={l} color={current?.allowed === false ? theme.denied : theme.muted} />
      ))}
    </>
  );
}
