/**
 * Tab in the copy dialog's destination (F5) completes like the location picker's (issue 12, item
 * 8): a folder of the other pane's side completes with its `/`, the choices are listed when several
 * match, and the copy goes where the completed text says.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('Tab in the copy destination', () => {
  it('completes a folder name, lists the choices, and the copy lands there', async () => {
    let root = '';
    f = await startTui({
      before: async (dir) => {
        root = dir;
        await mkdir(join(dir, 'sub', 'reports'));
        await mkdir(join(dir, 'sub', 'receipts'));
      },
    });
    await f.see('a.txt');
    // .., sub/, a.txt: the cursor goes to a.txt, and F5 offers the other pane's folder.
    f.h.press(KEYS.down, KEYS.down, KEYS.f5);
    await f.see('Copy a.txt');
    const dest = `${join(root, 'sub')}/re`;
    f.h.press('\x15', dest, KEYS.tab);
    await f.see('receipts/  reports/');
    f.h.press('p', KEYS.tab);
    await f.see(`${join(root, 'sub')}/reports/`);
    f.h.press(KEYS.enter);
    const fx = f;
    await fx.h.waitForFrame(() => fx.store.getSnapshot().dialog === null);
    await fx.see('Copy: 1 of 1 file done');
    expect(await readFile(join(root, 'sub', 'reports', 'a.txt'), 'utf8')).toBe(
      await readFile(join(root, 'a.txt'), 'utf8'),
    );
  });
});
