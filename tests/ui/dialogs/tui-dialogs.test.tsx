/**
 * Dialogs and full-screen views in the whole TUI: the location picker, help generated from a
 * keymap with user overrides, the transfer queue panel, and quitting while a transfer runs.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import type { Provider } from '../../../src/providers/types.js';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides } from '../../../src/state/keyboard/keymap-overrides.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from '../app/tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/**
 * The real local provider whose copies wait for `release()` (a transfer that stays running): both
 * its `write` and its `copy` (a copy between two local panes goes through `copy`, fs.copyFile, and
 * never calls `write`).
 */
function heldWrites(): { provider: Provider; release: () => void } {
  const real = createLocalProvider();
  if (real.copy === undefined) throw new Error('the local provider copies within itself');
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  return {
    provider: {
      ...real,
      write: async (path, source, options) => gate.then(() => real.write(path, source, options)),
      copy: async (from, to, options) => gate.then(() => real.copy!(from, to, options)),
    },
    release,
  };
}

describe('dialogs', () => {
  it('F9 opens the picker; a typed path opens there', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.f9);
    await f.see('Go to', '(other pane)');
    f.h.press('sub', KEYS.enter);
    await f.h.waitForFrame((fr) => fr.split('\n').some((l) => l.slice(0, 40).includes('inner.txt')));
    expect(f.store.getSnapshot().app.panes.left.location).toEqual({ kind: 'local', path: join(f.dir, 'sub') });
  });

  it('the picker says what it cannot open and keeps the dialog', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press('o', 'b2:/oops', KEYS.enter);
    await f.see('Write B2 places as b2://bucket/folder.', 'Go to');
  });

  it('help lists the keys of the keymap in use, overrides included', async () => {
    const keymap = applyOverrides(DEFAULT_KEYMAP, { copy: ['x', 'F5'] });
    f = await startTui({ keymap });
    await f.see('a.txt');
    f.h.press('?');
    await f.see('Panes · Navigate');
    // Scroll line by line until the Files section shows.
    let frame = f.h.plainFrame();
    for (let i = 0; i < 80 && !frame.includes('Copy to the other pane'); i++) {
      f.h.press('j');
      frame = await f.h.waitForFrame((fr) => fr !== frame);
    }
    expect(frame.split('\n').find((l) => l.includes('Copy to the other pane'))).toMatch(/x F5/);
    // The override works, not only the help: x copies.
    f.h.press(KEYS.escape);
    await f.see('10Quit');
    f.h.press(KEYS.down, KEYS.down, 'x');
    await f.see('Copy a.txt (5 B)');
  });

  it('asks before quitting while a transfer runs, and shows it in the queue panel', async () => {
    const held = heldWrites();
    f = await startTui({ local: held.provider });
    await f.see('a.txt');
    f.h.press(KEYS.down, KEYS.down, KEYS.f5, KEYS.enter);
    // The progress takes the place of "Copying a.txt…" as soon as the queue runs.
    await f.see('Transfers: 0/1 files, 0 B of 5 B (0%)');
    f.h.press('q');
    await f.see('Quit?', 'still queued or running');
    expect(f.exited()).toBe(false);
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((fr) => !fr.includes('Quit?'));
    f.h.press('t');
    // While it runs, the header says how much the engine keeps in flight (src/transfers/in-flight.ts).
    await f.see('Transfer queue', 'a.txt', '4 files × 4 parts');
    held.release();
    await f.see('done');
    f.h.press('t');
    await f.see('Copy: 1 of 1 file done');
    f.h.press(KEYS.f10);
    await f.h.waitForFrame(() => f?.exited() === true);
  });
});
