/** The panes' compare marks (`c`): name by name, files by SHA1 when both know it, else size and time. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/state/model/entry.js';
import { comparePanes } from '../../../src/state/sync/pane-compare.js';
import { paneReducer } from '../../../src/state/pane/pane-reducer.js';
import { createPaneState } from '../../../src/state/pane/pane-state.js';
import { visibleRows } from '../../../src/state/pane/pane-selectors.js';

const T = 1_700_000_000_000;
const file = (name: string, size: number, mtimeMs: number | null = T, extra: Partial<Entry> = {}): Entry => ({
  name,
  path: `/x/${name}`,
  kind: 'file',
  size,
  mtimeMs,
  ...extra,
});
const dir = (name: string): Entry => ({ name, path: `/x/${name}`, kind: 'dir', size: 0, mtimeMs: null });

describe('comparePanes', () => {
  it('marks only here, newer/older (mirrored), different and same; folders only when alone', () => {
    const left = [file('a', 1), file('new', 1, T + 5), file('size', 1), file('same', 3), dir('both'), dir('mine')];
    const right = [file('new', 1), file('size', 2), file('same', 3), dir('both'), file('b', 1)];
    const [l, r] = comparePanes(left, right);
    expect(Object.fromEntries(l.marks)).toEqual({
      a: 'only',
      new: 'newer',
      size: 'different',
      same: 'same',
      'mine/': 'only',
    });
    expect(Object.fromEntries(r.marks)).toEqual({ new: 'older', size: 'different', same: 'same', b: 'only' });
    expect(l.counts).toEqual({ only: 2, newer: 1, older: 0, different: 1, same: 1 });
  });

  it('SHA1 decides when both sides know it; hidden names count as absent', () => {
    const sha = (c: string) => ({ sha1: c.repeat(40) });
    const [l] = comparePanes(
      [file('h', 4, T + 9, sha('a')), file('d', 4, T, sha('a')), file('gone', 1)],
      [file('h', 4, T, sha('a')), file('d', 4, T, sha('b')), file('gone', 1, T, { hidden: true })],
    );
    expect(Object.fromEntries(l.marks)).toEqual({ h: 'same', d: 'different', gone: 'only' });
  });

  it('rows carry their mark, and a new listing clears the marks', () => {
    let pane = createPaneState({ kind: 'local', path: '/x' }, { viewportHeight: 10 });
    pane = paneReducer(pane, { type: 'listingStarted', requestId: 1, location: pane.location });
    pane = paneReducer(pane, { type: 'listingPage', requestId: 1, entries: [file('a', 1)] });
    const [marks] = comparePanes(pane.entries, []);
    pane = paneReducer(pane, { type: 'setCompare', compare: marks });
    expect(visibleRows(pane).map((r) => r.mark)).toEqual([null, 'only']);
    pane = paneReducer(pane, { type: 'listingStarted', requestId: 2, location: pane.location });
    expect(pane.compare).toBeNull();
  });
});
