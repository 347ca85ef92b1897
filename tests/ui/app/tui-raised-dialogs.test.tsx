/**
 * A question a running transfer raises ("the file exists") shows on top of whatever is open —
 * the help screen, a dialog — at once, and what it covered is back once it is answered
 * (issue 11, bug 1). The transfer is queued straight into the engine while the other view is
 * open, as a copy the user started before opening it would be.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** Queues a copy of a.txt into sub/, where a.txt exists too, asking what to do. */
async function copyOntoExisting(fx: TuiFixture): Promise<void> {
  await writeFile(join(fx.dir, 'sub', 'a.txt'), 'older');
  fx.engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'local',
    conflict: 'ask',
    items: [{ source: join(fx.dir, 'a.txt'), targetDir: join(fx.dir, 'sub') }],
  });
}

describe('a question raised while something else is open', () => {
  it('shows over the help screen, and the help is back after Esc', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press(KEYS.f1);
    await f.see('Panes · Navigate');
    await copyOntoExisting(f);
    const asked = await f.see('File exists', 'a.txt already exists.');
    expect(asked).toContain('b2c keys');
    f.h.press(KEYS.escape);
    const back = await f.h.waitForFrame((t) => !t.includes('File exists') && t.includes('Panes · Navigate'));
    expect(back).toContain('Panes · Navigate');
    // The help still has the keyboard.
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((t) => !t.includes('Panes · Navigate') && t.includes('big.bin'));
  });

  it('shows over the info dialog, and the info dialog is back after the answer', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press('/', 'a.txt', KEYS.enter, KEYS.end);
    await f.see('filter "a.txt"');
    f.h.press(KEYS.f3);
    await f.see('Info: a.txt');
    await copyOntoExisting(f);
    await f.see('File exists');
    f.h.press(KEYS.enter);
    const back = await f.h.waitForFrame((t) => !t.includes('File exists') && t.includes('Info: a.txt'));
    expect(back).toContain('Info: a.txt');
  });

  it('shows over the key inspector, which is back as it was (and has the keyboard) after the answer', async () => {
    f = await startTui({
      b2: true,
      right: () => b2PaneLocation('demo', null),
      active: 'right',
      size: { columns: 100, rows: 30 },
    });
    await f.see('demo-photos');
    f.h.press('I');
    await f.see('Key inspector', 'What b2c can do with this key');
    f.h.press(KEYS.end);
    const bottom = (t: string): boolean => /lines \d+–74 of 74/.test(t) && !t.includes('Account ID');
    await f.h.waitForFrame(bottom);
    await copyOntoExisting(f);
    await f.see('File exists');
    f.h.press(KEYS.escape);
    // Still scrolled to the bottom: the same screen, not a new one.
    await f.h.waitForFrame((t) => !t.includes('File exists') && bottom(t));
    f.h.press(KEYS.home);
    await f.see('Account ID');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((t) => !t.includes('Key inspector') && t.includes('demo-photos'));
  });
});
