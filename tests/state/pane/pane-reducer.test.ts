import { describe, expect, it } from 'vitest';
import { b2PaneLocation, localPaneLocation } from '../../../src/state/location/pane-location.js';
import { createPaneState } from '../../../src/state/pane/pane-state.js';
import { cursorName, dir, file, HOME, loaded, names, ROOT, BUCKETS, run } from './pane-fixtures.js';

const ten = Array.from({ length: 10 }, (_, i) => file(`f${i}`));

describe('listing lifecycle', () => {
  it('streams pages in sorted order with the loaded count, then finishes', () => {
    let p = run(createPaneState(HOME), { type: 'listingStarted', requestId: 7, location: HOME });
    expect(p.load).toEqual({ stage: 'loading', loaded: 0 });
    expect(names(p)).toEqual(['..']);
    p = run(p, { type: 'listingPage', requestId: 7, entries: [file('b'), dir('zdir')] });
    expect(p.load).toEqual({ stage: 'loading', loaded: 2 });
    p = run(p, { type: 'listingPage', requestId: 7, entries: [file('a'), dir('adir')] });
    expect(names(p)).toEqual(['..', 'adir', 'zdir', 'a', 'b']);
    expect(p.load).toEqual({ stage: 'loading', loaded: 4 });
    p = run(p, { type: 'listingDone', requestId: 7 });
    expect(p.load).toEqual({ stage: 'loaded' });
  });

  it('keeps the extra fields of the entries it is given', () => {
    const p = loaded([file('a', 1, 0, { path: '/somewhere/a' })]);
    expect(p.view[0]?.path).toBe('/somewhere/a');
  });

  it('drops pages, completion and failures of stale requests', () => {
    let p = run(createPaneState(HOME), { type: 'listingStarted', requestId: 1, location: HOME });
    p = run(p, { type: 'listingStarted', requestId: 2, location: localPaneLocation('/tmp') });
    const before = p;
    p = run(
      p,
      { type: 'listingPage', requestId: 1, entries: [file('stale')] },
      { type: 'listingDone', requestId: 1 },
      { type: 'listingFailed', requestId: 1, message: 'x' },
    );
    expect(p).toBe(before);
    p = run(p, { type: 'listingPage', requestId: 2, entries: [file('fresh')] });
    expect(names(p)).toEqual(['..', 'fresh']);
  });

  it('records a failure with its message and keeps what loaded', () => {
    let p = run(createPaneState(HOME), { type: 'listingStarted', requestId: 1, location: HOME });
    p = run(
      p,
      { type: 'listingPage', requestId: 1, entries: [file('a')] },
      { type: 'listingFailed', requestId: 1, message: 'Permission denied' },
    );
    expect(p.load).toEqual({ stage: 'error', message: 'Permission denied' });
    expect(names(p)).toEqual(['..', 'a']);
  });

  it('shows `..` except at a root', () => {
    expect(names(loaded([file('a')], { location: ROOT }))).toEqual(['a']);
    expect(names(loaded([file('a')], { location: BUCKETS }))).toEqual(['a']);
    expect(names(loaded([file('a')], { location: b2PaneLocation('work', 'photos') }))).toEqual(['..', 'a']);
  });

  it('clears selection and filter for another location, keeps them on refresh', () => {
    let p = run(
      loaded([file('a'), file('b')]),
      { type: 'setCursor', index: 1, height: 5 },
      { type: 'toggleSelect', height: 5 },
      { type: 'setFilter', filter: 'a' },
    );
    expect([...p.selection]).toEqual(['a']);
    const refreshed = run(p, { type: 'listingStarted', requestId: 2, location: HOME });
    expect([...refreshed.selection]).toEqual(['a']);
    expect(refreshed.filter).toBe('a');
    p = run(p, { type: 'listingStarted', requestId: 2, location: localPaneLocation('/tmp') });
    expect(p.selection.size).toBe(0);
    expect(p.filter).toBe('');
  });

  it('forgets selected names that did not come back after a refresh', () => {
    let p = run(loaded([file('a'), file('b')]), { type: 'invertSelection' });
    p = run(
      p,
      { type: 'listingStarted', requestId: 2, location: HOME },
      { type: 'listingPage', requestId: 2, entries: [file('b')] },
      { type: 'listingDone', requestId: 2 },
    );
    expect([...p.selection]).toEqual(['b']);
  });
});

