/**
 * Colour off never hides the cursor: where Ink's colour library draws no colours (`CI` set,
 * `TERM=dumb`, `FORCE_COLOR=0`) the cursor row, otherwise drawn by background colour only, is
 * drawn in inverse video as the mono theme does, and greyed keys stay dim.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { barLabelIsDim, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

// eslint-disable-next-line no-control-regex -- SGR colour codes (30–49, 90–107) in the raw output.
const COLOUR = /\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

describe('without colours', () => {
  const cases: [string, Record<string, string | undefined>][] = [
    ['CI set', { CI: 'true', FORCE_COLOR: undefined }],
    ['TERM=dumb', { TERM: 'dumb', FORCE_COLOR: undefined }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
  ];
  for (const [name, env] of cases) {
    it(`${name}: the cursor row is drawn in inverse video, and no colour is sent`, async () => {
      run = await startDemo(['--key', 'read-only'], { env });
      const { s } = run;
      await see(s, 'demo-photos', '10Quit');
      // The right pane (the buckets) is active: its cursor is on the first bucket, row 3.
      const row = s.screen().findIndex((l) => l.includes('demo-backups'));
      const x = (s.screen()[row] ?? '').indexOf('demo-backups');
      expect(s.cell(x, row).inverse).toBe(true);
      expect(s.cell(x, row + 1).inverse).toBe(false);
      // The read-only key may not delete: F8 (in the bucket list: delete a bucket) is greyed (dim)
      // on the function-key bar.
      expect(barLabelIsDim(s, '8DelBuck')).toBe(true);
      expect(barLabelIsDim(s, '9Go')).toBe(false);
      s.write(KEYS.tab);
      await s.waitFor(() => s.cell(2, 3).inverse && !s.cell(x, row).inverse);
      expect(s.raw()).not.toMatch(COLOUR);
    });
  }
});

// NO_COLOR and FORCE_COLOR both set make Node warn the first time it decides on colours, which
// happens late (when node:assert loads, which the B2 client library's HTTP stack does at its first
// call, here the bucket opened): the warning must not land in the middle of the screen, and is
// shown once the screen is restored.
describe("Node's warnings", () => {
  it('wait until the screen is restored instead of writing over it', async () => {
    run = await startDemo([], { env: { NO_COLOR: '1', FORCE_COLOR: '2' } });
    const { s } = run;
    await see(s, 'demo-photos', '10Quit');
    s.write(KEYS.down);
    s.write(KEYS.enter);
    await see(s, 'empty-folder/');
    expect(s.text()).not.toContain('Warning');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.isAltScreen()).toBe(false);
    expect(s.text()).toContain("Warning: The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env");
  });
});
