/**
 * Read-only views of a pane for rendering and for the dispatcher. `visibleRows` is O(height) and
 * safe per frame; the summaries walk all entries (O(n)), so the UI memoises them on
 * `(pane.entries, pane.view, pane.selection)`, which the reducer only replaces when they change.
 */
import { entryAtRow, entryKey, isDirLike, PARENT_ROW_KEY, rowCount, type PaneState } from './pane-state.js';
import type { Entry } from '../model/entry.js';
import type { CompareMark } from '../sync/pane-compare.js';

/** One row on screen. `entry` is null for the `..` row. */
export interface VisibleRow {
  /** Row index in the whole list. */
  index: number;
  key: string;
  entry: Entry | null;
  selected: boolean;
  isCursor: boolean;
  /** The row's compare mark (`c`), or null. */
  mark: CompareMark | null;
}

/**
 * The rows from `offset` for `height` rows (defaults: the pane's scroll offset and viewport).
 * Only these are rendered (ARCHITECTURE.md, "Terminal facts": Ink lays out every child, so never
 * render the whole list).
 */
export function visibleRows(pane: PaneState, offset = pane.scrollOffset, height = pane.viewportHeight): VisibleRow[] {
  const end = Math.min(rowCount(pane), offset + Math.max(0, height));
  const rows: VisibleRow[] = [];
  for (let i = Math.max(0, offset); i < end; i++) {
    const entry = entryAtRow(pane, i);
    const key = entry === null ? PARENT_ROW_KEY : entryKey(entry);
    rows.push({
      index: i,
      key,
      entry,
      selected: entry !== null && pane.selection.has(key),
      isCursor: i === pane.cursor,
      mark: entry === null ? null : (pane.compare?.marks.get(key) ?? null),
    });
  }
  return rows;
}

/** The entry under the cursor, or null on `..` or in an empty list. */
export function cursorEntry(pane: PaneState): Entry | null {
  return entryAtRow(pane, pane.cursor);
}

/** True when the cursor is on the `..` row. */
export function cursorOnParent(pane: PaneState): boolean {
  return pane.parentRow && pane.cursor === 0;
}

/** The selected entries, in display order. */
export function selectedEntries(pane: PaneState): Entry[] {
  if (pane.selection.size === 0) return [];
  return pane.entries.filter((e) => pane.selection.has(entryKey(e)));
}

/**
 * What an operation (copy, delete, …) acts on, as in mc: the selection when there is one, else the
 * entry under the cursor, else nothing (on `..` or an empty list).
 */
export function operationTargets(pane: PaneState): Entry[] {
  if (pane.selection.size > 0) return selectedEntries(pane);
  const e = cursorEntry(pane);
  return e === null ? [] : [e];
}

/** Counts and bytes of a set of entries. `bytes` sums file sizes (directories count 0). */
export interface EntryTotals {
  count: number;
  files: number;
  dirs: number;
  bytes: number;
}

/** Totals of `entries` (directories and buckets count as dirs). */
export function totalsOf(entries: readonly Entry[]): EntryTotals {
  const t: EntryTotals = { count: 0, files: 0, dirs: 0, bytes: 0 };
  for (const e of entries) {
    t.count++;
    if (isDirLike(e)) t.dirs++;
    else {
      t.files++;
      t.bytes += e.size;
    }
  }
  return t;
}

/** Totals of the selection (count, bytes) for the footer and the operation dialogs. */
export function selectionSummary(pane: PaneState): EntryTotals {
  return totalsOf(selectedEntries(pane));
}

/** What a pane's footer shows. */
export interface FooterCounts {
  /** Rows shown (without `..`). */
  shown: EntryTotals;
  /** Entries loaded but not shown (hidden files, filtered out). */
  notShown: number;
  selected: EntryTotals;
  /** While loading: entries received so far; else null. */
  loading: number | null;
  /** The listing error, raw (sanitise before display), or null. */
  error: string | null;
  /** In a place the key may write to but not list: what it may do there (raw), else null. */
  unlisted: string | null;
}

/** The footer's numbers. */
export function footerCounts(pane: PaneState): FooterCounts {
  return {
    shown: totalsOf(pane.view),
    notShown: pane.entries.length - pane.view.length,
    selected: selectionSummary(pane),
    loading: pane.load.stage === 'loading' ? pane.load.loaded : null,
    error: pane.load.stage === 'error' ? pane.load.message : null,
    unlisted: pane.load.stage === 'unlisted' ? pane.load.may : null,
  };
}
