/**
 * What find looks for (`b2c find`, the TUI's find dialog): a name pattern, a size range and a
 * date range. Pure: the clock is an argument.
 */
import { compileMask, hasMaskSyntax } from '../pane/mask.js';

/** The tests a found file must pass; null (or '') means "any". Sizes in bytes, dates in ms. */
export interface FindCriteria {
  /** A mask (`*.log`, matched against the whole last segment) or text the name contains (any case). */
  name: string;
  minSize: number | null;
  maxSize: number | null;
  /** Modified at or after this moment. */
  newerMs: number | null;
  /** Modified before this moment. */
  olderMs: number | null;
}

/**
 * A search whose results a pane shows in place of its folder's listing ("panelized", as in mc):
 * the criteria, and whether dotfiles and hidden B2 names are included.
 */
export interface FindSearch {
  criteria: FindCriteria;
  includeHidden: boolean;
}

/** How a pane's title names the search it shows: `find "*.log"`, `find (size, date)`. Raw. */
export function searchTitle(s: FindSearch): string {
  const c = s.criteria;
  const tests = [
    c.minSize !== null || c.maxSize !== null ? 'size' : '',
    c.newerMs !== null || c.olderMs !== null ? 'date' : '',
  ].filter((t) => t !== '');
  const name = c.name === '' ? 'all files' : `"${c.name}"`;
  return `find ${name}${tests.length > 0 ? ` (${tests.join(', ')})` : ''}`;
}

/** Criteria that match every file. */
export const ANY_FILE: FindCriteria = { name: '', minSize: null, maxSize: null, newerMs: null, olderMs: null };

/** The facts of a file the criteria look at. */
export interface FindCandidate {
  name: string;
  size: number;
  mtimeMs: number | null;
}

/** A predicate for `c`. A file with no known date fails any date test. */
export function findMatcher(c: FindCriteria): (f: FindCandidate) => boolean {
  const text = c.name.toLowerCase();
  const mask = hasMaskSyntax(c.name) ? compileMask(c.name) : null;
  const nameOk = (name: string): boolean =>
    c.name === '' || (mask !== null ? mask(name) : name.toLowerCase().includes(text));
  return (f) =>
    nameOk(f.name) &&
    (c.minSize === null || f.size >= c.minSize) &&
    (c.maxSize === null || f.size <= c.maxSize) &&
    (c.newerMs === null || (f.mtimeMs !== null && f.mtimeMs >= c.newerMs)) &&
    (c.olderMs === null || (f.mtimeMs !== null && f.mtimeMs < c.olderMs));
}

const AGO_UNITS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * A date for `--newer`/`--older`: `2025-11-28` (UTC midnight), an ISO date and time
 * (`2025-11-28T15:04:05Z`), or an age back from `now`: `30m`, `12h`, `7d`, `2w`.
 * @returns ms since the epoch, or null when `text` is none of these
 */
export function parseFindDate(text: string, now: number): number | null {
  const t = text.trim();
  const ago = /^(\d+)([mhdw])$/.exec(t);
  if (ago !== null) return now - Number(ago[1]) * (AGO_UNITS[ago[2] ?? ''] ?? 0);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null;
  const iso = t.length === 10 ? `${t}T00:00:00Z` : t.replace(' ', 'T');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The words for a date `parseFindDate` refuses. */
export const FIND_DATE_HINT =
  'use a date (2025-11-28), a date and time (2025-11-28T15:04Z) or an age (30m, 12h, 7d, 2w)';