describe('cursor and scrolling', () => {
  it('moves within bounds and scrolls to follow the cursor', () => {
    let p = loaded(ten, { height: 4 }); // rows: .., f0..f9 (11 rows)
    p = run(p, { type: 'moveCursor', move: 'up', height: 4 });
    expect(p.cursor).toBe(0);
    for (let i = 0; i < 5; i++) p = run(p, { type: 'moveCursor', move: 'down', height: 4 });
    expect(cursorName(p)).toBe('f4');
    expect(p.scrollOffset).toBe(2); // rows 2..5 visible, cursor on the last
    p = run(p, { type: 'moveCursor', move: 'end', height: 4 });
    expect(cursorName(p)).toBe('f9');
    expect(p.scrollOffset).toBe(7);
    p = run(p, { type: 'moveCursor', move: 'down', height: 4 });
    expect(p.cursor).toBe(10);
    p = run(p, { type: 'moveCursor', move: 'home', height: 4 });
    expect([p.cursor, p.scrollOffset]).toEqual([0, 0]);
  });

  it('pages by height − 1 rows and clamps', () => {
    let p = loaded(ten, { height: 4 });
    p = run(p, { type: 'moveCursor', move: 'pageDown', height: 4 });
    expect(p.cursor).toBe(3);
    p = run(
      p,
      { type: 'moveCursor', move: 'pageDown', height: 4 },
      { type: 'moveCursor', move: 'pageDown', height: 4 },
      { type: 'moveCursor', move: 'pageDown', height: 4 },
    );
    expect(p.cursor).toBe(10);
    p = run(p, { type: 'moveCursor', move: 'pageUp', height: 4 });
    expect(p.cursor).toBe(7);
    expect(p.scrollOffset).toBe(7);
  });

  it('keeps the cursor in an empty list at 0', () => {
    const p = run(
      loaded([], { location: ROOT }),
      { type: 'moveCursor', move: 'down', height: 4 },
      { type: 'moveCursor', move: 'end', height: 4 },
    );
    expect(p.cursor).toBe(0);
  });

  it('clamps setCursor and refits the scroll on resize', () => {
    let p = run(loaded(ten, { height: 4 }), { type: 'setCursor', index: 99, height: 4 });
    expect(p.cursor).toBe(10);
    p = run(p, { type: 'viewportResized', height: 8 });
    expect(p.scrollOffset).toBe(3); // no blank rows below the end
    p = run(p, { type: 'viewportResized', height: 20 });
    expect(p.scrollOffset).toBe(0);
  });

  it('keeps the cursor on the same entry while pages arrive', () => {
    let p = run(createPaneState(HOME, { viewportHeight: 5 }), { type: 'listingStarted', requestId: 1, location: HOME });
    p = run(
      p,
      { type: 'listingPage', requestId: 1, entries: [file('m'), file('n')] },
      { type: 'setCursor', index: 2, height: 5 },
    );
    expect(cursorName(p)).toBe('n');
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('a'), file('b'), dir('d')] });
    expect(cursorName(p)).toBe('n');
  });

  it('lands on the focus row when it arrives (coming back from a directory)', () => {
    let p = run(createPaneState(HOME, { viewportHeight: 3 }), {
      type: 'listingStarted',
      requestId: 1,
      location: HOME,
      focusKey: 'sub/',
    });
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('a'), file('b')] });
    expect(p.cursor).toBe(0);
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('x'), file('y'), dir('sub')] });
    expect(cursorName(p)).toBe('sub');
    p = run(p, { type: 'listingPage', requestId: 1, entries: [dir('aaa')] });
    expect(cursorName(p)).toBe('sub');
  });

  it('clears a filter that hides the focus row when it arrives (a folder just made, a file just renamed)', () => {
    let p = run(loaded([file('notes.md'), file('report.pdf')]), { type: 'setFilter', filter: 'report' });
    expect(names(p)).toEqual(['..', 'report.pdf']);
    p = run(p, { type: 'listingStarted', requestId: 2, location: HOME, focusKey: 'new-folder/', reveal: true });
    p = run(p, { type: 'listingPage', requestId: 2, entries: [file('report.pdf'), file('notes.md')] });
    expect(p.filter).toBe('report');
    p = run(p, { type: 'listingPage', requestId: 2, entries: [dir('new-folder')] });
    expect(p.filter).toBe('');
    expect(cursorName(p)).toBe('new-folder');
  });

  it('keeps the filter when the focus row is only where the cursor was (a refresh)', () => {
    let p = run(loaded([file('notes.md'), file('report.pdf')]), {
      type: 'listingStarted',
      requestId: 2,
      location: HOME,
      focusKey: 'notes.md',
    });
    // The filter typed while the refresh loads hides the row the cursor was on: it stays.
    p = run(
      p,
      { type: 'setFilter', filter: 'report' },
      { type: 'listingPage', requestId: 2, entries: [file('report.pdf'), file('notes.md')] },
    );
    expect(p.filter).toBe('report');
    expect(names(p)).toEqual(['..', 'report.pdf']);
  });

  it('does not jump to the focus row after the user moved', () => {
    let p = run(createPaneState(HOME, { viewportHeight: 3 }), {
      type: 'listingStarted',
      requestId: 1,
      location: HOME,
      focusKey: 'z',
    });
    p = run(
      p,
      { type: 'listingPage', requestId: 1, entries: [file('a')] },
      { type: 'moveCursor', move: 'down', height: 3 },
    );
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('z')] });
    expect(cursorName(p)).toBe('a');
  });
});

