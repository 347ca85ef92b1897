/**
 * Selection changes, mc-style. They act on the rows the user can see (`view`), never on entries
 * hidden by the filter or by `showHidden`, so an operation never touches files the user could not
 * see when selecting. By default masks and invert apply to files only (mc's "files only"), which
 * keeps a `*` from dragging whole directories into a delete.
 */
import { compileMask } from './mask.js';
import { entryAtRow, entryKey, isDirLike, type PaneState } from './pane-state.js';
import type { Entry } from '../model/entry.js';

/** Options shared by mask selection and invert. */
export interface SelectionScope {
  /** Also (un)select directories. Default false. */
  includeDirs?: boolean;
}

/** Options for `selectByMask`. */
export interface MaskSelection extends SelectionScope {
  mask: string;
  /** Default true (see ./mask.ts). */
  caseSensitive?: boolean;
}

/** The selection with the cursor row toggled (the `..` row is never selected). */
export function toggledAtCursor(pane: PaneState): ReadonlySet<string> {
  const e = entryAtRow(pane, pane.cursor);
  if (e === null) return pane.selection;
  const key = entryKey(e);
  const next = new Set(pane.selection);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

function inScope(e: Entry, scope: SelectionScope): boolean {
  return scope.includeDirs === true || !isDirLike(e);
}

/** The selection with visible rows matching the mask added (`select`) or removed. */
export function maskedSelection(pane: PaneState, spec: MaskSelection, select: boolean): ReadonlySet<string> {
  const caseSensitive = spec.caseSensitive ?? true;
  const matches = compileMask(spec.mask, { caseSensitive });
  const next = new Set(pane.selection);
  let changed = false;
  for (const e of pane.view) {
    if (!inScope(e, spec) || !matches(e.name)) continue;
    const key = entryKey(e);
    if (select && !next.has(key)) {
      next.add(key);
      changed = true;
    } else if (!select && next.delete(key)) changed = true;
  }
  return changed ? next : pane.selection;
}

/** The selection with every visible row in scope flipped; rows out of scope keep their state. */
export function invertedSelection(pane: PaneState, scope: SelectionScope): ReadonlySet<string> {
  const next = new Set(pane.selection);
  for (const e of pane.view) {
    if (!inScope(e, scope)) continue;
    const key = entryKey(e);
    if (!next.delete(key)) next.add(key);
  }
  return next;
}
