/**
 * The info dialog at 80×24: a B2 file's details (protection, IDs, bucket rules, file info) are
 * taller than the room a dialog has, so ↑/↓ scroll them — to the last line and no further.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** The lines inside the dialog's frame. */
function dialogLines(frame: string): string[] {
  return frame
    .split('\n')
    .map((l) => /║ (.*?)\s*║/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

describe('the info dialog scrolls what does not fit', () => {
  it('↓ brings the last lines into view, stops there, and ↑ goes back at once', async () => {
    f = await startTui({
      b2: true,
      right: () => b2PaneLocation('demo', DEMO_BUCKETS.photos, 'docs/'),
      active: 'right',
      size: { columns: 80, rows: 24 },
    });
    await f.see('notes.md');
    f.h.press(KEYS.down, 'i');
    const first = await f.see('Info: notes.md', '↓');
    expect(first).toContain('scroll · Enter or Esc: close');
    expect(first).not.toContain('b2-content-disposition');
    // (One line scrolled shows "↑ 2 more": the mark takes the place of the second line.)
    f.h.press(KEYS.down);
    await f.h.waitForFrame((t) => t.includes('↑ 2 more'));
    f.h.press(KEYS.down);
    await f.h.waitForFrame((t) => t.includes('↑ 3 more'));
    for (let i = 0; i < 30; i++) f.h.press(KEYS.down);
    const bottom = await f.h.waitForFrame((t) => t.includes('b2-content-disposition = inline'));
    const lines = dialogLines(bottom);
    // The last body line sits right above the hint: nothing below it, no "↓ more".
    expect(lines.at(-2)).toContain('b2-content-disposition = inline');
    expect(bottom).not.toMatch(/↓ \d+ more/);
    const above = Number(/↑ (\d+) more/.exec(bottom)?.[1]);
    // One ↑ moves at once, however many ↓ were pressed past the end.
    f.h.press(KEYS.up);
    await f.h.waitForFrame((t) => t.includes(`↑ ${above - 1} more`));
  });
});
