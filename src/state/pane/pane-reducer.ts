/**
 * The pane reducer: pure, no I/O, no clock (ARCHITECTURE.md, "Keypress flow", step 4). Listing results
 * carry the request id they answer; results of any other request are stale and dropped (the state
 * is returned unchanged, by reference).
 */
import { movedCursor, type CursorMove } from './pane-cursor.js';
import { isRootLocation, sameLocation, type PaneLocation } from '../location/pane-location.js';
import { entryComparator, mergeSorted, showsEverything } from './pane-rows.js';
import {
  invertedSelection,
  maskedSelection,
  toggledAtCursor,
  type MaskSelection,
  type SelectionScope,
} from './pane-selection.js';
import { entryKey, nextSortKey, rowCount, type PaneState, type SortSpec } from './pane-state.js';
import type { PaneCompare } from '../sync/pane-compare.js';
import type { Entry, FolderCount } from '../model/entry.js';
import type { FindSearch } from '../find/find-criteria.js';
import { computeView, findRow, keepCursor, pruneSelection, withCursor } from './pane-view.js';

/**
 * Everything that can happen to a pane. `height` on cursor actions is the list's visible row
 * count at the time of the key press (so paging and scrolling match what is on screen).
 */
export type PaneAction =
  /** A new listing request. Another location clears entries, selection and filter; the same one
   * (a refresh) keeps selection and filter. `focusKey` puts the cursor on that row once it loads:
   * pass the cursor row's key on refresh, and `parentLocation().fromKey` when going up; with
   * `reveal` (an entry just made or renamed), a filter hiding that row is cleared when it comes. */
  | {
      type: 'listingStarted';
      requestId: number;
      location: PaneLocation;
      focusKey?: string | null;
      reveal?: boolean;
      /** The rows will be the results of this search under `location` (see PaneState `found`). */
      found?: FindSearch;
    }
  /** One page of the listing: appended in sort order, the cursor stays on its row. */
  | { type: 'listingPage'; requestId: number; entries: readonly Entry[] }
  /** The listing is complete: selection keys that did not come back are dropped. */
  | { type: 'listingDone'; requestId: number }
  | { type: 'listingFailed'; requestId: number; message: string }
  /** The key may not list this place but may write to it: no rows, and why (see LoadStage `unlisted`). */
  | { type: 'listingWithheld'; requestId: number; note: string; may: string }
  | { type: 'moveCursor'; move: CursorMove; height: number }
  | { type: 'setCursor'; index: number; height: number }
  | { type: 'viewportResized'; height: number }
  /** Toggles the cursor row's selection and moves down (mc's Insert). */
  | { type: 'toggleSelect'; height: number }
  | ({ type: 'selectByMask' } & MaskSelection)
  | ({ type: 'unselectByMask' } & MaskSelection)
  | ({ type: 'invertSelection' } & SelectionScope)
  | { type: 'clearSelection' }
  /** Filter text ('' clears). Selected rows the filter hides are unselected. */
  | { type: 'setFilter'; filter: string }
  | { type: 'setSort'; sort: SortSpec }
  /** name → size → date → name, natural direction. */
  | { type: 'cycleSort' }
  | { type: 'reverseSort' }
  /** Natural name order on or off (`f2` before `f10`), whatever the sort key (ties use names). */
  | { type: 'toggleNatural' }
  /** Flips `showHidden`. Selected rows that become hidden are unselected. */
  | { type: 'toggleHidden' }
  /** The folder or bucket of row `key` was counted (folder sizes): its size shows and sorts. */
  | { type: 'folderCounted'; key: string; count: FolderCount }
  /** Account profile `from` is now called `to`: a pane showing it keeps its place under the new name. */
  | { type: 'profileRenamed'; from: string; to: string }
  /** `c`: this pane's compare marks (null clears them). */
  | { type: 'setCompare'; compare: PaneCompare | null };

function resorted(pane: PaneState, sort: SortSpec): PaneState {
  const entries = [...pane.entries].sort(entryComparator(sort));
  return keepCursor(pane, { ...pane, sort, entries, view: computeView(entries, pane.showHidden, pane.filter) });
}

function refiltered(pane: PaneState, showHidden: boolean, filter: string): PaneState {
  const view = computeView(pane.entries, showHidden, filter);
  return keepCursor(pane, { ...pane, showHidden, filter, view, selection: pruneSelection(pane.selection, view) });
}

function started(
  pane: PaneState,
  a: { requestId: number; location: PaneLocation; focusKey?: string | null; reveal?: boolean; found?: FindSearch },
): PaneState {
  // Going from a folder to its search results (or back) is another place: selection and filter go.
  const same = sameLocation(pane.location, a.location) && (pane.found === null) === (a.found === undefined);
  const entries: readonly Entry[] = [];
  return {
    ...pane,
    location: a.location,
    entries,
    view: entries,
    parentRow: !isRootLocation(a.location),
    load: { stage: 'loading', loaded: 0 },
    requestId: a.requestId,
    cursor: 0,
    scrollOffset: 0,
    selection: same ? pane.selection : new Set(),
    filter: same ? pane.filter : '',
    focusKey: a.focusKey ?? null,
    revealFocus: a.reveal === true,
    // Marks describe the rows that were compared; a new listing (even a refresh) may differ.
    compare: null,
    found: a.found ?? null,
  };
}

