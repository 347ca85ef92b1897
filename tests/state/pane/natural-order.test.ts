import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../../src/state/pane/natural-order.js';
import { entryComparator } from '../../../src/state/pane/pane-rows.js';
import { createPaneState } from '../../../src/state/pane/pane-state.js';
import { paneReducer } from '../../../src/state/pane/pane-reducer.js';
import type { Entry } from '../../../src/state/model/entry.js';

const sorted = (names: string[]): string[] => [...names].sort(compareNatural);

describe('compareNatural', () => {
  it('compares numbers inside names by value', () => {
    expect(sorted(['f10', 'f2', 'f1', 'f20', 'f3'])).toEqual(['f1', 'f2', 'f3', 'f10', 'f20']);
    expect(sorted(['img12.jpg', 'img2.jpg', 'img1.jpg'])).toEqual(['img1.jpg', 'img2.jpg', 'img12.jpg']);
    expect(sorted(['v1.10.0', 'v1.9.2', 'v1.2.10', 'v1.2.9'])).toEqual(['v1.2.9', 'v1.2.10', 'v1.9.2', 'v1.10.0']);
  });

  it('handles numbers longer than any number type', () => {
    expect(sorted(['x99999999999999999999', 'x100000000000000000000', 'x5'])).toEqual([
      'x5',
      'x99999999999999999999',
      'x100000000000000000000',
    ]);
  });

  it('ignores leading zeros for the value, then puts fewer zeros first', () => {
    expect(sorted(['f010', 'f9', 'f01', 'f1', 'f001'])).toEqual(['f1', 'f01', 'f001', 'f9', 'f010']);
    expect(compareNatural('a0', 'a00')).toBeLessThan(0);
  });

  it('ignores case, with a total order for names that differ only in case', () => {
    expect(sorted(['B2', 'a10', 'A2', 'b1'])).toEqual(['A2', 'a10', 'b1', 'B2']);
    expect(compareNatural('File', 'file')).not.toBe(0);
    expect(Math.sign(compareNatural('File', 'file'))).toBe(-Math.sign(compareNatural('file', 'File')));
  });

  it('folds the case of non-ASCII letters and keeps other scripts in code-point order', () => {
    expect(sorted(['été10', 'Été2', 'zèbre'])).toEqual(['zèbre', 'Été2', 'été10'].sort(compareNatural));
    expect(Math.sign(compareNatural('Été2', 'été10'))).toBe(-1);
    expect(sorted(['日本2', '日本10', '日本1'])).toEqual(['日本1', '日本2', '日本10']);
    // Arabic-Indic digits are text, not numbers.
    expect(compareNatural('\u0662', '\u0661\u0660')).toBeGreaterThan(0);
  });

  it('puts a shorter name that is a prefix first and numbers before letters', () => {
    expect(sorted(['f1a', 'f1', 'fa', 'f'])).toEqual(['f', 'f1', 'f1a', 'fa']);
  });

  it('is 0 only for identical names', () => {
    expect(compareNatural('same9', 'same9')).toBe(0);
    expect(compareNatural('', '')).toBe(0);
    expect(compareNatural('', 'a')).toBeLessThan(0);
  });
});

describe('natural sort in a pane', () => {
  const file = (name: string): Entry => ({ name, path: `/${name}`, kind: 'file', size: 1, mtimeMs: 0 });
  const dir = (name: string): Entry => ({ name, path: `/${name}`, kind: 'dir', size: 0, mtimeMs: null });

  it('orders names naturally only when the spec says so, folders still first', () => {
    const entries = [file('f10'), file('f2'), dir('d10'), dir('d9')];
    const plain = [...entries].sort(entryComparator({ key: 'name', reverse: false })).map((e) => e.name);
    const natural = [...entries]
      .sort(entryComparator({ key: 'name', reverse: false, natural: true }))
      .map((e) => e.name);
    expect(plain).toEqual(['d10', 'd9', 'f10', 'f2']);
    expect(natural).toEqual(['d9', 'd10', 'f2', 'f10']);
  });

  it('toggleNatural flips the order and keeps the sort key and direction', () => {
    const at = { kind: 'local' as const, path: '/' };
    let p = createPaneState(at, { sort: { key: 'name', reverse: true } });
    p = paneReducer(p, { type: 'listingStarted', requestId: 1, location: at });
    p = paneReducer(p, { type: 'listingPage', requestId: 1, entries: [file('f2'), file('f10')] });
    expect(p.view.map((e) => e.name)).toEqual(['f2', 'f10']);
    p = paneReducer(p, { type: 'toggleNatural' });
    expect(p.sort).toEqual({ key: 'name', reverse: true, natural: true });
    expect(p.view.map((e) => e.name)).toEqual(['f10', 'f2']);
    p = paneReducer(p, { type: 'cycleSort' });
    expect(p.sort.natural).toBe(true);
    p = paneReducer(p, { type: 'toggleNatural' });
    expect(p.sort.natural).toBe(false);
  });
});
