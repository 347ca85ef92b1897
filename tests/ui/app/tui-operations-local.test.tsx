/**
 * File operations from the keyboard on the local disk, checked on disk: make folder, rename,
 * delete, copy and move (the last three through the real transfer engine).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';
import { until } from '../../support/poll.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Moves the left pane's cursor onto `name` by typing a filter and keeping it. */
async function cursorTo(fx: TuiFixture, name: string): Promise<void> {
  await fx.see(name);
  fx.h.press('/', name, KEYS.enter);
  await fx.see(`filter "${name}"`);
  fx.h.press(KEYS.end);
}

describe('operations on the local disk', () => {
  it('F7 makes a folder and puts the cursor on it', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.f7);
    await f.see('Make folder', 'Name of the new folder');
    f.h.press('new-dir', KEYS.enter);
    await f.see('Made folder new-dir.', 'new-dir/');
    expect((await stat(join(f.dir, 'new-dir'))).isDirectory()).toBe(true);
  });

  it('F7 refuses a name with a slash and keeps the dialog open', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.f7, 'x/y', KEYS.enter);
    await f.see('A name cannot contain "/".', 'Make folder');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((fr) => !fr.includes('Make folder'));
    expect(await exists(join(f.dir, 'x'))).toBe(false);
  });

  it('F2 renames in place', async () => {
    f = await startTui();
    await f.see('a.txt');
    await cursorTo(f, 'a.txt');
    f.h.press(KEYS.f2);
    await f.see('Rename', 'New name for a.txt');
    // Ctrl+U clears the field (the old name is prefilled).
    f.h.press('\x15', 'renamed.txt', KEYS.enter);
    await f.see('Renamed a.txt to renamed.txt.');
    expect(await readFile(join(f.dir, 'renamed.txt'), 'utf8')).toBe('hello');
    expect(await exists(join(f.dir, 'a.txt'))).toBe(false);
  });

  it('F8 says what it deletes, and deletes it through the queue', async () => {
    f = await startTui();
    await f.see('a.txt');
    await cursorTo(f, 'big.bin');
    f.h.press(KEYS.f8);
    const dialog = await f.see('Delete big.bin (2.0 KiB)', 'There is no undo');
    expect(dialog).toContain('Enter: delete');
    f.h.press(KEYS.enter);
    await f.see('Delete: 1 of 1 file done.');
    expect(await exists(join(f.dir, 'big.bin'))).toBe(false);
  });

  it('with confirmDelete off, F8 deletes on the local disk without a dialog', async () => {
    f = await startTui({ confirmDelete: false });
    await cursorTo(f, 'a.txt');
    f.h.press(KEYS.f8);
    await f.see('Delete: 1 of 1 file done.');
    expect(await exists(join(f.dir, 'a.txt'))).toBe(false);
  });

  it('keys typed in one chunk with the Enter that confirms a copy act as keys, not as text', async () => {
    f = await startTui();
    await f.see('a.txt');
    await cursorTo(f, 'a.txt');
    f.h.press(KEYS.f5);
    await f.see('Copy a.txt');
    // One read from the terminal: Enter closes the dialog (a text field), t opens the queue.
    f.h.press(`${KEYS.enter}t`);
    await f.see('Transfer queue');
    const target = join(f.dir, 'sub', 'a.txt');
    const copied = (): Promise<boolean> =>
      readFile(target, 'utf8').then(
        (t) => t === 'hello',
        () => false,
      );
    await until(copied, 'the copy');
  });

  it('F5 copies the selection into the other pane, bytes intact', async () => {
    f = await startTui();
    await f.see('a.txt', 'inner.txt');
    f.h.press('+', KEYS.backspace, '*', KEYS.enter);
    await f.see('2 selected, 2.0 KiB');
    f.h.press(KEYS.f5);
    const dialog = await f.see('Copy 2 files (2.0 KiB)', `${f.dir}/sub/`, 'If a file already exists there:');
    expect(dialog).toContain('(•) Ask');
    f.h.press(KEYS.enter);
    await f.see('Copy: 2 of 2 files done (2.0 KiB).');
    expect(await readFile(join(f.dir, 'sub', 'big.bin'))).toEqual(Buffer.alloc(2_000, 7));
    expect(await readFile(join(f.dir, 'sub', 'a.txt'), 'utf8')).toBe('hello');
    // The other pane was refreshed and shows the copies.
    await f.h.waitForFrame((fr) => fr.split('\n').some((l) => l.slice(40).includes('big.bin')));
  });

  it('F6 moves a file and both panes refresh', async () => {
    f = await startTui();
    await f.see('a.txt', 'inner.txt');
    await cursorTo(f, 'a.txt');
    f.h.press(KEYS.f6);
    await f.see('Move a.txt (5 B)', 'Each source is deleted once its copy is verified.');
    f.h.press(KEYS.enter);
    await f.see('Move: 1 of 1 file done');
    expect(await readdir(join(f.dir, 'sub'))).toContain('a.txt');
    expect(await exists(join(f.dir, 'a.txt'))).toBe(false);
  });

  it('a conflict asks, and "Skip" leaves the existing file alone', async () => {
    f = await startTui();
    await f.see('a.txt', 'inner.txt');
    f.h.press(KEYS.tab);
    await f.h.waitForFrame(() => f?.store.getSnapshot().app.active === 'right');
    // Copy sub/inner.txt to the left pane twice: the second one conflicts.
    f.h.press(KEYS.end, KEYS.f5, KEYS.enter);
    await f.see('Copy: 1 of 1 file done');
    f.h.press(KEYS.f5, KEYS.enter);
    await f.see('File exists', 'inner.txt already exists.', 'Overwrite');
    f.h.press(KEYS.down);
    await f.see('(•) Skip');
    f.h.press(KEYS.enter);
    await f.see('1 skipped');
    expect(await readFile(join(f.dir, 'inner.txt'), 'utf8')).toBe('inner');
  });
});
