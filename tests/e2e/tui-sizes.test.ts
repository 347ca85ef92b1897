/**
 * Folder sizes through the real binary on `b2c --demo`: Ctrl+Space (the NUL byte a terminal
 * sends) counts the folder under the cursor into the status line and its size column; z counts
 * every folder and the size sort (s) then orders them by it; Alt+z counts every version, so a
 * folder with old versions grows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, rightRows, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

/** The right pane's list rows, trimmed. */
function trimmedRows(text: string): string[] {
  return rightRows(text).map((l) => l.trim());
}

/** The size column of the right pane's row starting with `name`. */
function sizeOf(text: string, name: string): string | undefined {
  const row = trimmedRows(text).find((l) => l.startsWith(name));
  return row?.slice(name.length).trim().split(/\s+/)[0];
}

describe('folder sizes', () => {
  it('Ctrl+Space counts one folder, z all of them, s sorts by size, Alt+z adds old versions', async () => {
    run = await startDemo([], { cols: 120, rows: 30 });
    const { s } = run;
    await openFolder(run, 'demo-photos');
    await s.waitFor((t) => sizeOf(t, 'docs/') === '<DIR>' && sizeOf(t, 'videos/') === '<DIR>');

    await cursorTo(run, 'docs');
    s.write('\x00');
    const one = await s.waitFor((t) => /b2:\/\/demo-photos\/docs\/: \d+ files?, [\d.]+ KiB\./.test(t));
    const docs = sizeOf(one, 'docs/');
    expect(docs).toMatch(/^\d/);

    s.write(`/\x15${KEYS.enter}`); // no filter: every folder
    const unfiltered = await s.waitFor(
      (t) => !t.includes('filter "') && trimmedRows(t).some((l) => l.startsWith('videos/')),
    );
    expect(sizeOf(unfiltered, 'videos/')).toBe('<DIR>');
    expect(sizeOf(unfiltered, 'docs/')).toBe(docs);
    s.write('z');
    const all = await see(s, '6 folders:');
    expect(sizeOf(all, 'videos/')).toMatch(/^\d/);
    s.write('s');
    const sorted = await s.waitFor((t) => t.includes('Size↓'));
    const folders = trimmedRows(sorted)
      .filter((l) => /^[^ ]+\/ /.test(l))
      .map((l) => l.split(/\s+/));
    const bytes = folders.map(([, size]) => Number(size));
    expect(bytes.every((b) => Number.isFinite(b))).toBe(true);
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a));
    expect(folders[0]?.[0]).toBe('videos/');

    s.write('\x1bz'); // Alt+z: every version (the demo's docs/ holds old versions)
    const billed = await see(s, '6 folders:', 'versions,');
    expect(Number(sizeOf(billed, 'docs/'))).toBeGreaterThan(Number(docs));
  });
});
