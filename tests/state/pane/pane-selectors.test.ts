import { describe, expect, it } from 'vitest';
import { createPaneState, PARENT_ROW_KEY } from '../../../src/state/pane/pane-state.js';
import {
  cursorEntry,
  cursorOnParent,
  footerCounts,
  operationTargets,
  selectedEntries,
  selectionSummary,
  visibleRows,
} from '../../../src/state/pane/pane-selectors.js';
import { dir, file, HOME, loaded, run } from './pane-fixtures.js';

const entries = [dir('d1'), dir('d2'), file('a', 100), file('b', 2000), file('.hidden', 5), file('c', 30)];

describe('visibleRows', () => {
  it('returns only the rows in the viewport, with cursor and selection marks', () => {
    let p = loaded(entries, { height: 3 });
    p = run(p, { type: 'moveCursor', move: 'end', height: 3 }, { type: 'toggleSelect', height: 3 });
    const rows = visibleRows(p);
    expect(rows.map((r) => [r.index, r.entry?.name, r.isCursor, r.selected])).toEqual([
      [4, 'a', false, false],
      [5, 'b', false, false],
      [6, 'c', true, true],
    ]);
  });

  it('represents `..` with a null entry, never selected', () => {
    const rows = visibleRows(loaded(entries, { height: 2 }));
    expect(rows[0]).toEqual({
      index: 0,
      key: PARENT_ROW_KEY,
      entry: null,
      selected: false,
      isCursor: true,
      mark: null,
    });
    expect(rows[1]?.key).toBe('d1/');
  });

  it('accepts an explicit slice and stays inside the list', () => {
    const p = loaded(entries);
    expect(visibleRows(p, 5, 10).map((r) => r.entry?.name)).toEqual(['b', 'c']);
    expect(visibleRows(p, 0, 0)).toEqual([]);
  });
});

describe('cursor and targets', () => {
  it('knows the entry under the cursor', () => {
    let p = loaded(entries);
    expect(cursorEntry(p)).toBeNull();
    expect(cursorOnParent(p)).toBe(true);
    p = run(p, { type: 'moveCursor', move: 'down', height: 5 });
    expect(cursorEntry(p)?.name).toBe('d1');
    expect(cursorOnParent(p)).toBe(false);
  });

  it('acts on the selection when there is one, else on the cursor entry, never on `..`', () => {
    let p = loaded(entries);
    expect(operationTargets(p)).toEqual([]);
    p = run(p, { type: 'setCursor', index: 4, height: 5 });
    expect(operationTargets(p).map((e) => e.name)).toEqual(['a']);
    p = run(p, { type: 'selectByMask', mask: '[bc]' });
    expect(operationTargets(p).map((e) => e.name)).toEqual(['b', 'c']);
    expect(selectedEntries(p).map((e) => e.path)).toEqual(['/x/b', '/x/c']);
  });
});

describe('summaries', () => {
  it('sums the selection', () => {
    const p = run(loaded(entries), { type: 'selectByMask', mask: '*', includeDirs: true });
    expect(selectionSummary(p)).toEqual({ count: 6, files: 4, dirs: 2, bytes: 2135 });
  });

  it('gives the footer its numbers, including what is not shown', () => {
    let p = loaded(entries, { showHidden: false });
    p = run(p, { type: 'setFilter', filter: 'b' }, { type: 'invertSelection' });
    expect(footerCounts(p)).toEqual({
      shown: { count: 1, files: 1, dirs: 0, bytes: 2000 },
      notShown: 5,
      selected: { count: 1, files: 1, dirs: 0, bytes: 2000 },
      loading: null,
      error: null,
      unlisted: null,
    });
  });

  it('reports loading progress and errors', () => {
    let p = run(
      createPaneState(HOME),
      { type: 'listingStarted', requestId: 3, location: HOME },
      { type: 'listingPage', requestId: 3, entries: [file('x')] },
    );
    expect(footerCounts(p).loading).toBe(1);
    p = run(p, { type: 'listingFailed', requestId: 3, message: 'boom' });
    expect(footerCounts(p)).toMatchObject({ loading: null, error: 'boom' });
  });

  it('a place the key may write to but not list: no rows, and what the key may do for the footer', () => {
    const p = run(
      createPaneState(HOME),
      { type: 'listingStarted', requestId: 4, location: HOME },
      { type: 'listingWithheld', requestId: 3, note: 'stale', may: 'stale' },
      {
        type: 'listingWithheld',
        requestId: 4,
        note: 'This key may upload here but not list.',
        may: 'may upload, not list',
      },
    );
    expect(p.load).toEqual({
      stage: 'unlisted',
      note: 'This key may upload here but not list.',
      may: 'may upload, not list',
    });
    expect(footerCounts(p)).toMatchObject({
      shown: { count: 0 },
      unlisted: 'may upload, not list',
      error: null,
      loading: null,
    });
  });
});

describe('a 100,000-entry listing', () => {
  it('streams in pages and moves the cursor without copying the rows', () => {
    let p = run(createPaneState(HOME, { viewportHeight: 40, showHidden: true }), {
      type: 'listingStarted',
      requestId: 1,
      location: HOME,
    });
    for (let page = 0; page < 100; page++) {
      const batch = Array.from({ length: 1000 }, (_, i) => file(`f${String(i * 100 + page).padStart(6, '0')}`, i));
      p = run(p, { type: 'listingPage', requestId: 1, entries: batch });
    }
    p = run(p, { type: 'listingDone', requestId: 1 });
    expect(p.entries).toHaveLength(100_000);
    expect(p.view).toBe(p.entries);
    expect(p.entries[0]?.name).toBe('f000000');
    expect(p.entries[99_999]?.name).toBe('f099999');
    const moved = run(p, { type: 'moveCursor', move: 'pageDown', height: 40 });
    expect(moved.entries).toBe(p.entries);
    expect(moved.view).toBe(p.view);
    // Rows 0–39 are visible: `..` and f000000–f000038, the cursor on the last.
    expect(moved.cursor).toBe(39);
    expect(
      visibleRows(moved)
        .map((r) => r.entry?.name)
        .slice(-1),
    ).toEqual(['f000038']);
  });
});
