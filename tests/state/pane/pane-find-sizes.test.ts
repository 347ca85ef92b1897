/**
 * The pane's search results (find) and counted folder sizes (Ctrl+Space, z): pure reducer steps.
 */
import { describe, expect, it } from 'vitest';
import { ANY_FILE, findMatcher, parseFindDate, searchTitle } from '../../../src/state/find/find-criteria.js';
import { dir, file, HOME, loaded, names, run } from './pane-fixtures.js';

const SEARCH = { criteria: { ...ANY_FILE, name: '*.log' }, includeHidden: false };

describe('search results in a pane', () => {
  it('a search under the same folder starts afresh (selection and filter go) and is marked', () => {
    let pane = run(
      loaded([file('a.log'), dir('sub')]),
      { type: 'toggleSelect', height: 5 },
      { type: 'setFilter', filter: 'a' },
    );
    pane = run(pane, { type: 'listingStarted', requestId: 2, location: HOME, found: SEARCH });
    expect(pane.found).toEqual(SEARCH);
    expect(pane.selection.size).toBe(0);
    expect(pane.filter).toBe('');
    pane = run(
      pane,
      { type: 'listingPage', requestId: 2, entries: [file('sub/deep.log', 5), file('a.log', 1)] },
      { type: 'listingDone', requestId: 2 },
    );
    expect(names(pane)).toEqual(['..', 'a.log', 'sub/deep.log']);
    // Listing the folder again leaves the results.
    pane = run(pane, { type: 'listingStarted', requestId: 3, location: HOME });
    expect(pane.found).toBeNull();
  });

  it('titles name the pattern and the tests used', () => {
    expect(searchTitle(SEARCH)).toBe('find "*.log"');
    expect(searchTitle({ criteria: { ...ANY_FILE, minSize: 1, olderMs: 0 }, includeHidden: true })).toBe(
      'find all files (size, date)',
    );
  });

  it('matches masks on the whole name, text anywhere in any case, sizes and dates inclusive', () => {
    const m = findMatcher({ name: '*.LOG', minSize: 2, maxSize: 4, newerMs: 10, olderMs: 20 });
    expect(m({ name: 'x.LOG', size: 2, mtimeMs: 10 })).toBe(true);
    expect(m({ name: 'x.log', size: 2, mtimeMs: 10 })).toBe(false);
    expect(m({ name: 'x.LOG', size: 5, mtimeMs: 10 })).toBe(false);
    expect(m({ name: 'x.LOG', size: 3, mtimeMs: 20 })).toBe(false);
    expect(m({ name: 'x.LOG', size: 3, mtimeMs: null })).toBe(false);
    expect(findMatcher({ ...ANY_FILE, name: 'Note' })({ name: 'my-notes.txt', size: 0, mtimeMs: null })).toBe(true);
  });

  it('reads dates, times and ages; refuses the rest', () => {
    const now = Date.UTC(2025, 10, 28, 12);
    expect(parseFindDate('2025-11-28', now)).toBe(Date.UTC(2025, 10, 28));
    expect(parseFindDate('2025-11-28T15:04Z', now)).toBe(Date.UTC(2025, 10, 28, 15, 4));
    expect(parseFindDate('7d', now)).toBe(now - 7 * 86_400_000);
    expect(parseFindDate('12h', now)).toBe(now - 12 * 3_600_000);
    for (const bad of ['yesterday', '2025-13-45', '7y', '', '-1d']) expect(parseFindDate(bad, now)).toBeNull();
  });
});

describe('counted folder sizes', () => {
  it('show on the folder and order the size sort; other rows and stale keys are untouched', () => {
    let pane = loaded([dir('small'), dir('big'), file('f', 10)]);
    const before = pane;
    expect(run(pane, { type: 'folderCounted', key: 'nope/', count: { files: 1, bytes: 1, versions: false } })).toBe(
      before,
    );
    pane = run(
      pane,
      { type: 'folderCounted', key: 'big/', count: { files: 3, bytes: 900, versions: false } },
      { type: 'folderCounted', key: 'small/', count: { files: 1, bytes: 5, versions: true } },
      { type: 'cycleSort' },
    );
    expect(pane.sort.key).toBe('size');
    expect(names(pane)).toEqual(['..', 'big', 'small', 'f']);
    expect(pane.view[0]).toMatchObject({ size: 900, counted: { files: 3, bytes: 900, versions: false } });
    expect(pane.view[1]?.counted?.versions).toBe(true);
  });
});