/**
 * The row the cursor is to land on (a folder just made, a file just renamed) has arrived but the
 * filter hides it: the filter goes, so the cursor can be on it.
 */
function revealFocus(pane: PaneState): PaneState {
  const key = pane.focusKey;
  if (key === null || !pane.revealFocus || pane.filter === '' || findRow(pane, key) >= 0) return pane;
  if (!pane.entries.some((e) => entryKey(e) === key)) return pane;
  return refiltered(pane, pane.showHidden, '');
}

function paged(pane: PaneState, page: readonly Entry[]): PaneState {
  const loaded = (pane.load.stage === 'loading' ? pane.load.loaded : pane.entries.length) + page.length;
  const load = { stage: 'loading' as const, loaded };
  if (page.length === 0) return { ...pane, load };
  const cmp = entryComparator(pane.sort);
  const sortedPage = [...page].sort(cmp);
  const entries = mergeSorted(pane.entries, sortedPage, cmp);
  const view = showsEverything(pane.showHidden, pane.filter)
    ? entries
    : mergeSorted(pane.view, computeView(sortedPage, pane.showHidden, pane.filter), cmp);
  return revealFocus(keepCursor(pane, { ...pane, entries, view, load }));
}

/** Applies `action` to `pane`; returns `pane` itself when nothing changes (stale results). */
export function paneReducer(pane: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'listingStarted':
      return started(pane, action);
    case 'listingPage':
      return action.requestId === pane.requestId ? paged(pane, action.entries) : pane;
    case 'listingDone':
      if (action.requestId !== pane.requestId) return pane;
      return {
        ...pane,
        load: { stage: 'loaded' },
        focusKey: null,
        selection: pruneSelection(pane.selection, pane.entries),
      };
    case 'listingFailed':
      if (action.requestId !== pane.requestId) return pane;
      return { ...pane, load: { stage: 'error', message: action.message }, focusKey: null };
    case 'listingWithheld':
      if (action.requestId !== pane.requestId) return pane;
      return { ...pane, load: { stage: 'unlisted', note: action.note, may: action.may }, focusKey: null };
    case 'moveCursor': {
      const p = { ...pane, viewportHeight: action.height, focusKey: null };
      return withCursor(p, movedCursor(pane.cursor, action.move, action.height, rowCount(pane)));
    }
    case 'setCursor':
      return withCursor({ ...pane, viewportHeight: action.height, focusKey: null }, action.index);
    case 'viewportResized':
      return action.height === pane.viewportHeight
        ? pane
        : withCursor({ ...pane, viewportHeight: action.height }, pane.cursor);
    case 'toggleSelect': {
      const p = { ...pane, selection: toggledAtCursor(pane), viewportHeight: action.height, focusKey: null };
      return withCursor(p, movedCursor(pane.cursor, 'down', action.height, rowCount(pane)));
    }
    case 'selectByMask':
      return { ...pane, selection: maskedSelection(pane, action, true) };
    case 'unselectByMask':
      return { ...pane, selection: maskedSelection(pane, action, false) };
    case 'invertSelection':
      return { ...pane, selection: invertedSelection(pane, action) };
    case 'clearSelection':
      return pane.selection.size === 0 ? pane : { ...pane, selection: new Set() };
    case 'setFilter':
      return action.filter === pane.filter ? pane : refiltered(pane, pane.showHidden, action.filter);
    case 'setSort':
      return resorted(pane, action.sort);
    case 'cycleSort':
      return resorted(pane, { ...pane.sort, key: nextSortKey(pane.sort.key), reverse: false });
    case 'reverseSort':
      return resorted(pane, { ...pane.sort, reverse: !pane.sort.reverse });
    case 'toggleNatural':
      return resorted(pane, { ...pane.sort, natural: pane.sort.natural !== true });
    case 'toggleHidden':
      return refiltered(pane, !pane.showHidden, pane.filter);
    case 'folderCounted': {
      if (!pane.entries.some((e) => entryKey(e) === action.key)) return pane;
      const entries = pane.entries.map((e) =>
        entryKey(e) === action.key ? { ...e, size: action.count.bytes, counted: action.count } : e,
      );
      return resorted({ ...pane, entries }, pane.sort);
    }
    case 'profileRenamed': {
      const loc = pane.location;
      return loc.kind === 'b2' && loc.profile === action.from
        ? { ...pane, location: { ...loc, profile: action.to } }
        : pane;
    }
    case 'setCompare':
      return action.compare === pane.compare ? pane : { ...pane, compare: action.compare };
    default: {
      const never: never = action;
      return never;
    }
  }
}
