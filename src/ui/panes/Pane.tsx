/**
 * One file pane: a bordered box with the location, column titles, only the visible rows
 * (ARCHITECTURE.md, "Terminal facts": Ink lays out every child, so never the whole list), and a footer
 * with counts and the selection's size. Render only: the pane state comes in, nothing goes out.
 */
import { Box, Text } from 'ink';
import { memo, useMemo, type ReactNode } from 'react';
import { formatLocation } from '../../state/location/pane-location.js';
import { searchTitle } from '../../state/find/find-criteria.js';
import { footerCounts, visibleRows } from '../../state/pane/pane-selectors.js';
import type { PaneState } from '../../state/pane/pane-state.js';
import { displayWidth, fitToWidth, sanitizeForTerminal, truncateToWidth } from '../../state/text/sanitize.js';
import { useTheme } from '../theme-context.js';
import { compareFooterText, footerText, quickSearchText } from './footer-text.js';
import { PaneRow } from './PaneRow.js';
import { columnLayout, columnTitles } from './row-format.js';

export interface PaneProps {
  pane: PaneState;
  active: boolean;
  /** Columns, border included. */
  width: number;
  /** Rows, border included. The list gets `height − 5` (border, header, titles, footer). */
  height: number;
  /** A label for the pane's account, shown after the location (e.g. `demo`), or null. */
  account: string | null;
  /** Quick search in this pane: its text and whether a name matches (shown in the footer), or null. */
  quickSearch?: { text: string; found: boolean } | null;
}

/** Rows the list of a pane `height` rows tall shows. */
export function listHeightFor(height: number): number {
  return Math.max(1, height - 5);
}

function PaneView({ pane, active, width, height, account, quickSearch = null }: PaneProps): ReactNode {
  const theme = useTheme();
  const inner = Math.max(1, width - 2);
  const listHeight = listHeightFor(height);
  const layout = useMemo(() => columnLayout(inner), [inner]);
  // Dates only need the current year; recomputed whenever the listing changes.
  const now = useMemo(() => Date.now(), [pane.entries]);
  // O(n) over the entries: only when they, the view or the selection change.
  const counts = useMemo(() => footerCounts(pane), [pane.entries, pane.view, pane.selection, pane.load]);
  const rows = visibleRows(pane, pane.scrollOffset, listHeight);
  // The location comes first; the account label gets the rest of the line (at least a third).
  const place = formatLocation(pane.location);
  const location = sanitizeForTerminal(pane.found === null ? place : `${place} · ${searchTitle(pane.found)}`);
  const labelBudget = Math.max(Math.floor(inner / 3), inner - displayWidth(location));
  const label = account === null ? '' : truncateToWidth(` [${sanitizeForTerminal(account)}]`, labelBudget);
  const where = fitToWidth(location, inner - displayWidth(label), 'left', { position: 'middle' }) + label;
  const dirWord = pane.location.kind === 'b2' && pane.location.bucket === null ? 'bucket' : 'folder';
  const border = active ? theme.pane.activeBorder : theme.pane.inactiveBorder;
  let body: ReactNode = rows.map((r) => <PaneRow key={r.key} row={r} layout={layout} now={now} active={active} />);
  if (pane.load.stage === 'error' && rows.length <= (pane.parentRow ? 1 : 0)) {
    body = [
      ...rows.map((r) => <PaneRow key={r.key} row={r} layout={layout} now={now} active={active} />),
      <Text key="error" color={theme.status.error} wrap="truncate">
        {fitToWidth(sanitizeForTerminal(pane.load.message), inner)}
      </Text>,
    ];
  } else if (pane.load.stage === 'unlisted') {
    // A place the key may write to but not list: the one-line explanation stands in for the rows.
    body = [
      ...rows.map((r) => <PaneRow key={r.key} row={r} layout={layout} now={now} active={active} />),
      <Text key="unlisted" color={theme.status.warning} wrap="truncate">
        {fitToWidth(sanitizeForTerminal(pane.load.note), inner)}
      </Text>,
    ];
  } else if (pane.load.stage === 'loading' && pane.entries.length === 0) {
    body = [
      ...rows.map((r) => <PaneRow key={r.key} row={r} layout={layout} now={now} active={active} />),
      <Text key="loading" color={theme.muted}>
        {fitToWidth(' Loading…', inner)}
      </Text>,
    ];
  }
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" borderColor={border}>
      <Text bold={active} inverse={active && !theme.colour} color={theme.pane.header} wrap="truncate">
        {where}
      </Text>
      <Text color={theme.muted} wrap="truncate">
        {columnTitles(layout, pane.sort)}
      </Text>
      <Box flexDirection="column" height={listHeight}>
        {body}
      </Box>
      {quickSearch === null ? (
        <Text color={theme.muted} wrap="truncate">
          {fitToWidth(
            sanitizeForTerminal(
              pane.compare === null ? footerText(counts, pane.filter, dirWord) : compareFooterText(pane.compare),
            ),
            inner,
          )}
        </Text>
      ) : (
        <Text color={quickSearch.found ? theme.dialog.title : theme.status.warning} wrap="truncate">
          {fitToWidth(quickSearchText(quickSearch), inner)}
        </Text>
      )}
    </Box>
  );
}

/** The pane, re-rendered only when its state, size or focus change. */
export const Pane = memo(PaneView);
