/**
 * One pane's state (ARCHITECTURE.md, "Keypress flow", step 4). Changed only by ./pane-reducer.ts.
 */
import type { PaneLocation } from '../location/pane-location.js';
import type { Entry } from '../model/entry.js';
import type { PaneCompare } from '../sync/pane-compare.js';
import type { FindSearch } from '../find/find-criteria.js';

/**
 * Where the listing is: `idle` before the first request, `loading` while pages stream in (with the
 * number of entries received so far), `loaded`, or `error` with a message for the user (raw).
 * `unlisted`: the pane stands in a place its key may write to but not list (a write-only drop
 * box), so there are no rows and nothing was asked; `note` says so in place of the rows and `may`
 * (for the footer) what the key can do there.
 */
export type LoadStage =
  | { stage: 'idle' }
  | { stage: 'loading'; loaded: number }
  | { stage: 'loaded' }
  | { stage: 'error'; message: string }
  | { stage: 'unlisted'; note: string; may: string };

/**
 * Sort keys. Each has a natural direction: name A→Z, size largest first, date newest first;
 * `reverse` flips it. Directories (and buckets) always come before files.
 */
export type SortKey = 'name' | 'size' | 'date';

export interface SortSpec {
  key: SortKey;
  reverse: boolean;
  /** Names compare digit runs as numbers (`f2` before `f10`, ./natural-order.ts); absent: off. */
  natural?: boolean;
}

/**
 * A pane. Row 0 is the `..` row when `parentRow` is true; the other rows are `view` in order.
 * `cursor` and `scrollOffset` are row indexes.
 */
export interface PaneState {
  location: PaneLocation;
  /** Every entry received for the current request, sorted (directories first, then `sort`). */
  entries: readonly Entry[];
  /** The entries shown: `entries` without hidden ones (unless `showHidden`) and filtered. */
  view: readonly Entry[];
  /** Whether row 0 is `..` (false at a root: see `isRootLocation`). */
  parentRow: boolean;
  load: LoadStage;
  /** The listing request whose pages this pane accepts; pages of other requests are dropped. */
  requestId: number;
  cursor: number;
  /** First visible row. */
  scrollOffset: number;
  /** Rows the list can show, as last reported by the UI. */
  viewportHeight: number;
  /** Row keys (see `entryKey`) of the selected entries. */
  selection: ReadonlySet<string>;
  sort: SortSpec;
  /** '' for none; text matches names case-insensitively, or a mask when it has `*` or `?`. */
  filter: string;
  /** Show dotfiles and B2 names whose newest version is a hide marker. */
  showHidden: boolean;
  /** While loading: the row key to put the cursor on when it arrives (cleared by any cursor move). */
  focusKey: string | null;
  /**
   * The focus row is an entry an operation just made or renamed (F7, F2): a filter that would
   * hide it is cleared when it arrives, so the cursor can be on it.
   */
  revealFocus: boolean;
  /** `c`: this pane's side of a comparison with the other pane, or null; a new listing clears it. */
  compare: PaneCompare | null;
  /**
   * Not null while the pane shows the results of a search under `location` (find) instead of its
   * listing: each entry's `name` is its path relative to `location` (`2025/big.log`), its `path`
   * the full one, so every operation acts on the real file. Esc or `..` goes back to the folder.
   */
  found: FindSearch | null;
}

/** The key of the `..` row. NUL cannot occur in local or B2 names, so it never collides. */
export const PARENT_ROW_KEY = '\u0000..';

/**
 * A row's identity within a listing: the name, plus `/` for directories, because B2 can hold a
 * file `a` and a folder `a/` side by side. Buckets and symlinks use the bare name.
 */
export function entryKey(e: Entry): string {
  return e.kind === 'dir' ? `${e.name}/` : e.name;
}

/** True for rows that sort and open like directories. */
export function isDirLike(e: Entry): boolean {
  return e.kind === 'dir' || e.kind === 'bucket';
}

/** A fresh pane at `location`, idle (nothing requested yet). */
export function createPaneState(
  location: PaneLocation,
  options: { sort?: SortSpec; showHidden?: boolean; viewportHeight?: number } = {},
): PaneState {
  return {
    location,
    entries: [],
    view: [],
    parentRow: false,
    load: { stage: 'idle' },
    requestId: 0,
    cursor: 0,
    scrollOffset: 0,
    viewportHeight: options.viewportHeight ?? 0,
    selection: new Set(),
    sort: options.sort ?? { key: 'name', reverse: false },
    filter: '',
    showHidden: options.showHidden ?? false,
    focusKey: null,
    revealFocus: false,
    compare: null,
    found: null,
  };
}

/** Number of rows, including `..`. */
export function rowCount(pane: PaneState): number {
  return pane.view.length + (pane.parentRow ? 1 : 0);
}

/** The entry at row `index`, or null for the `..` row or out of range. */
export function entryAtRow(pane: PaneState, index: number): Entry | null {
  const i = pane.parentRow ? index - 1 : index;
  return i >= 0 ? (pane.view[i] ?? null) : null;
}

/** The key of row `index` (`PARENT_ROW_KEY` for `..`), or null out of range. */
export function rowKeyAt(pane: PaneState, index: number): string | null {
  if (pane.parentRow && index === 0) return PARENT_ROW_KEY;
  const e = entryAtRow(pane, index);
  return e === null ? null : entryKey(e);
}

/**
 * True when the rows run from the smallest value up (names A→Z, smallest first, oldest first):
 * what the column title's `↑` says; `↓` is the other way. Each key starts in its natural direction
 * (name ↑, size ↓, date ↓), and `reverse` flips it.
 */
export function sortsAscending(sort: SortSpec): boolean {
  return (sort.key === 'name') !== sort.reverse;
}

/** The next sort key in the `s` cycle: name → size → date → name. */
export function nextSortKey(key: SortKey): SortKey {
  switch (key) {
    case 'name':
      return 'size';
    case 'size':
      return 'date';
    case 'date':
      return 'name';
    default: {
      const never: never = key;
      return never;
    }
  }
}
