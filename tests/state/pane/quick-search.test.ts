import { describe, expect, it } from 'vitest';
import { appReducer } from '../../../src/state/app/app-reducer.js';
import { createAppState, type AppState } from '../../../src/state/app/app-state.js';
import type { Entry } from '../../../src/state/model/entry.js';
import { entryAtRow } from '../../../src/state/pane/pane-state.js';

const file = (name: string): Entry => ({ name, path: `/d/${name}`, kind: 'file', size: 1, mtimeMs: 0 });
const AT = { kind: 'local' as const, path: '/d' };

/** An app whose left pane lists `names` (with a `..` row, as a subfolder has). */
function appWith(names: string[]): AppState {
  let s = createAppState(AT, AT);
  const pane = (action: Parameters<typeof appReducer>[1]) => (s = appReducer(s, action));
  pane({ type: 'pane', side: 'left', action: { type: 'listingStarted', requestId: 1, location: AT } });
  pane({ type: 'pane', side: 'left', action: { type: 'listingPage', requestId: 1, entries: names.map(file) } });
  pane({ type: 'pane', side: 'left', action: { type: 'listingDone', requestId: 1 } });
  pane({ type: 'pane', side: 'left', action: { type: 'viewportResized', height: 10 } });
  return s;
}

const cursorName = (s: AppState): string | undefined => entryAtRow(s.panes.left, s.panes.left.cursor)?.name;
const type = (s: AppState, text: string): AppState => appReducer(s, { type: 'editQuickSearch', text });

describe('quick search', () => {
  const names = ['alpha', 'beta', 'Report-2.txt', 'report-10.txt', 'xreport', 'zeta'];

  it('jumps to the first name starting with the text, case ignored, as letters are typed', () => {
    let s = appReducer(appWith(names), { type: 'startQuickSearch' });
    expect(s.mode).toEqual({ kind: 'quickSearch', side: 'left', text: '', found: true });
    // Listed order: alpha, beta, report-10.txt, Report-2.txt, xreport, zeta.
    s = type(s, 'r');
    expect(cursorName(s)).toBe('report-10.txt');
    s = type(s, 're');
    expect(cursorName(s)).toBe('report-10.txt');
    s = type(s, 'REPORT-2');
    expect(cursorName(s)).toBe('Report-2.txt');
  });

  it('prefers a name that starts with the text over one that contains it earlier', () => {
    let s = appReducer(appWith(['xeta', 'zeta', 'eta']), { type: 'startQuickSearch' });
    s = type(s, 'eta');
    expect(cursorName(s)).toBe('eta');
    s = type(s, 'et');
    expect(cursorName(s)).toBe('eta');
  });

  it('falls back to a name that contains the text, and says when nothing matches (cursor stays)', () => {
    let s = appReducer(appWith(names), { type: 'startQuickSearch' });
    s = type(s, 'eta');
    expect(cursorName(s)).toBe('beta');
    s = type(s, 'etaq');
    expect(cursorName(s)).toBe('beta');
    expect(s.mode).toMatchObject({ found: false });
    // Backspace: the text is edited and matches again.
    s = type(s, 'eta');
    expect(s.mode).toMatchObject({ found: true });
  });

  it('goes to the next match below, wrapping round; prefix matches first', () => {
    let s = appReducer(appWith(names), { type: 'startQuickSearch' });
    s = type(s, 'rep');
    expect(cursorName(s)).toBe('report-10.txt');
    s = appReducer(s, { type: 'nextQuickMatch' });
    expect(cursorName(s)).toBe('Report-2.txt');
    // xreport only contains the text: the prefix matches come round again first.
    s = appReducer(s, { type: 'nextQuickMatch' });
    expect(cursorName(s)).toBe('report-10.txt');
  });

  it('leaves with the cursor where it is; edits outside quick search are ignored', () => {
    let s = appReducer(appWith(names), { type: 'startQuickSearch' });
    s = type(s, 'z');
    s = appReducer(s, { type: 'endQuickSearch' });
    expect(s.mode).toEqual({ kind: 'normal' });
    expect(cursorName(s)).toBe('zeta');
    expect(type(s, 'a')).toBe(s);
  });
});
