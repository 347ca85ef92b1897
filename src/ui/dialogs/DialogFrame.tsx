/**
 * A modal dialog box drawn over the panes (absolute position, centred). Ink writes only the cells
 * a line covers, so every line is padded to the full width and the side margins are spaces, not
 * padding: nothing of the panes shows through.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fitToWidth } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import type { Colour } from '../theme.js';

/** The dialog's outer width for a terminal `columns` wide. */
export function dialogWidth(columns: number): number {
  return Math.max(20, Math.min(columns - 4, 76));
}

/** Columns of text inside the dialog (border and one space each side taken off). */
export function innerWidth(columns: number): number {
  return dialogWidth(columns) - 4;
}

export interface DialogLineProps {
  /** Text already sanitised; it is fitted to the inner width here. */
  text: string;
  color?: Colour;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
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

export interface DialogFrameProps {
  title: string;
  /** Danger dialogs (delete) get the danger colour on the border and title. */
  danger?: boolean;
  /** The hint line at the bottom ("Enter copies · Esc cancels"). */
  hint: string;
  children: ReactNode;
}

/** The frame; children are DialogLine elements. */
export function DialogFrame({ title, danger, hint, children }: DialogFrameProps): ReactNode {
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const width = dialogWidth(columns);
  const tone = danger ? theme.dialog.danger : theme.dialog.title;
  return (
    <Box position="absolute" marginLeft={Math.floor((columns - width) / 2)} marginTop={Math.max(1, Math.floor(rows / 8))} width={width} flexDirection="column" borderStyle="double" borderColor={danger ? theme.dialog.danger : theme.dialog.border}>
      <DialogLine text={title} color={tone} bold inverse={!theme.colour} />
      <DialogLine text="" />
      {children}
      <DialogLine text="" />
      <DialogLine text={hint} color={theme.muted} />
    </Box>
  );
}
