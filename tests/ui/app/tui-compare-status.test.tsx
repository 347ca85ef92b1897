/**
 * `c` says what it found in both panes: a name only in the other pane is a difference, whichever
 * pane is active (the status line said "the same" when the active pane was the empty one).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('compare (c) from the empty pane', () => {
  it('marks the other pane and says there are differences', async () => {
    f = await startTui({
      before: async (dir) => {
        await mkdir(join(dir, 'empty'));
        await writeFile(join(dir, 'only-left.txt'), 'x');
      },
      // The active (left) pane is an empty folder; the other one holds files.
      left: (dir) => ({ kind: 'local', path: join(dir, 'empty') }),
      right: (dir) => ({ kind: 'local', path: dir }),
      active: 'left',
    });
    await f.see('only-left.txt');
    f.h.press('c');
    const frame = await f.h.waitForFrame((t) => t.includes('Marked:') || t.includes('compare the same'));
    expect(frame).not.toContain('compare the same');
    expect(frame).toMatch(/\+only-left\.txt/);
  });
});
