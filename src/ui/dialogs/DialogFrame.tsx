/**
 * A modal dialog box drawn over the panes (absolute position, centred; ./dialog-fit.ts decides
 * where). The frame lays its body out line by line: `Wrapped` text and a `ChoiceList` are
 * expanded into their lines here, so that a dialog taller than the terminal allows can drop its
 * blank lines or show a window around the highlighted choice instead of covering the panes'
 * bottom border, the status line and the key bar.
 */
import { Box } from 'ink';
import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import type { Theme } from '../theme.js';
import { ChoiceList, choiceLines, type ChoiceListProps } from './ChoiceList.js';
import { dialogLeft, dialogWidth, fitDialog, type BodyLine } from './dialog-fit.js';
import { DialogLine, type DialogLineProps } from './DialogLine.js';
import { Wrapped, wrappedLines, type WrappedProps } from './Wrapped.js';

export { dialogWidth, innerWidth } from './dialog-fit.js';
export { DialogLine, type DialogLineProps } from './DialogLine.js';

export interface DialogFrameProps {
  title: string;
  /** Danger dialogs (delete) get the danger colour on the border and title. */
  danger?: boolean;
  /** The hint line at the bottom ("Enter copies · Esc cancels"). */
  hint: string;
  /** One element per line: DialogLine, Wrapped, ChoiceList (or a one-line Text), in fragments or arrays. */
  children: ReactNode;
  /** A body the user scrolls (info): its first line in view when it does not fit. */
  scrollTop?: number;
}

/** The body as one element per screen line. */
function bodyLines(children: ReactNode, columns: number, theme: Theme): ReactElement[] {
  const out: ReactElement[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return;
    if (child.type === Fragment)
      out.push(...bodyLines((child.props as { children?: ReactNode }).children, columns, theme));
    else if (child.type === Wrapped) out.push(...wrappedLines(child.props as WrappedProps, columns));
    else if (child.type === ChoiceList)
      out.push(...choiceLines(child.props as ChoiceListProps<unknown>, columns, theme));
    else out.push(child);
  });
  return out;
}

function describe(line: ReactElement): BodyLine {
  if (line.type !== DialogLine) return { blank: false, focus: false };
  const props = line.props as DialogLineProps;
  return { blank: props.text === '', focus: props.focus === true };
}

/** The frame and its body, fitted to the terminal. */
export function DialogFrame({ title, danger, hint, children, scrollTop }: DialogFrameProps): ReactNode {
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const lines = bodyLines(children, columns, theme);
  const fit = fitDialog(lines.map(describe), rows, scrollTop);
  const tone = danger ? theme.dialog.danger : theme.dialog.title;
  return (
    <Box
      position="absolute"
      marginLeft={dialogLeft(columns)}
      marginTop={fit.top}
      width={dialogWidth(columns)}
      flexDirection="column"
      borderStyle="double"
      borderColor={danger ? theme.dialog.danger : theme.dialog.border}
    >
      <DialogLine text={title} color={tone} bold inverse={!theme.colour} />
      {fit.titleGap ? <DialogLine text="" /> : null}
      {fit.above > 0 ? <DialogLine text={`↑ ${fit.above} more`} color={theme.muted} /> : null}
      {fit.shown.map((i) => (
        <Fragment key={i}>{lines[i]}</Fragment>
      ))}
      {fit.below > 0 ? <DialogLine text={`↓ ${fit.below} more`} color={theme.muted} /> : null}
      {fit.hintGap ? <DialogLine text="" /> : null}
      <DialogLine text={hint} color={theme.muted} />
    </Box>
  );
}
