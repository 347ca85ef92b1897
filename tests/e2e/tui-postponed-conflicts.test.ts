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

describe('postponed conflict questions', () => {
  it('copies everything else first, then asks about all existing files in one dialog', async () => {
    run = await startDemo([], {
      cols: 120,
      rows: 40,
      prepare: (cwd) => files(join(cwd, 'batch'), ['a.txt', 'b.txt', 'c.txt'], 'first'),
    });
    const { s, cwd } = run;
    await openFolder(run, 'demo-backups');
    s.write(KEYS.tab);
    await cursorTo(run, 'batch');
    s.write(KEYS.f5);
    await see(s, '(•) Ask');
    s.write(KEYS.enter);
    await see(s, '3 of 3 files done');

    // Five new files beside the three that are now in the bucket.
    await files(join(cwd, 'batch'), ['d.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt'], 'second');
    s.write(KEYS.f5);
    await see(s, '(•) Ask');
    // The last choice (after Keep both): ↑ from the first wraps round to it.
    s.write(KEYS.up);
    await see(s, '(•) Ask about conflicts at the end');
    s.write(KEYS.enter);
    const dialog = await see(s, 'Files that already exist (3)', 'Everything else is done. 3 of 3 still to answer');
    expect(dialog).toContain('/demo-backups/batch/a.txt');
    expect(dialog).toContain('/demo-backups/batch/c.txt');
    // Overwrite a.txt; then skip every one that remains.
    s.write(KEYS.enter);
    await see(s, '2 of 3 still to answer', '→ Overwrite');
    for (let i = 0; i < 5; i++) s.write(KEYS.down);
    await see(s, '(•) Skip, for all remaining conflicts');
    s.write(KEYS.enter);
    await s.waitFor((t) => !t.includes('Files that already exist'));
    await see(s, '6 of 8 files done', '2 skipped');
  });
});