describe('sorting', () => {
  const entries = [
    file('b.txt', 300, 1000),
    file('A.txt', 100, 3000),
    dir('zeta', 5000),
    file('c.txt', 200, null),
    dir('Alpha', 1),
  ];

  it('puts directories first, then names case-insensitively', () => {
    expect(names(loaded(entries))).toEqual(['..', 'Alpha', 'zeta', 'A.txt', 'b.txt', 'c.txt']);
  });

  it('cycles name → size (largest first) → date (newest first, unknown last) → name', () => {
    let p = run(loaded(entries), { type: 'cycleSort' });
    expect(p.sort).toEqual({ key: 'size', reverse: false });
    expect(names(p)).toEqual(['..', 'Alpha', 'zeta', 'b.txt', 'c.txt', 'A.txt']);
    p = run(p, { type: 'cycleSort' });
    expect(names(p)).toEqual(['..', 'zeta', 'Alpha', 'A.txt', 'b.txt', 'c.txt']);
    p = run(p, { type: 'cycleSort' });
    expect(p.sort.key).toBe('name');
  });

  it('reverses within the groups, directories still first', () => {
    const p = run(loaded(entries), { type: 'reverseSort' });
    expect(names(p)).toEqual(['..', 'zeta', 'Alpha', 'c.txt', 'b.txt', 'A.txt']);
  });

  it('keeps the cursor on its entry when the order changes', () => {
    let p = run(loaded(entries), { type: 'setCursor', index: 3, height: 5 });
    expect(cursorName(p)).toBe('A.txt');
    p = run(p, { type: 'setSort', sort: { key: 'size', reverse: false } });
    expect(cursorName(p)).toBe('A.txt');
  });

  it('merges later pages into the current sort order', () => {
    let p = run(createPaneState(HOME, { sort: { key: 'size', reverse: false } }), {
      type: 'listingStarted',
      requestId: 1,
      location: HOME,
    });
    p = run(
      p,
      { type: 'listingPage', requestId: 1, entries: [file('s', 1), file('l', 100)] },
      { type: 'listingPage', requestId: 1, entries: [file('m', 50)] },
    );
    expect(names(p)).toEqual(['..', 'l', 'm', 's']);
  });

  it('keeps a B2 file and folder of the same name apart', () => {
    const p = run(loaded([file('a'), dir('a')]), { type: 'invertSelection', includeDirs: false });
    expect(names(p)).toEqual(['..', 'a', 'a']);
    expect([...p.selection]).toEqual(['a']);
  });
});

