/**
 * The transfer history in `b2c --demo` in a pseudo-terminal (issue 12, item 10): after an upload,
 * `t` then `h` shows what finished — its result, kind, size and where it went.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('transfer history (h in the queue)', () => {
  it('shows an upload that finished, with where it went (80×24: the row keeps the file name)', async () => {
    run = await startDemo([], {
      prepare: (cwd) => writeFile(join(cwd, 'history-me.txt'), 'twelve bytes'),
    });
    const { s } = run;
    await openFolder(run, 'demo-backups');
    s.write(KEYS.tab);
    await cursorTo(run, 'history-me.txt');
    s.write(KEYS.f5);
    await see(s, 'Copy');
    s.write(KEYS.enter);
    await see(s, '1 of 1 file done');
    s.write('t');
    await see(s, 'h history');
    s.write('h');
    const screen = await see(s, 'Transfer history', 'history-me.txt', 'done');
    expect(screen).toContain('upload');
    expect(screen).toContain('12 B');
    expect(screen).toContain('b2://demo-backups/history-me.txt');
    // The row's path lost its folders, not the file's name.
    expect(screen).toMatch(/done +upload +12 B {2}\S*…\/history-me\.txt/);
    s.write(KEYS.escape);
    await s.waitFor((t) => !t.includes('Transfer history'));
  });
});
