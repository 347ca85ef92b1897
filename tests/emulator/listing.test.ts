/**
 * b2_list_file_names / b2_list_file_versions: order, prefix, delimiter folder rows, hidden names,
 * pagination limits and restart points, v1 vs v2 item shapes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, call, makeBucket, ok, put, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;
let manyId: string;

const names = (files: Json[]): string[] => files.map((f) => f.fileName as string);

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'list-bucket');
  for (const n of ['z.txt', 'a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'e.txt', 'h/only.txt'])
    await put(emu, t, bucketId, n, n);
  for (const v of ['v1', 'v2', 'v3']) await put(emu, t, bucketId, 'd.txt', v);
  await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'e.txt' });
  await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'h/only.txt' });
  await ok(emu, t, 'b2_start_large_file', { bucketId, fileName: 'big.bin', contentType: 'application/octet-stream' });
  manyId = await makeBucket(emu, t, 'many-files');
  for (let i = 0; i < 150; i++) await put(emu, t, manyId, `f${String(i).padStart(3, '0')}`, 'x');
});
afterAll(() => emu.close());

describe('b2_list_file_names', () => {
  test('lists the newest visible version of each name, sorted; hidden names and unfinished large files are left out', async () => {
    const r = await ok(emu, t, 'b2_list_file_names', { bucketId });
    expect(names(r.files)).toEqual(['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'd.txt', 'z.txt']);
    expect(r.nextFileName).toBeNull();
    const d = r.files.find((f: Json) => f.fileName === 'd.txt');
    expect(d.contentLength).toBe(2);
  });

  test('delimiter "/" collapses sub-folders into folder rows; hidden-only folders vanish', async () => {
    const r = await ok(emu, t, 'b2_list_file_names', { bucketId, delimiter: '/', prefix: '' });
    expect(r.files.map((f: Json) => [f.action, f.fileName])).toEqual([
      ['upload', 'a.txt'],
      ['folder', 'b/'],
      ['upload', 'd.txt'],
      ['upload', 'z.txt'],
    ]);
    const folder = r.files[1];
    expect(folder).toEqual({
      accountId: emu.accountId,
      action: 'folder',
      bucketId,
      contentLength: 0,
      contentMd5: null,
      contentSha1: null,
      contentType: null,
      fileId: null,
      fileInfo: {},
      fileName: 'b/',
      uploadTimestamp: 0,
    });
    const inner = await ok(emu, t, 'b2_list_file_names', { bucketId, delimiter: '/', prefix: 'b/' });
    expect(names(inner.files)).toEqual(['b/1.txt', 'b/2.txt', 'b/c/']);
  });

  test('prefix without delimiter is a plain string prefix', async () => {
    const r = await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: 'b/c' });
    expect(names(r.files)).toEqual(['b/c/3.txt']);
  });

  test('explicit nulls and empty strings are accepted', async () => {
    const r = await ok(emu, t, 'b2_list_file_names', {
      bucketId,
      prefix: null,
      delimiter: null,
      startFileName: null,
      maxFileCount: null,
    });
    expect(r.files).toHaveLength(6);
    const e = await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: '', startFileName: '', delimiter: '' });
    expect(e.files).toHaveLength(6);
  });

  test('startFileName is inclusive; a missing name starts at the next one', async () => {
    expect(names((await ok(emu, t, 'b2_list_file_names', { bucketId, startFileName: 'd.txt' })).files)).toEqual([
      'd.txt',
      'z.txt',
    ]);
    expect(names((await ok(emu, t, 'b2_list_file_names', { bucketId, startFileName: 'c' })).files)).toEqual([
      'd.txt',
      'z.txt',
    ]);
  });

  test('pages follow nextFileName to the same result, folders included', async () => {
    for (const delimiter of [undefined, '/']) {
      const all = await ok(emu, t, 'b2_list_file_names', { bucketId, delimiter });
      const collected: string[] = [];
      let start: string | null = null;
      do {
        const page: Json = await ok(emu, t, 'b2_list_file_names', {
          bucketId,
          delimiter,
          maxFileCount: 2,
          startFileName: start,
        });
        expect(page.files.length).toBeLessThanOrEqual(2);
        collected.push(...names(page.files));
        start = page.nextFileName as string | null;
      } while (start !== null);
      expect(collected).toEqual(names(all.files));
    }
  });

  test('maxFileCount: default 100, max 10000, 0 = default, outside → 400 out_of_range', async () => {
    const def = await ok(emu, t, 'b2_list_file_names', { bucketId: manyId });
    expect(def.files).toHaveLength(100);
    expect(def.nextFileName).toBe('f100');
    expect((await ok(emu, t, 'b2_list_file_names', { bucketId: manyId, maxFileCount: 0 })).files).toHaveLength(100);
    expect((await ok(emu, t, 'b2_list_file_names', { bucketId: manyId, maxFileCount: 10000 })).files).toHaveLength(150);
    for (const maxFileCount of [10001, -1]) {
      const r = await call(emu, t, 'b2_list_file_names', { bucketId: manyId, maxFileCount });
      expect([r.status, r.body.code]).toEqual([400, 'out_of_range']);
    }
  });

  test('GET with query parameters works like POST', async () => {
    const q = new URLSearchParams({ bucketId, prefix: 'b/', delimiter: '/', maxFileCount: '2' });
    const r = (await (
      await fetch(`${emu.endpoint}/b2api/v2/b2_list_file_names?${q.toString()}`, { headers: { Authorization: t } })
    ).json()) as Json;
    expect(names(r.files)).toEqual(['b/1.txt', 'b/2.txt']);
    expect(r.nextFileName).toBe('b/c/');
  });

  test('unknown bucket → 400 bad_bucket_id; missing bucketId → 400 bad_request', async () => {
    expect((await call(emu, t, 'b2_list_file_names', { bucketId: 'ffffffffffffffffffffffff' })).body.code).toBe(
      'bad_bucket_id',
    );
    expect((await call(emu, t, 'b2_list_file_names', {})).body.code).toBe('bad_request');
  });

  test('v1 items carry size and no accountId/bucketId; v2 items carry contentLength', async () => {
    const v1 = await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: 'a' }, 1);
    expect(v1.files[0]).toMatchObject({ fileName: 'a.txt', size: 5, action: 'upload' });
    expect(v1.files[0]).not.toHaveProperty('accountId');
    expect(v1.files[0]).not.toHaveProperty('bucketId');
    const v2 = await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: 'a' }, 2);
    expect(v2.files[0]).toMatchObject({ contentLength: 5, accountId: emu.accountId, bucketId });
    expect(v2.files[0]).not.toHaveProperty('size');
  });

  test('backblaze-b2 listFileNames with delimiter and prefix', async () => {
    const b2 = await b2Client(emu);
    const r = await b2.listFileNames({ bucketId, prefix: 'b/', delimiter: '/', maxFileCount: 100, startFileName: '' });
    expect(names(r.data.files)).toEqual(['b/1.txt', 'b/2.txt', 'b/c/']);
  });
});

describe('b2_list_file_versions', () => {
  test('every version newest first per name, hide markers and unfinished large files included', async () => {
    const r = await ok(emu, t, 'b2_list_file_versions', { bucketId, maxFileCount: 1000 });
    const rows = r.files.map((f: Json) => [f.fileName, f.action]);
    expect(rows).toEqual([
      ['a.txt', 'upload'],
      ['b/1.txt', 'upload'],
      ['b/2.txt', 'upload'],
      ['b/c/3.txt', 'upload'],
      ['big.bin', 'start'],
      ['d.txt', 'upload'],
      ['d.txt', 'upload'],
      ['d.txt', 'upload'],
      ['e.txt', 'hide'],
      ['e.txt', 'upload'],
      ['h/only.txt', 'hide'],
      ['h/only.txt', 'upload'],
      ['z.txt', 'upload'],
    ]);
    const d = r.files.filter((f: Json) => f.fileName === 'd.txt');
    expect(d.map((f: Json) => f.contentLength)).toEqual([2, 2, 2]);
    expect(d[0].uploadTimestamp).toBeGreaterThanOrEqual(d[2].uploadTimestamp);
    const hide = r.files.find((f: Json) => f.action === 'hide');
    expect(hide).toMatchObject({
      contentLength: 0,
      contentType: 'application/x-bz-hide-marker',
      contentSha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      fileInfo: {},
    });
    expect(hide).not.toHaveProperty('fileRetention');
    const startRow = r.files.find((f: Json) => f.action === 'start');
    expect(startRow).toMatchObject({ contentLength: 0, contentSha1: 'none', contentMd5: null });
  });

  test('pages of one follow (nextFileName, nextFileId) through versions of one name', async () => {
    const all = await ok(emu, t, 'b2_list_file_versions', { bucketId, maxFileCount: 1000 });
    const ids: string[] = [];
    let startFileName: string | null = null;
    let startFileId: string | null = null;
    do {
      const page: Json = await ok(emu, t, 'b2_list_file_versions', {
        bucketId,
        maxFileCount: 1,
        startFileName,
        startFileId,
      });
      ids.push(...page.files.map((f: Json) => f.fileId as string));
      startFileName = page.nextFileName as string | null;
      startFileId = page.nextFileId as string | null;
    } while (startFileName !== null);
    expect(ids).toEqual(all.files.map((f: Json) => f.fileId));
  });

  test('delimiter folder rows also appear in version listings', async () => {
    const r = await ok(emu, t, 'b2_list_file_versions', { bucketId, delimiter: '/', prefix: '' });
    expect(r.files.filter((f: Json) => f.action === 'folder').map((f: Json) => f.fileName)).toEqual(['b/', 'h/']);
  });

  test('maxFileCount over 10000 → 400 out_of_range; startFileId without startFileName → 400', async () => {
    const r = await call(emu, t, 'b2_list_file_versions', { bucketId, maxFileCount: 10001 });
    expect(r.body.code).toBe('out_of_range');
    const alone = await call(emu, t, 'b2_list_file_versions', { bucketId, startFileId: '4_zabc' });
    expect([alone.status, alone.body.code]).toEqual([400, 'bad_request']);
  });

  test('backblaze-b2 listFileVersions', async () => {
    const b2 = await b2Client(emu);
    const r = await b2.listFileVersions({ bucketId, startFileName: 'd.txt', maxFileCount: 3 });
    expect(names(r.data.files)).toEqual(['d.txt', 'd.txt', 'd.txt']);
    expect(r.data.nextFileName).toBe('e.txt');
  });
});
