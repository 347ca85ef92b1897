/**
 * Ordering and visibility of a pane's entries. Performance matters here: a 100,000-entry prefix
 * arrives in pages, so each page is sorted on its own and merged (linear), never re-sorting all.
 */
import { compileMask, hasMaskSyntax } from './mask.js';
import { isDirLike, type PaneEntry, type SortSpec } from './pane-state.js';

/**
 * Name order: ASCII letters compared case-insensitively without allocating (this runs ~n·log n
 * times per sort), ties broken by raw code units so the order is total and stable.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x - y;
  }
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator for `spec` (see `SortKey` for each key's natural direction). */
export function entryComparator(spec: SortSpec): (a: PaneEntry, b: PaneEntry) => number {
  const dir = spec.reverse ? -1 : 1;
  const byKey = (a: PaneEntry, b: PaneEntry): number => {
    switch (spec.key) {
      case 'name':
        return 0;
      case 'size':
        return b.size - a.size;
      case 'date':
        // Unknown dates sort as the oldest.
        return (b.mtimeMs ?? -Infinity) - (a.mtimeMs ?? -Infinity) || 0;
      default: {
        const never: never = spec.key;
        return never;
      }
    }
  };
  return (a, b) => {
    const da = isDirLike(a);
    if (da !== isDirLike(b)) return da ? -1 : 1;
    const k = byKey(a, b);
    return dir * (k !== 0 ? k : compareNames(a.name, b.name) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  };
}

/** Merges two arrays sorted by `cmp` into a new sorted array (stable: `a` first on ties). */
export function mergeSorted<E>(a: readonly E[], b: readonly E[], cmp: (x: E, y: E) => number): E[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out = new Array<E>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as E;
    const y = b[j] as E;
    if (cmp(x, y) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as E;
  while (j < b.length) out[k++] = b[j++] as E;
  return out;
}

/**
 * The predicate that decides which entries are shown: hidden ones (dotfiles, B2 hide markers) only
 * with `showHidden`; with a filter, names containing it case-insensitively, or matching it as a
 * case-insensitive mask when it uses mask syntax (`*.jpg`). The filter applies to directories too.
 */
export function visibilityPredicate(showHidden: boolean, filter: string): (e: PaneEntry) => boolean {
  let matches: ((name: string) => boolean) | null = null;
  if (filter !== '') {
    if (hasMaskSyntax(filter)) matches = compileMask(filter, { caseSensitive: false });
    else {
      const needle = filter.toLowerCase();
      matches = (name) => name.toLowerCase().includes(needle);
    }
  }
  if (showHidden && matches === null) return () => true;
  return (e) => {
    if (!showHidden && (e.hidden === true || e.name.startsWith('.'))) return false;
    return matches === null || matches(e.name);
  };
}

/** True when `visibilityPredicate(showHidden, filter)` keeps everything (so `view` can be `entries`). */
export function showsEverything(showHidden: boolean, filter: string): boolean {
  return showHidden && filter === '';
}
