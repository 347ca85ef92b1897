/**
 * Tab completion in the location picker (F9/o) through the whole TUI: a local folder name
 * completes with its `/` and a second Tab lists the choices when several names match; a
 * `b2://bucket/` prefix completes from the built-in server over real HTTP; Shift+Tab and the
 * arrows still move through the places.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** The picker's text field line. */
function fieldLine(frame: string): string {
  const lines = frame.split('\n');
  const title = lines.findIndex((l) => l.includes('Go to'));
  // The first line under the title with text in it.
  return lines.slice(title + 1).find((l) => /║ +[^\s║]/.test(l)) ?? '';
}

describe('Tab in the location picker', () => {
  it('completes a local folder, then lists the choices, and Enter goes there', async () => {
    f = await startTui({
      before: async (dir) => {
        await mkdir(join(dir, 'music'));
        await mkdir(join(dir, 'movies'));
      },
    });
    await f.see('a.txt');
    f.h.press(KEYS.f9);
    await f.see('Go to');
    f.h.press('su', KEYS.tab);
    await f.h.waitForFrame((fr) => fieldLine(fr).includes('sub/'));
    f.h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await f.h.waitForFrame((fr) => !fieldLine(fr).includes('sub/'));
    f.h.press('m', KEYS.tab);
    // Nothing common beyond "m": the first Tab adds nothing; the choices are listed.
    await f.see('movies/  music/');
    f.h.press('u', KEYS.tab);
    await f.h.waitForFrame((fr) => fieldLine(fr).includes('music/'));
    f.h.press(KEYS.enter);
    const fx = f;
    await fx.h.waitForFrame(() => fx.store.getSnapshot().dialog === null);
    expect(fx.store.getSnapshot().app.panes.left.location).toEqual({ kind: 'local', path: join(fx.dir, 'music') });
  });

  it('completes a B2 prefix from the server, and Shift+Tab still moves through the places', async () => {
    f = await startTui({ b2: true });
    await f.see('a.txt');
    f.h.press(KEYS.f9);
    await f.see('Go to', '> ');
    const first =
      f.h
        .plainFrame()
        .split('\n')
        .find((l) => l.includes('> ')) ?? '';
    // Shift+Tab moves to the last place (wrapping round), Tab no longer does.
    f.h.press('\x1b[Z');
    await f.h.waitForFrame((fr) => (fr.split('\n').find((l) => l.includes('> ')) ?? '') !== first);
    f.h.press(`b2://${DEMO_BUCKETS.photos}/vi`, KEYS.tab);
    await f.h.waitForFrame((fr) => fieldLine(fr).includes(`b2://${DEMO_BUCKETS.photos}/videos/`));
    f.h.press(KEYS.enter);
    await f.see(`b2://${DEMO_BUCKETS.photos}/videos/`, 'holiday.mp4');
    expect(f.store.getSnapshot().dialog).toBeNull();
  });
});
