/**
 * The demo account: layout the UI and other tests rely on, and that every demo key is scoped as
 * its name says — checked over HTTP.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_BUCKETS,
  DEMO_KEY_NAMES,
  DEMO_LARGE_FILE,
  DEMO_UNFINISHED_FILE,
  demoBytes,
  type DemoKey,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { authorizeRaw, b2Client, call, ok, sha1, tokenFor, upload, type Json } from './helpers.js';
import { startTestServer } from '../support/server.js';

let emu: RunningEmulator;
let t: string;
const ids: Record<string, string> = {};

const key = (name: string): DemoKey => {
  const k = emu.demoKeys.find((x) => x.name === name);
  if (!k) throw new Error(`no demo key ${name}`);
  return k;
};
const keyToken = (name: string, version = 2) =>
  tokenFor(emu, key(name).applicationKeyId, key(name).applicationKey, version);

beforeAll(async () => {
  // Default part sizes: this is what `b2c emulator --demo` seeds.
  emu = (await startTestServer({ demo: true })).emu;
  t = await tokenFor(emu);
  for (const b of (await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId })).buckets)
    ids[b.bucketName] = b.bucketId;
});
afterAll(() => emu.close());

describe('demo layout', () => {
  test('three buckets, one public', async () => {
    const r = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId });
    expect(r.buckets.map((b: Json) => [b.bucketName, b.bucketType])).toEqual([
      [DEMO_BUCKETS.backups, 'allPrivate'],
      [DEMO_BUCKETS.photos, 'allPrivate'],
      [DEMO_BUCKETS.public, 'allPublic'],
    ]);
  });

  test('photos bucket root: folders, a .bzEmpty placeholder folder, README with two versions', async () => {
    const root = await ok(emu, t, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos], delimiter: '/' });
    expect(root.files.map((f: Json) => f.fileName)).toEqual([
      'README.txt',
      'docs/',
      'empty-folder/',
      'photos/',
      'unicode/',
      'videos/',
      'weird/',
    ]);
    const empty = await ok(emu, t, 'b2_list_file_names', {
      bucketId: ids[DEMO_BUCKETS.photos],
      prefix: 'empty-folder/',
    });
    expect(empty.files.map((f: Json) => [f.fileName, f.contentLength])).toEqual([['empty-folder/.bzEmpty', 0]]);
    const readme = await ok(emu, t, 'b2_list_file_versions', {
      bucketId: ids[DEMO_BUCKETS.photos],
      prefix: 'README.txt',
    });
    expect(readme.files).toHaveLength(2);
  });

  test('versions and hide markers: report.pdf has 3 versions, old-cat.jpg is hidden', async () => {
    const v = await ok(emu, t, 'b2_list_file_versions', {
      bucketId: ids[DEMO_BUCKETS.photos],
      prefix: 'docs/report.pdf',
    });
    expect(v.files).toHaveLength(3);
    const cats = await ok(emu, t, 'b2_list_file_versions', {
      bucketId: ids[DEMO_BUCKETS.photos],
      prefix: 'photos/cats/old-cat.jpg',
    });
    expect(cats.files.map((f: Json) => f.action)).toEqual(['hide', 'upload']);
    const names = await ok(emu, t, 'b2_list_file_names', {
      bucketId: ids[DEMO_BUCKETS.photos],
      prefix: 'photos/cats/',
    });
    expect(names.files.map((f: Json) => f.fileName)).toEqual(['photos/cats/mia.jpg']);
  });

  test('unicode and hostile names (ESC, C1 CSI, RTL override) are listed', async () => {
    const all = await ok(emu, t, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos], maxFileCount: 1000 });
    const names = all.files.map((f: Json) => f.fileName as string);
    expect(names).toContain('unicode/日本語のファイル.txt');
    expect(names.some((n: string) => n.includes('\u001b['))).toBe(true);
    expect(names.some((n: string) => n.includes('\u009b'))).toBe(true);
    expect(names.some((n: string) => n.includes('\u202e'))).toBe(true);
  });

  test('the large file was finished through the large-file API: contentSha1 none, large_file_sha1 matches the bytes', async () => {
    const r = await ok(emu, t, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos], prefix: DEMO_LARGE_FILE });
    const f = r.files[0];
    expect(f.contentSha1).toBe('none');
    expect(f.contentLength).toBeGreaterThan(5_000_000);
    const bytes = Buffer.from(
      await (
        await fetch(`${emu.endpoint}/b2api/v2/b2_download_file_by_id?fileId=${f.fileId}`, {
          headers: { Authorization: t },
        })
      ).arrayBuffer(),
    );
    expect(sha1(bytes)).toBe(f.fileInfo.large_file_sha1);
  });

  test('an unfinished large file waits in the backups bucket', async () => {
    const r = await ok(emu, t, 'b2_list_unfinished_large_files', { bucketId: ids[DEMO_BUCKETS.backups] });
    expect(r.files.map((f: Json) => f.fileName)).toEqual([DEMO_UNFINISHED_FILE]);
  });

  test('seeded bytes are deterministic (demoBytes) and the whole account stays a few MB', async () => {
    const got = Buffer.from(
      await (
        await fetch(`${emu.endpoint}/file/${DEMO_BUCKETS.photos}/photos/2024/beach.jpg`, {
          headers: { Authorization: t },
        })
      ).arrayBuffer(),
    );
    expect(got).toEqual(demoBytes('beach', 245_760));
    let total = 0;
    for (const id of Object.values(ids)) {
      for (const f of (await ok(emu, t, 'b2_list_file_versions', { bucketId: id, maxFileCount: 10000 })).files)
        total += f.contentLength as number;
    }
    expect(total).toBeLessThan(10_000_000);
  });

  test('the public bucket serves without authorization', async () => {
    const r = await fetch(`${emu.endpoint}/file/${DEMO_BUCKETS.public}/index.html`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html');
  });
});

describe('demo keys', () => {
  test('all six keys exist with their names; secrets are real', () => {
    expect(emu.demoKeys.map((k) => k.name)).toEqual([...DEMO_KEY_NAMES]);
    expect(key('prefix')).toMatchObject({ buckets: [DEMO_BUCKETS.photos], namePrefix: 'photos/' });
    expect(key('multi-bucket').buckets).toEqual([DEMO_BUCKETS.photos, DEMO_BUCKETS.public]);
  });

  test('read-only: lists and reads, cannot write', async () => {
    const kt = await keyToken('read-only');
    expect((await call(emu, kt, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos] })).status).toBe(200);
    expect(
      (await fetch(`${emu.endpoint}/file/${DEMO_BUCKETS.photos}/README.txt`, { headers: { Authorization: kt } }))
        .status,
    ).toBe(200);
    expect((await call(emu, kt, 'b2_get_upload_url', { bucketId: ids[DEMO_BUCKETS.photos] })).body.code).toBe(
      'unauthorized',
    );
    const b2 = await b2Client(emu, key('read-only').applicationKeyId, key('read-only').applicationKey);
    expect((await b2.listBuckets()).data.buckets).toHaveLength(3);
  });

  test('no-delete: uploads, cannot delete versions', async () => {
    const kt = await keyToken('no-delete');
    const f = await upload(emu, kt, ids[DEMO_BUCKETS.backups] ?? '', 'nodelete.txt', 'x');
    expect(f.status).toBe(200);
    const del = await call(emu, kt, 'b2_delete_file_version', { fileId: f.body.fileId, fileName: 'nodelete.txt' });
    expect(del.body.code).toBe('unauthorized');
  });

  test('write-only: uploads, cannot list or read', async () => {
    const kt = await keyToken('write-only');
    expect((await upload(emu, kt, ids[DEMO_BUCKETS.backups] ?? '', 'writeonly.txt', 'w')).status).toBe(200);
    expect((await call(emu, kt, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.backups] })).body.code).toBe(
      'unauthorized',
    );
    expect(
      (await fetch(`${emu.endpoint}/file/${DEMO_BUCKETS.backups}/writeonly.txt`, { headers: { Authorization: kt } }))
        .status,
    ).toBe(401);
  });

  test('prefix: one bucket, names under photos/ only', async () => {
    const kt = await keyToken('prefix');
    expect(
      (await call(emu, kt, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos], prefix: 'photos/' })).status,
    ).toBe(200);
    expect(
      (await call(emu, kt, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.photos], prefix: '' })).body.code,
    ).toBe('unauthorized');
    expect(
      (await call(emu, kt, 'b2_list_file_names', { bucketId: ids[DEMO_BUCKETS.backups], prefix: 'photos/' })).body.code,
    ).toBe('unauthorized');
    expect((await upload(emu, kt, ids[DEMO_BUCKETS.photos] ?? '', 'docs/sneaky.txt', 's')).body.code).toBe(
      'unauthorized',
    );
    const v2 = await authorizeRaw(emu, 2, key('prefix').applicationKeyId, key('prefix').applicationKey);
    expect(v2.body.allowed).toMatchObject({ bucketName: DEMO_BUCKETS.photos, namePrefix: 'photos/' });
  });

  test('multi-bucket: 400 on v1–v3 authorize, two buckets on v4', async () => {
    const k = key('multi-bucket');
    for (const v of [1, 2, 3])
      expect((await authorizeRaw(emu, v, k.applicationKeyId, k.applicationKey)).status).toBe(400);
    const v4 = await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey);
    expect(v4.body.apiInfo.storageApi.allowed.buckets.map((b: Json) => b.name)).toEqual([
      DEMO_BUCKETS.photos,
      DEMO_BUCKETS.public,
    ]);
  });

  test('expired: authorize → 401 unauthorized', async () => {
    const r = await authorizeRaw(emu, 4, key('expired').applicationKeyId, key('expired').applicationKey);
    expect([r.status, r.body.code]).toEqual([401, 'unauthorized']);
    const listed = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId }, 4);
    expect(listed.keys.find((k: Json) => k.keyName === 'expired').expirationTimestamp).toBeLessThan(Date.now());
  });
});
