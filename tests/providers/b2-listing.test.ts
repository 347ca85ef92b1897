/**
 * B2 provider listings over HTTP: 1000-row pages across more than 1000 names, folder rows as
 * directories, `.bzEmpty` placeholders (hidden, but making the folder exist), and showHidden.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/providers/errors.js';
import { FOLDER_PLACEHOLDER } from '../../src/providers/b2/index.js';
import { collect, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
let bucket: string;

const put = (path: string, text: string, overwrite = false) =>
  f.master.write(path, Readable.from([Buffer.from(text)]), { size: Buffer.byteLength(text), overwrite });

beforeAll(async () => {
  f = await startB2();
  bucket = (await f.bucket('list')).name;
});
afterAll(() => f.close());

describe('paging', () => {
  it('1000 rows per page by default, every name exactly once across pages', async () => {
    const names = Array.from({ length: 1234 }, (_, i) => `n-${String(i).padStart(5, '0')}.txt`);
    // Put straight in the server's store: the listing is what is tested, and 1,234 uploads over
    // HTTP cost about 3 CPU-s.
    for (const n of names) await f.emu.fixtures.putFile(bucket, `many/${n}`, Buffer.from(n));
    const pages = await collect(f.master.list(`/${bucket}/many`));
    expect(pages.map((p) => p.length)).toEqual([1000, 234]);
    expect(pages.flat().map((e) => e.name)).toEqual(names);
  });

  it('pageSize is honoured and next markers are passed back untouched', async () => {
    const pages = await collect(f.master.list(`/${bucket}/many`, { pageSize: 500 }));
    expect(pages.map((p) => p.length)).toEqual([500, 500, 234]);
    expect(new Set(pages.flat().map((e) => e.name)).size).toBe(1234);
  });
});

describe('folders and .bzEmpty', () => {
  it('folder rows are dirs; a placeholder is never listed but makes its folder exist', async () => {
    await put(`/${bucket}/tree/a.txt`, 'a');
    await put(`/${bucket}/tree/sub/deep/b.txt`, 'b');
    await f.master.mkdir(`/${bucket}/tree/empty`);
    const rows = (await collect(f.master.list(`/${bucket}/tree`))).flat();
    expect(rows.map((e) => [e.name, e.kind]).sort()).toEqual([
      ['a.txt', 'file'],
      ['empty', 'dir'],
      ['sub', 'dir'],
    ]);
    expect(await collect(f.master.list(`/${bucket}/tree/empty`))).toEqual([[]]);
    expect((await f.master.stat(`/${bucket}/tree/empty`)).kind).toBe('dir');
    // The placeholder is a real zero-byte object, named as the B2 web UI names it.
    const raw = await f.raw<{ files: Array<{ fileName: string; contentLength: number }> }>('b2_list_file_names', {
      bucketId: (await f.master.stat(`/${bucket}`)).bucketId,
      prefix: 'tree/empty/',
    });
    expect(raw.json.files.map((x) => [x.fileName, x.contentLength])).toEqual([[`tree/empty/${FOLDER_PLACEHOLDER}`, 0]]);
  });

  it('a folder with only a placeholder disappears when the placeholder goes', async () => {
    await f.master.mkdir(`/${bucket}/gone`);
    await f.master.remove(`/${bucket}/gone`, { mode: 'all-versions' });
    await expect(f.master.stat(`/${bucket}/gone`)).rejects.toBeInstanceOf(NotFoundError);
    await expect(collect(f.master.list(`/${bucket}/gone`))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('showHidden', () => {
  it('hidden names appear only with showHidden, marked hidden and carrying the last real version', async () => {
    await put(`/${bucket}/hid/visible.txt`, 'v');
    await put(`/${bucket}/hid/secret.txt`, 'twelve bytes');
    await f.master.remove(`/${bucket}/hid/secret.txt`, { mode: 'hide' });
    const plain = (await collect(f.master.list(`/${bucket}/hid`))).flat();
    expect(plain.map((e) => e.name)).toEqual(['visible.txt']);
    const all = (await collect(f.master.list(`/${bucket}/hid`, { showHidden: true }))).flat();
    expect(all.map((e) => [e.name, e.hidden === true])).toEqual([
      ['secret.txt', true],
      ['visible.txt', false],
    ]);
    expect(all[0]?.size).toBe(12);
  });

  it('showHidden lists each name once even with many versions across pages', async () => {
    for (let i = 0; i < 5; i++) await put(`/${bucket}/vers/multi.txt`, `version ${i}`, true);
    await put(`/${bucket}/vers/single.txt`, 'one');
    const pages = await collect(f.master.list(`/${bucket}/vers`, { showHidden: true, pageSize: 2 }));
    expect(pages.flat().map((e) => e.name)).toEqual(['multi.txt', 'single.txt']);
    expect(pages.flat()[0]?.size).toBe('version 4'.length);
  });
});
