/**
 * Bookmarks through the whole TUI (raw keys, rendered frames): `B` saves the active pane's place
 * under the offered name, `b` lists them and Enter goes back there; rename and delete in the list
 * change the config; a bookmark through a key that cannot see its place says why. Local disk and
 * the built-in server over real HTTP; the config is the demo's memory config.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryConfig } from '../../../src/config/index.js';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('bookmarks', () => {
  it('B saves the folder, b lists it and Enter jumps back; r renames, d deletes', async () => {
    const config = createMemoryConfig();
    f = await startTui({ config });
    await f.see('a.txt');
    f.h.press(KEYS.down, KEYS.enter);
    await f.see(`${f.dir}/sub`, 'inner.txt');
    f.h.press('B');
    await f.see('Bookmark', `Name for the bookmark of ${join(f.dir, 'sub')}`);
    f.h.press(KEYS.enter);
    await f.see('Bookmarked "sub"');
    expect(config.listBookmarks()).toEqual([{ name: 'sub', place: { kind: 'local', path: join(f.dir, 'sub') } }]);

    f.h.press(KEYS.backspace);
    await f.see('a.txt', 'big.bin');
    f.h.press('b');
    await f.see('Bookmarks', '> sub');
    f.h.press(KEYS.enter);
    await f.see(`${f.dir}/sub`, 'inner.txt');

    f.h.press('b');
    await f.see('> sub');
    f.h.press('r');
    await f.see('Rename bookmark');
    f.h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, 'inner', KEYS.enter);
    await f.see('Bookmarks', '> inner', 'Renamed the bookmark "sub" to "inner".');
    expect(config.listBookmarks().map((b) => b.name)).toEqual(['inner']);
    f.h.press('d');
    const empty = await f.see('No bookmarks yet', 'Deleted the bookmark "inner".');
    expect(config.listBookmarks()).toEqual([]);
    // Nothing to rename or delete: the footer says so.
    expect(empty).toContain('Esc: close');
    expect(empty).not.toContain('rename');
  });

  it('a B2 bookmark opens its bucket; one the key cannot see says why', async () => {
    const config = createMemoryConfig();
    config.saveBookmark({
      name: 'photos',
      place: { kind: 'b2', profile: 'demo', bucket: DEMO_BUCKETS.photos, prefix: '' },
    });
    config.saveBookmark({
      name: 'backups',
      place: { kind: 'b2', profile: 'demo-prefix', bucket: DEMO_BUCKETS.backups, prefix: '' },
    });
    f = await startTui({ b2: true, config });
    await f.see('a.txt');
    f.h.press('b');
    await f.see('> photos', `b2://${DEMO_BUCKETS.photos}/ (demo)`, 'backups');
    f.h.press(KEYS.enter);
    await f.see(`b2://${DEMO_BUCKETS.photos}/`, 'videos/');
    f.h.press('b');
    await f.see('> photos');
    f.h.press(KEYS.down, KEYS.enter);
    const frame = await f.see(
      `This key is limited to bucket ${DEMO_BUCKETS.photos}; ${DEMO_BUCKETS.backups} is outside it.`,
    );
    // The pane stays where it was.
    expect(frame).toContain(`b2://${DEMO_BUCKETS.photos}/`);
    expect(frame).not.toContain('Bookmarks');
  });
});
