/**
 * Bookmarks in the config: the pure operations, and a round trip through a real config file in a
 * temp dir (kept 0600, as every config write).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deleteBookmarkFrom, renameBookmarkIn, upsertBookmark } from '../../src/config/bookmark-ops.js';
import { ConfigValueError, createMemoryConfig } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import type { Bookmark, ConfigData } from '../../src/config/index.js';
import { DEFAULT_SETTINGS } from '../../src/config/types.js';
import { modeOf, tempDir, thrown } from './temp-config.js';

const photos: Bookmark = { name: 'photos', place: { kind: 'b2', profile: 'work', bucket: 'photos', prefix: '2024/' } };
const docs: Bookmark = { name: 'docs', place: { kind: 'local', path: '/home/me/docs' } };
const empty: ConfigData = { profiles: [], settings: { ...DEFAULT_SETTINGS }, bookmarks: [] };

describe('bookmark operations (pure)', () => {
  it('adds, replaces in place, renames and deletes without touching the input', () => {
    const one = upsertBookmark(empty, photos);
    expect(one.outcome).toBe('added');
    const two = upsertBookmark(one.data, docs).data;
    const moved = upsertBookmark(two, { ...photos, place: { kind: 'local', path: '/tmp' } });
    expect(moved.outcome).toBe('replaced');
    expect(moved.data.bookmarks.map((b) => [b.name, b.place.kind])).toEqual([
      ['photos', 'local'],
      ['docs', 'local'],
    ]);
    expect(two.bookmarks[0]).toEqual(photos);
    const renamed = renameBookmarkIn(two, 'docs', 'my docs');
    expect(renamed.bookmarks.map((b) => b.name)).toEqual(['photos', 'my docs']);
    expect(deleteBookmarkFrom(renamed, 'photos').bookmarks.map((b) => b.name)).toEqual(['my docs']);
    expect(empty.bookmarks).toEqual([]);
  });

  it('refuses bad names, taken names and relative paths with a clear error', () => {
    const data = upsertBookmark(upsertBookmark(empty, photos).data, docs).data;
    const taken = thrown(() => renameBookmarkIn(data, 'docs', 'photos'));
    expect(taken).toBeInstanceOf(ConfigValueError);
    expect((taken as Error).message).toMatch(/Another bookmark has that name/);
    expect((thrown(() => renameBookmarkIn(data, 'gone', 'x')) as Error).message).toMatch(/no longer exists/);
    expect((thrown(() => upsertBookmark(empty, { ...docs, name: ' x' })) as Error).message).toMatch(
      /bookmark name cannot start or end with a space/,
    );
    expect((thrown(() => upsertBookmark(empty, { ...docs, name: 'a\u001bb' })) as Error).message).toMatch(
      /control characters/,
    );
    expect(
      (thrown(() => upsertBookmark(empty, { name: 'rel', place: { kind: 'local', path: 'x/y' } })) as Error).message,
    ).toMatch(/absolute path/);
  });
});

describe('bookmarks in the config file', () => {
  it('persist across reopen in a 0600 file, beside the profiles', () => {
    const dir = tempDir();
    const store = openConfig({ dir });
    expect(store.listBookmarks()).toEqual([]);
    expect(store.saveBookmark(photos)).toBe('added');
    expect(store.saveBookmark(docs)).toBe('added');
    store.renameBookmark('photos', 'pics');
    const reopened = openConfig({ dir });
    expect(reopened.listBookmarks()).toEqual([{ ...photos, name: 'pics' }, docs]);
    reopened.deleteBookmark('docs');
    expect(openConfig({ dir }).listBookmarks()).toEqual([{ ...photos, name: 'pics' }]);
    expect(modeOf(reopened.path)).toBe(0o600);
    const onDisk = JSON.parse(fs.readFileSync(reopened.path, 'utf8')) as { bookmarks: Bookmark[] };
    expect(onDisk.bookmarks).toEqual([{ ...photos, name: 'pics' }]);
  });

  it('the demo keeps them in memory with the same rules', () => {
    const memory = createMemoryConfig();
    memory.saveBookmark(docs);
    expect(memory.listBookmarks()).toEqual([docs]);
    expect(thrown(() => memory.renameBookmark('docs', ''))).toBeInstanceOf(ConfigValueError);
  });
});
