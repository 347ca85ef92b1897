/**
 * "Ask about conflicts at the end" in `b2c --demo` in a pseudo-terminal (issue 12, item 4): a
 * second copy of a folder into a bucket, with new files added meanwhile, copies the new files
 * first and then lists every file that exists in one dialog, answered per file and for the rest.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

async function files(dir: string, names: string[], text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const n of names) await writeFile(join(dir, n), `${text} ${n}`);
}

/** Copies local folder `folder` into demo-backups with the default answer (Ask); `done` is seen after. */
async function copyFolderOnce(r: DemoRun, folder: string, done: string): Promise<void> {
  const { s } = r;
  await openFolder(r, 'demo-backups');
  s.write(KEYS.tab);
  await cursorTo(r, folder);
  s.write(KEYS.f5);
  await see(s, '(•) Ask');
  s.write(KEYS.enter);
  await see(s, done);
}

/** F5 again, with "Ask about conflicts at the end" (↑ from the first choice wraps round to it). */
async function copyAskingAtTheEnd(r: DemoRun): Promise<void> {
  const { s } = r;
  s.write(KEYS.f5);
  await see(s, '(•) Ask');
  s.write(KEYS.up);
  await see(s, '(•) Ask about conflicts at the end');
  s.write(KEYS.enter);
}

describe('postponed conflict questions', () => {
  it('copies everything else first, then asks about all existing files in one dialog', async () => {
    run = await startDemo([], {
      cols: 120,
      rows: 40,
      prepare: (cwd) => files(join(cwd, 'batch'), ['a.txt', 'b.txt', 'c.txt'], 'first'),
    });
    const { s, cwd } = run;
    await copyFolderOnce(run, 'batch', '3 of 3 files done');

    // Five new files beside the three that are now in the bucket.
    await files(join(cwd, 'batch'), ['d.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt'], 'second');
    await copyAskingAtTheEnd(run);
    const dialog = await see(s, 'Files that already exist (3)', 'Everything else is done. 3 of 3 still to answer');
    expect(dialog).toContain('b2://demo-backups/batch/a.txt');
    expect(dialog).toContain('b2://demo-backups/batch/c.txt');
    // Overwrite a.txt; then skip every one that remains.
    s.write(KEYS.enter);
    await see(s, '2 of 3 still to answer', '→ Overwrite');
    for (let i = 0; i < 5; i++) s.write(KEYS.down);
    await see(s, '(•) Skip, for all remaining conflicts');
    s.write(KEYS.enter);
    await s.waitFor((t) => !t.includes('Files that already exist'));
    await see(s, '6 of 8 files done', '2 skipped');
  });

  it('at 80×24 the list of many files is a window that keeps the file asked about in view', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `n${i}.txt`);
    run = await startDemo([], { prepare: (cwd) => files(join(cwd, 'many'), names, 'first') });
    const { s } = run;
    await copyFolderOnce(run, 'many', '8 of 8 files done');
    await copyAskingAtTheEnd(run);
    const first = await see(s, 'Files that already exist (8)', 'Enter: answer for the file');
    const asked = (screen: string): string[] =>
      screen.split('\n').filter((l) => /▸ b2:\/\/demo-backups\/many\/n\d\.txt/.test(l));
    // In the list and on the line above its two sides: the same file, twice, and "↓ N more".
    expect(asked(first)).toHaveLength(2);
    expect(first).toMatch(/↓ \d more/);
    // Answered one by one, the window follows the file asked about down the list.
    for (let i = 1; i <= 7; i++) {
      s.write(KEYS.enter);
      await see(s, `${8 - i} of 8 still to answer`);
    }
    const late = await see(s, 'Enter: answer for the file');
    expect(asked(late)).toHaveLength(2);
    expect(late).toMatch(/↑ \d more/);
    s.write(KEYS.enter);
    await s.waitFor((t) => !t.includes('Files that already exist'));
  });
});
