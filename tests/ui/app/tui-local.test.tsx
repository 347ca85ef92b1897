/**
 * The TUI on the local disk: navigation, selection, filter, sort, dotfiles, help, quit — driven
 * by raw key sequences, checked on the rendered frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** The line of the frame that contains `text` (the row of a file, the footer…). */
function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text)) ?? '';
}

describe('panes on the local disk', () => {
  it('lists folders first with .., sizes and a footer with counts', async () => {
    f = await startTui();
    const frame = await f.see('a.txt', 'big.bin', 'inner.txt');
    const left = frame.split('\n').map((l) => l.slice(0, 40));
    const order = ['..', 'sub/', 'a.txt', 'big.bin'].map((n) => left.findIndex((l) => l.includes(` ${n} `)));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > (order[k - 1] ?? 0)))).toBe(true);
    expect(lineWith(frame, 'big.bin')).toContain('2000');
    expect(frame).toContain('1 folder, 2 files, 2.0 KiB');
    // Dotfiles are hidden until `.` is pressed.
    expect(frame).not.toContain('.dot');
    expect(frame).toContain('+1 hidden');
  });

  it('opens a folder with Enter and goes back with Backspace, cursor on the folder we left', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.down, KEYS.enter);
    await f.see(`${f.dir}/sub`, 'inner.txt');
    f.h.press(KEYS.backspace);
    await f.see('a.txt', 'big.bin');
    // The cursor is back on sub/: Insert selects it.
    f.h.press(KEYS.insert);
    expect(lineWith(await f.see('1 selected'), 'sub/').slice(0, 40)).toMatch(/│\*sub\//);
  });

  it('selects with Insert, by mask with +, inverts with *, and shows the selection size', async () => {
    f = await startTui();
    await f.see('big.bin');
    f.h.press(KEYS.down, KEYS.down, KEYS.insert);
    let frame = await f.see('1 selected, 5 B');
    expect(lineWith(frame, 'a.txt').slice(0, 40)).toMatch(/│\*a\.txt/);
    f.h.press('+');
    await f.see('Select by mask');
    f.h.press(KEYS.backspace, '*.bin', KEYS.enter);
    frame = await f.see('2 selected, 2.0 KiB');
    // Invert (files only): both files were selected, so none is now.
    f.h.press('*');
    frame = await f.see('1 folder, 2 files, 2.0 KiB');
    expect(frame).not.toContain('│*');
  });

  it('filters while typing, keeps the filter on Enter and restores on Esc', async () => {
    f = await startTui();
    await f.see('big.bin');
    f.h.press('/', 'b', 'i');
    let frame = await f.see('Filter: bi');
    expect(frame.split('\n').some((l) => l.slice(0, 40).includes('a.txt'))).toBe(false);
    f.h.press(KEYS.escape);
    frame = await f.h.waitForFrame((fr) => !fr.includes('Filter:') && fr.includes('a.txt'));
    f.h.press('/', 'a', KEYS.enter);
    frame = await f.see('filter "a"');
    expect(frame.slice(0, 2000)).not.toContain('big.bin');
  });

  it('sorts by size with s and shows dotfiles with .', async () => {
    f = await startTui();
    await f.see('big.bin', 'Name↑');
    // One meaning for the arrow (issue 11): ↑ smallest / A first, ↓ largest / Z first. Size starts largest first.
    f.h.press('s');
    const frame = await f.see('Size↓');
    const order = (t: string): number => {
      const rows = t.split('\n').map((l) => l.slice(0, 40));
      return rows.findIndex((l) => l.includes('big.bin')) - rows.findIndex((l) => l.includes('a.txt'));
    };
    expect(order(frame)).toBeLessThan(0);
    f.h.press('S');
    expect(order(await f.see('Size↑'))).toBeGreaterThan(0);
    f.h.press('.');
    await f.see('.dot', 'Showing dotfiles');
  });

  it('switches panes with Tab', async () => {
    f = await startTui();
    await f.see('inner.txt');
    expect(f.store.getSnapshot().app.active).toBe('left');
    f.h.press(KEYS.tab);
    await f.h.waitForFrame(() => f?.store.getSnapshot().app.active === 'right');
  });

  it('shows help generated from the keymap and closes it with Esc', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.f1);
    await f.see('Panes · Navigate', 'Move the cursor up');
    f.h.press(KEYS.pageDown);
    await f.see('Insert Space');
    f.h.press(KEYS.end);
    await f.see('Close the help');
    f.h.press(KEYS.escape);
    await f.see('a.txt', '10Quit');
  });

  it('at 80 columns the help goes on with a long description on the next line instead of cutting it', async () => {
    f = await startTui({ size: { columns: 80, rows: 24 } });
    await f.see('a.txt');
    f.h.press(KEYS.f1);
    const frame = await f.see('Panes · Navigate', 'Choose a location: local path or profile, bucket,');
    const lines = frame.split('\n');
    const at = lines.findIndex((l) => l.includes('Choose a location'));
    expect(lines[at + 1]).toMatch(/║\s+prefix\s+║/);
    expect(frame).not.toContain('…');
  });

  it('quits with q when nothing is transferring', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press('q');
    await f.h.waitForFrame(() => f?.exited() === true);
  });
});
