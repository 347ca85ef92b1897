/**
 * Ordering and visibility of a pane's entries. Performance matters here: a 100,000-entry prefix
 * arrives in pages, so each page is sorted on its own and merged (linear), never re-sorting all.
 */
import { compileMask, hasMaskSyntax } from './mask.js';
import { compareNatural } from './natural-order.js';
import { isDirLike, type SortSpec } from './pane-state.js';
import type { Entry } from '../model/entry.js';

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
export function entryComparator(spec: SortSpec): (a: Entry, b: Entry) => number {
  const dir = spec.reverse ? -1 : 1;
  const names = spec.natural === true ? compareNatural : compareNames;
  const byKey = (a: Entry, b: Entry): number => {
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
    return dir * (k !== 0 ? k : names(a.name, b.name) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  };
}

/** First index in `a[from..]` whose element sorts after `y` (so equal elements of `a` come first). */
function upperBound<E>(a: readonly E[], from: number, y: E, cmp: (x: E, y: E) => number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid] as E, y) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges `b` (usually one small page) into `a` (everything so far), both sorted by `cmp`, into a
 * new sorted array; stable: `a` first on ties. Each element of `b` finds its place by binary
 * search, so a page of m into n costs O(m·log n) comparisons plus one O(n) copy, instead of O(n)
 * comparator calls per page (which made a 100,000-entry listing spend most of its time here).
 */
export function mergeSorted<E>(a: readonly E[], b: readonly E[], cmp: (x: E, y: E) => number): E[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  // push, not `new Array(n)`: V8 makes preallocated arrays above ~100,000 slots dictionary-backed.
  const out: E[] = [];
  let i = 0;
  for (const y of b) {
    const end = upperBound(a, i, y, cmp);
    while (i < end) out.push(a[i++] as E);
    out.push(y);
  }
  while (i < a.length) out.push(a[i++] as E);
  return out;
}

/**
 * The predicate that decides which entries are shown: hidden ones (dotfiles, B2 hide markers) only
 * with `showHidden`; with a filter, names containing it case-insensitively, or matching it as a
 * case-insensitive mask when it has `*` or `?` (`*.jpg`; see `hasMaskSyntax`). The filter applies to directories too.
 */
export function visibilityPredicate(showHidden: boolean, filter: string): (e: Entry) => boolean {
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
