/**
 * One row of a checklist: cursor mark, `[x]`/`[ ]` (or a custom mark), text; greyed when
 * unavailable. And the window of a list longer than its rows, with the marker that says so.
 */
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
    <Text
      wrap="truncate-end"
      color={disabled === true ? theme.bar.disabled : undefined}
      inverse={cursor && !theme.colour}
    >
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

/**
 * "rows 1–8 of 19 ↓" under a list that does not fit its rows (↓ more below, ↑ more above), as the
 * key inspector says it; null when every row shows.
 */
export function scrollMarker(count: number, w: { start: number; end: number }): string | null {
  if (w.start === 0 && w.end >= count) return null;
  return `rows ${w.start + 1}–${w.end} of ${count}${w.end < count ? ' ↓' : ''}${w.start > 0 ? ' ↑' : ''}`;
}

/** The marker of {@link scrollMarker}, muted, indented under the rows; nothing when all show. */
export function ScrollMarker({ count, window }: { count: number; window: { start: number; end: number } }): ReactNode {
  const theme = useTheme();
  const text = scrollMarker(count, window);
  return text === null ? null : <Text color={theme.muted}>{`      ${text}`}</Text>;
}
