/**
 * Shell habits in the panes (issue 12, item 10): natural name order with N and quick search
 * (type-to-jump) with f — driven by raw key sequences, checked on the rendered frame.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** Rows of the left pane, in screen order, that name one of `names`. */
function order(frame: string, names: string[]): string[] {
  return frame
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.slice(0, 40))
    .flatMap((l) => names.filter((n) => l.includes(` ${n} `)));
}

async function withNumbered(dir: string): Promise<void> {
  for (const n of ['f1', 'f2', 'f10']) await writeFile(join(dir, n), n);
}

describe('natural sort (N)', () => {
  it('puts f2 before f10 and back again, and says so', async () => {
    f = await startTui({ before: withNumbered });
    let frame = await f.see('f10', 'f2');
    expect(order(frame, ['f1', 'f2', 'f10'])).toEqual(['f1', 'f10', 'f2']);
    f.h.press('N');
    frame = await f.see('Natural name order', 'Name↑ 1-9');
    expect(order(frame, ['f1', 'f2', 'f10'])).toEqual(['f1', 'f2', 'f10']);
    f.h.press('N');
    frame = await f.see('Plain name order');
    expect(order(frame, ['f1', 'f2', 'f10'])).toEqual(['f1', 'f10', 'f2']);
  });
});

/** The left pane's row under the cursor (inverse video in mono: the row with the cursor marker). */
function cursorRow(f: TuiFixture): string {
  const s = f.store.getSnapshot().app.panes.left;
  const e = s.view[s.cursor - (s.parentRow ? 1 : 0)];
  return e?.name ?? '..';
}

describe('quick search (f)', () => {
  it('jumps as letters are typed, edits with Backspace, finds the next with Ctrl+S and leaves with Esc', async () => {
    f = await startTui({ before: withNumbered });
    await f.see('f10', 'big.bin');
    f.h.press('f');
    await f.see('Quick search: ▌', 'next match');
    f.h.press('b', 'i');
    await f.see('Quick search: bi▌');
    expect(cursorRow(f)).toBe('big.bin');
    // "f" is text here: f1, then f10 with Ctrl+S, then f2.
    f.h.press(KEYS.backspace, KEYS.backspace, 'f');
    await f.see('Quick search: f▌');
    expect(cursorRow(f)).toBe('f1');
    f.h.press('\x13');
    await f.h.waitForFrame(() => cursorRow(f as TuiFixture) === 'f10');
    f.h.press(KEYS.down);
    await f.h.waitForFrame(() => cursorRow(f as TuiFixture) === 'f2');
    f.h.press('q', 'q');
    await f.see('Quick search: fqq▌  (no name matches)');
    expect(cursorRow(f)).toBe('f2');
    f.h.press(KEYS.escape);
    const frame = await f.h.waitForFrame((fr) => !fr.includes('Quick search'));
    expect(frame).toContain('files');
    expect(cursorRow(f)).toBe('f2');
    // Back in the panes: q quits again, so the text above was never a command.
    expect(f.exited()).toBe(false);
  });

  it('leaves with an arrow, which then moves as in the panes', async () => {
    f = await startTui({ before: withNumbered });
    await f.see('f10');
    f.h.press('f', 'f', '2');
    await f.see('Quick search: f2▌');
    expect(cursorRow(f)).toBe('f2');
    f.h.press(KEYS.up);
    await f.h.waitForFrame((fr) => !fr.includes('Quick search'));
    expect(cursorRow(f)).toBe('f10');
  });
});
