/**
 * One labelled text field, render-only: the text and cursor come from the screen's state (edited
 * there, see state/keyboard/line-edit.ts). A masked field never draws its value: one mask character
 * per character while it has focus (so typing visibly works) and a fixed `••••••••` otherwise, so
 * the length does not linger on screen either. The focused value is drawn by the panes' own line
 * field (../input/TextField.tsx): sanitised, display-width aware, scrolled to keep the cursor visible.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { TextField as LineField } from '../input/TextField.js';
import { useTheme } from '../theme-context.js';

export interface TextFieldProps {
  label: string;
  /** Columns reserved for the label. */
  labelWidth: number;
  value: string;
  /** Cursor position in code points (used while focused). */
  cursor: number;
  focus: boolean;
  /** Columns for the value. */
  width: number;
  /** Mask character for secrets (e.g. `•`): the value is never rendered. */
  mask?: string;
  /** Shown dim when the value is empty. */
  placeholder?: string;
  /** A problem to show under the field. */
  error?: string;
}

/** `› Label  value` with an optional problem line under it. */
export function TextField(props: TextFieldProps): ReactNode {
  const theme = useTheme();
  const { label, labelWidth, value, focus, mask, placeholder, error, width } = props;
  let shown: ReactNode;
  if (focus) {
    // The mask replaces each code point, so the cursor (in code points) stays where it was.
    const text = mask !== undefined ? mask.repeat([...value].length) : value;
    shown =
      value === '' && placeholder !== undefined ? (
        <Text>
          <Text inverse> </Text>
          <Text color={theme.muted}>{placeholder}</Text>
        </Text>
      ) : (
        <LineField field={{ text, cursor: props.cursor }} width={width} />
      );
  } else if (value === '') {
    shown = <Text color={theme.muted}>{placeholder ?? ''}</Text>;
  } else {
    shown = <Text wrap="truncate-end">{mask !== undefined ? mask.repeat(8) : sanitizeForTerminal(value)}</Text>;
  }
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={focus ? theme.pane.activeBorder : undefined} bold={focus}>
          {focus ? '›' : ' '} {label.padEnd(labelWidth)}{' '}
        </Text>
        <Box width={width}>{shown}</Box>
      </Box>
      {error !== undefined ? (
        <Text color={theme.status.error} wrap="truncate-end">
          {' '.repeat(labelWidth + 3)}
          {sanitizeForTerminal(error)}
        </Text>
      ) : null}
    </Box>
  );
}
