/** One row of a checklist: cursor mark, `[x]`/`[ ]` (or a custom mark), text; greyed when unavailable. */
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../theme-context.js';

export interface CheckRowProps {
  cursor: boolean;
  /** `[x]`, `[ ]`, `( )`, … */
  mark: string;
  text: string;
  disabled?: boolean;
}

/** `› [x] text`, cut at the width. */
export function CheckRow({ cursor, mark, text, disabled }: CheckRowProps): ReactNode {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" color={disabled === true ? theme.bar.disabled : undefined} inverse={cursor && !theme.colour}>
      <Text color={cursor ? theme.pane.activeBorder : undefined}>{cursor ? ' › ' : '   '}</Text>
      {mark} {text}
    </Text>
  );
}

/** The slice of `count` rows to show in `rows` lines with `cursor` inside. */
export function windowOf(count: number, cursor: number, rows: number): { start: number; end: number } {
  if (count <= rows) return { start: 0, end: count };
  const start = Math.max(0, Math.min(count - rows, cursor - Math.floor(rows / 2)));
  return { start, end: start + rows };
}
