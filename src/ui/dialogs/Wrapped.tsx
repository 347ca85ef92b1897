/**
 * Dialog text wrapped at words into as many dialog lines as it needs.
 */
import type { ReactElement, ReactNode } from 'react';
import { wrapText } from '../../state/text/wrap.js';
import { useTerminalSize } from '../terminal-size.js';
import type { Colour } from '../theme.js';
import { innerWidth } from './dialog-fit.js';
import { DialogLine } from './DialogLine.js';

export interface WrappedProps {
  /** Text already sanitised. */
  text: string;
  color?: Colour;
  bold?: boolean;
}

/** The lines of `props.text` in a terminal `columns` wide (the dialog frame counts them). */
export function wrappedLines({ text, color, bold }: WrappedProps, columns: number): ReactElement[] {
  return wrapText(text, innerWidth(columns)).map((l, i) => <DialogLine key={i} text={l} color={color} bold={bold} />);
}

/** Text wrapped into dialog lines. */
export function Wrapped(props: WrappedProps): ReactNode {
  const { columns } = useTerminalSize();
  return wrappedLines(props, columns);
}
