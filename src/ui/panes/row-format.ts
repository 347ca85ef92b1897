/**
 * A pane's rows as exact-width strings: a marker column (`*` selected, else a compare mark), the name (sanitised,
 * cut in the middle so extensions stay visible; directories end in `/`), the size (`hidden` for
 * a B2 name whose newest version is a hide marker) and the date.
 * One string per row keeps Ink's layout work per frame tiny (ARCHITECTURE.md, "Terminal facts").
 */
import type { Entry } from '../../state/model/entry.js';
import type { CompareMark } from '../../state/sync/pane-compare.js';
import { formatDate } from '../../state/text/format.js';
import type { VisibleRow } from '../../state/pane/pane-selectors.js';
import { sortsAscending, type SortSpec } from '../../state/pane/pane-state.js';
import { fitToWidth, sanitizeName } from '../../state/text/sanitize.js';

/** Column widths inside a pane; 0 hides a column. Marker and gaps are added by `formatRow`. */
export interface ColumnLayout {
  width: number;
  name: number;
  size: number;
  date: number;
}

const SIZE_W = 7;
const DATE_W = 12;

/** Columns for a list `width` columns wide: the date goes first when space is short, then the size. */
export function columnLayout(width: number): ColumnLayout {
  const w = Math.max(0, width);
  if (w >= 1 + 12 + 1 + SIZE_W + 1 + DATE_W)
    return { width: w, name: w - 1 - SIZE_W - DATE_W - 2, size: SIZE_W, date: DATE_W };
  if (w >= 1 + 10 + 1 + SIZE_W) return { width: w, name: w - 1 - SIZE_W - 1, size: SIZE_W, date: 0 };
  return { width: w, name: Math.max(0, w - 1), size: 0, date: 0 };
}

/**
 * A size in at most 7 columns, like mc: bytes up to 9,999,999, then one decimal with a binary
 * unit letter (`12.5M`, `3.0G`).
 */
export function compactSize(bytes: number): string {
  if (bytes < 10_000_000) return String(Math.round(bytes));
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)}${units[i] ?? 'E'}`;
}

function sizeText(e: Entry | null): string {
  if (e === null) return 'UP-DIR';
  switch (e.kind) {
    case 'dir':
      return e.counted === undefined ? '<DIR>' : compactSize(e.size);
    case 'bucket':
      return e.counted === undefined ? '<BKT>' : compactSize(e.size);
    case 'symlink':
      return '<LINK>';
    case 'file':
      // In words, not only dim: a terminal without dim shows the difference too.
      return e.hidden === true ? 'hidden' : compactSize(e.size);
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}

/** The displayed name: sanitised, with `/` after directories and `@` after symlinks. */
export function displayName(e: Entry | null): string {
  if (e === null) return '..';
  const name = sanitizeName(e.name);
  return e.kind === 'dir' || e.kind === 'bucket' ? `${name}/` : e.kind === 'symlink' ? `${name}@` : name;
}

/** The marker column's character for a compare mark (`c`): readable without colour. */
export const COMPARE_MARKERS: Record<CompareMark, string> = {
  only: '+',
  newer: '>',
  older: '<',
  different: '!',
  same: '=',
};

/** One row, exactly `layout.width` columns. The marker column: `*` selected, else the compare mark. */
export function formatRow(row: VisibleRow, layout: ColumnLayout, now: number): string {
  const marker = row.selected ? '*' : row.mark === null ? ' ' : COMPARE_MARKERS[row.mark];
  // Find results carry their folders (`server1/latest.tar.gz`): those are cut first.
  let line = marker + fitToWidth(displayName(row.entry), layout.name, 'left', { position: 'path' });
  if (layout.size > 0) line += ' ' + fitToWidth(sizeText(row.entry), layout.size, 'right');
  if (layout.date > 0)
    line += ' ' + fitToWidth(row.entry === null ? '' : formatDate(row.entry.mtimeMs, now), layout.date);
  return fitToWidth(line, layout.width);
}

/**
 * The column titles, with an arrow on the sort column (↑ natural order, ↓ reversed); the name
 * column says `1-9` while natural name order (f2 before f10) is on.
 */
export function columnTitles(layout: ColumnLayout, sort: SortSpec): string {
  const arrow = sortsAscending(sort) ? '↑' : '↓';
  const title = (label: string, key: SortSpec['key']): string => (sort.key === key ? `${label}${arrow}` : label);
  const name = sort.natural === true ? `${title('Name', 'name')} 1-9` : title('Name', 'name');
  let line = ' ' + fitToWidth(name, layout.name);
  if (layout.size > 0) line += ' ' + fitToWidth(title('Size', 'size'), layout.size, 'right');
  if (layout.date > 0) line += ' ' + fitToWidth(title('Modified', 'date'), layout.date);
  return fitToWidth(line, layout.width);
}
