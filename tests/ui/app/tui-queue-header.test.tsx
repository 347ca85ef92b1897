/**
 * The transfer queue's header counts this run (issue 11, bug 8): the files of the work under way,
 * not every file the queue has finished before it.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

it('counts the files of the copy under way, not those finished before it', async () => {
  f = await startTui({ size: { columns: 100, rows: 40 } });
  await f.see('a.txt');
  const { dir, engine } = f;
  const item = (name: string) => ({ source: join(dir, name), targetDir: join(dir, 'sub') });
  // Earlier work: two files copied.
  engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'local',
    conflict: 'overwrite',
    items: [item('a.txt'), item('big.bin')],
  });
  await engine.whenIdle();
  f.h.press('t');
  await f.see('Transfer queue — Nothing is running.');
  // This run: a.txt once more, which now exists, so the copy waits for an answer.
  engine.submit({ operation: 'copy', from: 'local', to: 'local', conflict: 'ask', items: [item('a.txt')] });
  const asked = await f.see('File exists');
  // The header counts this run only (what is in flight, then the progress).
  expect(asked.split('\n').find((l) => l.includes('Transfer queue —'))).toContain('Transfers: 0/1 files');
  f.h.press('\x1b');
  await f.see('Transfer queue — Nothing is running.');
});
