/**
 * One list row: the cursor row in the active pane is highlighted (inverse video without colour,
 * as under NO_COLOR); selected rows are marked `*` and coloured; directories, links and hidden
 * B2 files have their own tokens.
 */
import { Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { VisibleRow } from '../../state/pane/pane-selectors.js';
import { useTheme } from '../theme-context.js';
import type { Theme } from '../theme.js';
import { formatRow, type ColumnLayout } from './row-format.js';

export interface PaneRowProps {
  row: VisibleRow;
  layout: ColumnLayout;
  now: number;
  active: boolean;
}

function rowColour(theme: Theme, row: VisibleRow): string | undefined {
  if (row.selected) return theme.pane.selected;
  if (row.mark !== null) return theme.compare[row.mark];
  const e = row.entry;
  if (e === null) return theme.pane.directory;
  if (e.hidden === true || e.name.startsWith('.')) return theme.pane.hidden;
  if (e.kind === 'dir' || e.kind === 'bucket') return theme.pane.directory;
  if (e.kind === 'symlink') return theme.pane.link;
  return theme.pane.file;
}

function PaneRowView({ row, layout, now, active }: PaneRowProps): ReactNode {
  const theme = useTheme();
  const text = formatRow(row, layout, now);
  const cursor = active && row.isCursor;
  const dim = row.entry?.hidden === true;
  if (cursor) {
    return theme.colour ? (
      <Text
        backgroundColor={theme.pane.cursorBg}
        color={row.selected ? theme.pane.selected : theme.pane.cursorFg}
        bold={row.selected}
        wrap="truncate"
      >
        {text}
      </Text>
    ) : (
      <Text inverse bold={row.selected} wrap="truncate">
        {text}
      </Text>
    );
  }
  return (
    <Text color={rowColour(theme, row)} bold={row.selected} dimColor={dim} wrap="truncate">
      {text}
    </Text>
  );
}

function sameRow(a: PaneRowProps, b: PaneRowProps): boolean {
  return (
    a.row.entry === b.row.entry &&
    a.row.selected === b.row.selected &&
    a.row.isCursor === b.row.isCursor &&
    a.row.mark === b.row.mark &&
    a.layout === b.layout &&
    a.now === b.now &&
    a.active === b.active
  );
}

/** A row, re-rendered only when its entry, selection or cursor state changes. */
export const PaneRow = memo(PaneRowView, sameRow);
