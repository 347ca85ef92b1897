/**
 * Shell habits in the panes (issue 12, item 10): natural name order with N and quick search
 * (type-to-jump) with f — driven by raw key sequences, checked on the rendered frame.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
