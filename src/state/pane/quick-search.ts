/**
 * Quick search (type-to-jump, mc's Ctrl+S): which row the typed text puts the cursor on. Pure.
 * Names are matched without regard to case; a name that starts with the text wins over one that
 * merely contains it, wherever they are in the list. The search runs from the cursor down and
 * wraps round, so the next match is the nearest one below.
 */
import { rowCount, entryAtRow, type PaneState } from './pane-state.js';

/** How a name matches: 2 starts with the text, 1 contains it, 0 neither. */
function matchRank(name: string, text: string): number {
  const n = name.toLowerCase();
  if (n.startsWith(text)) return 2;
  return n.includes(text) ? 1 : 0;
}

/**
 * The row for `text` (row indexes as `PaneState.cursor`), or null when no name matches (the
 * cursor then stays). `next` false: the cursor's own row counts (typing more letters keeps a
 * row that still matches); true: the search starts below it (the next match).
 */
export function quickSearchRow(pane: PaneState, text: string, next: boolean): number | null {
  if (text === '') return null;
  const wanted = text.toLowerCase();
  const count = rowCount(pane);
  let contains: number | null = null;
  for (let step = next ? 1 : 0; step < count + (next ? 1 : 0); step++) {
    const row = (pane.cursor + step) % count;
    const e = entryAtRow(pane, row);
    if (e === null) continue;
    const rank = matchRank(e.name, wanted);
    if (rank === 2) return row;
    if (rank === 1 && contains === null) contains = row;
  }
  return contains;
}
