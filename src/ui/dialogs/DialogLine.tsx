/**
 * One line of a dialog, padded to the dialog's full inner width: Ink writes only the cells a line
 * covers, so every line is padded and its side margins are spaces, not padding, and nothing of
 * the panes shows through.
 */
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { fitToWidth } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import type { Colour } from '../theme.js';
import { innerWidth } from './dialog-fit.js';

export interface DialogLineProps {
  /** Text already sanitised; it is fitted to the inner width here. */
  text: string;
  color?: Colour;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  /** The line a dialog too tall for the terminal keeps in view (the highlighted choice). */
  focus?: boolean;
}

/** One full-width dialog line. */
export function DialogLine({ text, color, bold, dim, inverse }: DialogLineProps): ReactNode {
  const { columns } = useTerminalSize();
  return (
    <Text wrap="truncate">
      {' '}
      <Text color={color} bold={bold} dimColor={dim} inverse={inverse}>
        {fitToWidth(text, innerWidth(columns))}
      </Text>{' '}
    </Text>
  );
}
