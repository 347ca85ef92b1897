/**
 * Helpers the pane reducer uses to keep derived parts consistent: `view` after entries, filter,
 * sort or hidden-ness change, and the cursor on the same row across such changes.
 */
import { clampCursor, followCursor } from './pane-cursor.js';
import { showsEverything, visibilityPredicate } from './pane-rows.js';
import { entryAtRow, entryKey, PARENT_ROW_KEY, rowCount, type PaneState } from './pane-state.js';
import type { Entry } from '../model/entry.js';

/** Recomputes `view` from `entries`, `showHidden` and `filter`. */
export function computeView(entries: readonly Entry[], showHidden: boolean, filter: string): readonly Entry[] {
  if (showsEverything(showHidden, filter)) return entries;
  return entries.filter(visibilityPredicate(showHidden, filter));
}

/**
 * Row index of the row with key `key` (see `entryKey`), or -1. A key `name/` also finds a
 * non-directory `name` (a symlink to a directory that we entered), so coming back lands on it.
 */
export function findRow(pane: PaneState, key: string): number {
  if (key === PARENT_ROW_KEY) return pane.parentRow ? 0 : -1;
  const base = pane.parentRow ? 1 : 0;
  const i = pane.view.findIndex((e) => entryKey(e) === key);
  if (i >= 0) return i + base;
  if (!key.endsWith('/')) return -1;
  const name = key.slice(0, -1);
  const j = pane.view.findIndex((e) => e.name === name);
  return j < 0 ? -1 : j + base;
}

/** `pane` with the cursor at `cursor` (clamped) and the scroll following it. */
export function withCursor(pane: PaneState, cursor: number): PaneState {
  const count = rowCount(pane);
  const c = clampCursor(cursor, count);
  const scrollOffset = followCursor(c, pane.scrollOffset, pane.viewportHeight, count);
  if (c === pane.cursor && scrollOffset === pane.scrollOffset) return pane;
  return { ...pane, cursor: c, scrollOffset };
}

/**
 * After `next` replaced `prev`'s rows: puts the cursor on the row it was on (by identity, so it
 * survives merges and re-sorts), else on `next.focusKey` once that row exists, else keeps the index.
 */
export function keepCursor(prev: PaneState, next: PaneState): PaneState {
  let target = -1;
  let focusKey = next.focusKey;
  if (focusKey !== null) {
    target = findRow(next, focusKey);
    if (target >= 0) focusKey = null;
  } else if (prev.parentRow && prev.cursor === 0) {
    target = next.parentRow ? 0 : -1;
  } else {
    const e = entryAtRow(prev, prev.cursor);
    if (e !== null) {
      const i = next.view.indexOf(e);
      if (i >= 0) target = i + (next.parentRow ? 1 : 0);
    }
  }
  const moved = withCursor({ ...next, focusKey }, target >= 0 ? target : prev.cursor);
  return moved;
}

/** `selection` without keys that are not rows of `entries` (returns the same set when nothing drops). */
export function pruneSelection(selection: ReadonlySet<string>, entries: readonly Entry[]): ReadonlySet<string> {
  if (selection.size === 0) return selection;
  const present = new Set<string>();
  for (const e of entries) {
    const k = entryKey(e);
    if (selection.has(k)) present.add(k);
  }
  return present.size === selection.size ? selection : present;
}
