import { describe, expect, it } from 'vitest';
import { appReducer, type AppAction } from '../../../src/state/app/app-reducer.js';
import {
  activePane,
  createAppState,
  inactivePane,
  keyContextFor,
  type AppState,
} from '../../../src/state/app/app-state.js';
import { b2PaneLocation, localPaneLocation } from '../../../src/state/location/pane-location.js';
import { file } from '../pane/pane-fixtures.js';

const LEFT = localPaneLocation('/home/me');
const RIGHT = b2PaneLocation('work', 'photos');

function run(state: AppState, ...actions: AppAction[]): AppState {
  return actions.reduce(appReducer, state);
}

function fresh(): AppState {
  return run(
    createAppState(LEFT, RIGHT, { showHidden: true }),
    { type: 'pane', side: 'left', action: { type: 'listingStarted', requestId: 1, location: LEFT } },
    {
      type: 'pane',
      side: 'left',
      action: { type: 'listingPage', requestId: 1, entries: [file('a.txt'), file('b.jpg')] },
    },
    { type: 'pane', side: 'right', action: { type: 'listingStarted', requestId: 2, location: RIGHT } },
    { type: 'pane', side: 'right', action: { type: 'listingPage', requestId: 2, entries: [file('x.jpg')] } },
  );
}

describe('appReducer', () => {
  it('routes pane actions to the active pane unless a side is named', () => {
    let s = fresh();
    s = run(s, { type: 'pane', action: { type: 'moveCursor', move: 'down', height: 5 } });
    expect(s.panes.left.cursor).toBe(1);
    expect(s.panes.right.cursor).toBe(0);
    s = run(s, { type: 'switchPane' }, { type: 'pane', action: { type: 'moveCursor', move: 'down', height: 5 } });
    expect(s.active).toBe('right');
    expect(activePane(s).location).toEqual(RIGHT);
    expect(inactivePane(s).location).toEqual(LEFT);
    expect(s.panes.right.cursor).toBe(1);
  });

  it('delivers listing pages to their pane after the user switched away', () => {
    let s = run(fresh(), { type: 'switchPane' });
    s = run(s, { type: 'pane', side: 'left', action: { type: 'listingPage', requestId: 1, entries: [file('c.txt')] } });
    expect(s.panes.left.view.map((e) => e.name)).toEqual(['a.txt', 'b.jpg', 'c.txt']);
  });

  it('returns the same state for a stale page', () => {
    const s = fresh();
    expect(
      run(s, { type: 'pane', side: 'left', action: { type: 'listingPage', requestId: 99, entries: [file('z')] } }),
    ).toBe(s);
  });

  it('applies the filter while typing and restores it on cancel', () => {
    const s = run(fresh(), { type: 'startFilter' }, { type: 'editFilter', draft: 'jp' });
    expect(s.mode).toEqual({ kind: 'filter', side: 'left', draft: 'jp', previous: '' });
    expect(keyContextFor(s.mode)).toBe('dialog');
    expect(s.panes.left.view.map((e) => e.name)).toEqual(['b.jpg']);
    const committed = run(s, { type: 'commitFilter' });
    expect(committed.mode).toEqual({ kind: 'normal' });
    expect(committed.panes.left.filter).toBe('jp');
    const cancelled = run(s, { type: 'cancelFilter' });
    expect(cancelled.panes.left.filter).toBe('');
    expect(cancelled.panes.left.view).toHaveLength(2);
  });

  it('ignores filter edits outside filter input', () => {
    const s = fresh();
    expect(run(s, { type: 'editFilter', draft: 'x' })).toBe(s);
  });

  it('opens dialogs from the panes or the queue and returns there', () => {
    let s = run(fresh(), { type: 'openDialog' });
    expect(s.mode).toEqual({ kind: 'dialog', origin: 'normal' });
    expect(keyContextFor(s.mode)).toBe('dialog');
    expect(run(s, { type: 'openDialog' })).toBe(s);
    s = run(s, { type: 'closeDialog' }, { type: 'toggleQueueFocus' });
    expect(keyContextFor(s.mode)).toBe('queue');
    s = run(s, { type: 'openDialog' }, { type: 'closeDialog' });
    expect(s.mode).toEqual({ kind: 'queue' });
    s = run(s, { type: 'toggleQueueFocus' });
    expect(s.mode).toEqual({ kind: 'normal' });
  });

  it('opens, scrolls and closes help', () => {
    let s = run(fresh(), { type: 'toggleQueueFocus' }, { type: 'openHelp' }, { type: 'scrollHelp', offset: 12 });
    expect(s.mode).toEqual({ kind: 'help', offset: 12, origin: 'queue' });
    expect(keyContextFor(s.mode)).toBe('help');
    s = run(s, { type: 'scrollHelp', offset: -3 });
    expect(s.mode).toMatchObject({ offset: 0 });
    s = run(s, { type: 'closeHelp' });
    expect(s.mode).toEqual({ kind: 'queue' });
  });

  it('enters and leaves the wizard', () => {
    const s = run(fresh(), { type: 'openWizard' });
    expect(keyContextFor(s.mode)).toBe('wizard');
    expect(run(s, { type: 'closeWizard' }).mode).toEqual({ kind: 'normal' });
  });

  it('sets and clears the status line', () => {
    let s = run(fresh(), { type: 'setStatus', text: 'Delete needs the deleteFiles capability', tone: 'error' });
    expect(s.status).toEqual({ text: 'Delete needs the deleteFiles capability', tone: 'error' });
    s = run(s, { type: 'setStatus', text: 'Copied' });
    expect(s.status).toEqual({ text: 'Copied', tone: 'info' });
    s = run(s, { type: 'clearStatus' });
    expect(s.status).toBeNull();
    expect(run(s, { type: 'clearStatus' })).toBe(s);
  });
});
