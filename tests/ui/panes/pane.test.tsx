/**
 * The pane component on its own: what it shows for a given pane state.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../../src/providers/types.js';
import { b2PaneLocation, localPaneLocation, type PaneLocation } from '../../../src/state/location/pane-location.js';
import { paneReducer, type PaneAction } from '../../../src/state/pane/pane-reducer.js';
import { createPaneState, type PaneState } from '../../../src/state/pane/pane-state.js';
import { Pane } from '../../../src/ui/panes/Pane.js';
import { renderInk } from '../render-ink.js';

// Styles (inverse cursor, colours) are only emitted when chalk sees colour support; set before
// Ink loads so the NO_COLOR test can check attributes.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

function file(name: string, size: number, extra: Partial<Entry> = {}): Entry {
  return { name, path: `/x/${name}`, kind: 'file', size, mtimeMs: Date.UTC(2020, 0, 2), ...extra };
}

function pane(
  entries: Entry[],
  location: PaneLocation = localPaneLocation('/x'),
  more: PaneAction[] = [],
  done = true,
): PaneState {
  const actions: PaneAction[] = [
    { type: 'listingStarted', requestId: 1, location },
    { type: 'listingPage', requestId: 1, entries },
    ...(done ? [{ type: 'listingDone' as const, requestId: 1 }] : []),
    { type: 'viewportResized', height: 15 },
    ...more,
  ];
  return actions.reduce(paneReducer, createPaneState(location));
}

const many = Array.from({ length: 20_000 }, (_, i) => file(`file-${String(i).padStart(5, '0')}.dat`, i));

describe('Pane', () => {
  it('renders only the visible rows of a 20,000-entry listing', () => {
    const h = renderInk(<Pane pane={pane(many)} active width={40} height={20} account={null} />);
    const frame = h.plainFrame();
    const rows = frame.split('\n').filter((l) => l.includes('file-'));
    expect(rows).toHaveLength(14); // 15 list rows, one of them `..`
    expect(frame).toContain('file-00000.dat');
    expect(frame).not.toContain('file-19999.dat');
    expect(frame).toContain('20,000 files');
    h.unmount();
  });

  it('follows the cursor to the end', () => {
    const h = renderInk(
      <Pane
        pane={pane(many, undefined, [{ type: 'moveCursor', move: 'end', height: 15 }])}
        active
        width={40}
        height={20}
        account={null}
      />,
    );
    expect(h.plainFrame()).toContain('file-19999.dat');
    expect(h.plainFrame()).not.toContain('file-00000.dat');
    h.unmount();
  });

  it('shows "loading N…" while pages stream in', () => {
    const h = renderInk(
      <Pane pane={pane(many.slice(0, 1000), undefined, [], false)} active width={60} height={20} account={null} />,
    );
    expect(h.plainFrame()).toContain('loading 1,000…');
    h.unmount();
  });

  it('shows the selection count and size in the footer', () => {
    const p = pane([file('a.txt', 1000), file('b.txt', 24)], undefined, [{ type: 'selectByMask', mask: '*.txt' }]);
    const h = renderInk(<Pane pane={p} active width={50} height={10} account={null} />);
    expect(h.plainFrame()).toContain('2 selected, 1.0 KiB');
    expect(h.plainFrame()).toMatch(/\*a\.txt/);
    h.unmount();
  });

  it('escapes control characters and escape sequences in names', () => {
    const p = pane([file('\x1b[31mred\x1b[0m.txt', 1), file('bidi-\u202egnp.exe', 1)]);
    const h = renderInk(<Pane pane={p} active width={80} height={10} account={null} />);
    expect(h.plainFrame()).toContain('\\x1b[31mred\\x1b[0m.txt');
    expect(h.plainFrame()).toContain('bidi-\\u202egnp.exe');
    expect(h.lastFrame()).not.toContain('\x1b[31mred');
    expect(h.lastFrame()).not.toContain('\u202e');
    h.unmount();
  });

  it('shows the B2 location, the account and bucket rows', () => {
    const buckets: Entry[] = [{ name: 'photos', path: '/photos', kind: 'bucket', size: 0, mtimeMs: null }];
    const h = renderInk(
      <Pane pane={pane(buckets, b2PaneLocation('work', null))} active={false} width={40} height={10} account="work" />,
    );
    const frame = h.plainFrame();
    expect(frame).toContain('b2://');
    expect(frame).toContain('[work]');
    expect(frame).toMatch(/photos\/\s+<BKT>/);
    expect(frame).toContain('1 bucket');
    h.unmount();
  });

  it('under NO_COLOR draws the cursor in inverse video without colour codes', () => {
    const h = renderInk(<Pane pane={pane([file('a.txt', 1)])} active width={40} height={8} account={null} />, {
      mono: true,
    });
    const raw = h.lastFrame() ?? '';
    expect(raw).toContain('\x1b[7m');
    // eslint-disable-next-line no-control-regex
    expect(raw).not.toMatch(/\x1b\[(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;|m)/);
    h.unmount();
  });
});