describe('filter and hidden entries', () => {
  const entries = [
    file('.env'),
    file('Report.pdf'),
    file('notes.txt'),
    dir('reports'),
    file('gone', 1, 0, { hidden: true }),
  ];

  it('hides dotfiles and B2 hidden files unless showHidden', () => {
    let p = loaded(entries, { showHidden: false });
    expect(names(p)).toEqual(['..', 'reports', 'notes.txt', 'Report.pdf']);
    p = run(p, { type: 'toggleHidden' });
    expect(names(p)).toEqual(['..', 'reports', '.env', 'gone', 'notes.txt', 'Report.pdf']);
  });

  it('filters by case-insensitive text, or by mask when it has wildcards', () => {
    let p = run(loaded(entries), { type: 'setFilter', filter: 'REPORT' });
    expect(names(p)).toEqual(['..', 'reports', 'Report.pdf']);
    p = run(p, { type: 'setFilter', filter: '*.txt' });
    expect(names(p)).toEqual(['..', 'notes.txt']);
    p = run(p, { type: 'setFilter', filter: '' });
    expect(names(p)).toHaveLength(6);
  });

  it('reads brackets without wildcards as text', () => {
    const p = run(loaded([file('report [2024].pdf'), file('2.pdf')]), { type: 'setFilter', filter: '[2024]' });
    expect(names(p)).toEqual(['..', 'report [2024].pdf']);
  });

  it('applies the filter to pages that arrive later', () => {
    let p = run(createPaneState(HOME, { showHidden: true }), { type: 'listingStarted', requestId: 1, location: HOME });
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('a.txt')] }, { type: 'setFilter', filter: 'txt' });
    p = run(p, { type: 'listingPage', requestId: 1, entries: [file('b.txt'), file('c.jpg')] });
    expect(names(p)).toEqual(['..', 'a.txt', 'b.txt']);
  });

  it('unselects what the filter hides and clamps the cursor', () => {
    let p = run(loaded(entries), { type: 'invertSelection' }, { type: 'moveCursor', move: 'end', height: 5 });
    p = run(p, { type: 'setFilter', filter: 'notes' });
    expect([...p.selection]).toEqual(['notes.txt']);
    expect(cursorName(p)).toBe('notes.txt');
  });
});

describe('selection', () => {
  const entries = [
    dir('pics'),
    file('a.jpg', 10),
    file('b.JPG', 20),
    file('c.png', 30),
    file('report-01.pdf'),
    file('report-1.pdf'),
  ];

  it('toggles the cursor row and moves down, never selecting `..`', () => {
    let p = run(loaded(entries), { type: 'toggleSelect', height: 5 });
    expect(p.selection.size).toBe(0);
    expect(p.cursor).toBe(1);
    p = run(p, { type: 'toggleSelect', height: 5 }, { type: 'toggleSelect', height: 5 });
    expect([...p.selection].sort()).toEqual(['a.jpg', 'pics/']);
    p = run(p, { type: 'setCursor', index: 2, height: 5 }, { type: 'toggleSelect', height: 5 });
    expect([...p.selection]).toEqual(['pics/']);
  });

  it('selects and unselects files by mask, case-sensitively by default', () => {
    let p = run(loaded(entries), { type: 'selectByMask', mask: '*.jpg' });
    expect([...p.selection]).toEqual(['a.jpg']);
    p = run(p, { type: 'selectByMask', mask: '*.jpg', caseSensitive: false });
    expect([...p.selection].sort()).toEqual(['a.jpg', 'b.JPG']);
    p = run(p, { type: 'selectByMask', mask: 'report-??.pdf' });
    expect(p.selection.has('report-01.pdf')).toBe(true);
    expect(p.selection.has('report-1.pdf')).toBe(false);
    p = run(p, { type: 'unselectByMask', mask: '*.{jpg,JPG}' });
    expect([...p.selection]).toEqual(['report-01.pdf']);
  });

  it('leaves directories alone unless asked', () => {
    let p = run(loaded(entries), { type: 'selectByMask', mask: '*' });
    expect(p.selection.has('pics/')).toBe(false);
    p = run(p, { type: 'selectByMask', mask: '*', includeDirs: true });
    expect(p.selection.has('pics/')).toBe(true);
  });

  it('inverts files and keeps directory selection as it was', () => {
    let p = run(
      loaded(entries),
      { type: 'setCursor', index: 1, height: 5 },
      { type: 'toggleSelect', height: 5 },
      { type: 'toggleSelect', height: 5 },
    );
    expect([...p.selection].sort()).toEqual(['a.jpg', 'pics/']);
    p = run(p, { type: 'invertSelection' });
    expect([...p.selection].sort()).toEqual(['b.JPG', 'c.png', 'pics/', 'report-01.pdf', 'report-1.pdf']);
  });

  it('clears the selection', () => {
    const p = run(loaded(entries), { type: 'invertSelection' }, { type: 'clearSelection' });
    expect(p.selection.size).toBe(0);
  });
});
