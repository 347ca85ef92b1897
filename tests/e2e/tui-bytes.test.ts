/**
 * What a key press costs on the wire (over SSH every byte crosses the network): the built binary
 * in a pseudo-terminal writes only what changed, so moving the cursor one row costs a few hundred
 * bytes whatever the terminal's size, not a redrawn screen (bench/tui-bytes.mjs measures it).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, type PtySession } from './pty-harness.js';
import { see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

/** The screen row the left pane's cursor is drawn on (its highlight), or -1. */
function cursorRow(s: PtySession): number {
  return s.screen().findIndex((_, y) => s.cell(2, y).bg !== null);
}

/**
 * True when the last update has arrived whole: b2c sends each as one synchronized update, and the
 * pty may hand it over in pieces (the cursor row can be on screen before the rest has arrived).
 */
function drawn(s: PtySession): boolean {
  return s.raw().endsWith('\x1b[?2026l');
}

describe('bytes per key press', () => {
  for (const [cols, rows] of [
    [80, 24],
    [200, 60],
  ] as const) {
    it(`a one-row cursor move writes under 400 bytes at ${cols}×${rows}`, async () => {
      run = await startDemo([], {
        cols,
        rows,
        prepare: async (cwd) => {
          for (let i = 0; i < 12; i++) await writeFile(join(cwd, `file-${String(i).padStart(2, '0')}.txt`), 'x');
        },
      });
      const { s } = run;
      await see(s, 'file-11.txt', 'demo-photos', '10Quit');
      s.write(KEYS.tab);
      await s.waitFor(() => drawn(s) && cursorRow(s) === 3);
      const moves: number[] = [];
      for (let row = 4; row < 10; row++) {
        const before = Buffer.byteLength(s.raw());
        s.write(KEYS.down);
        await s.waitFor(() => drawn(s) && cursorRow(s) === row);
        moves.push(Buffer.byteLength(s.raw()) - before);
      }
      // A redrawn screen is over 3,000 bytes at 80×24 and over 15,000 at 200×60.
      for (const bytes of moves) expect(bytes).toBeLessThan(400);
    });
  }
});
