/**
 * --data persistence: buckets, files (bytes), versions, hide markers, keys, unfinished large
 * files with parts and the master key survive a restart; a torn journal line and orphaned blobs
 * (a crash mid-write) are tolerated.
 */
import { appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { authorizeRaw, makeBucket, ok, put, sha1, start, tokenFor, type Json } from './helpers.js';

let dir: string;
/** A first part at the servers' minimum part size (100 bytes in tests/emulator/helpers.ts). */
const PART_ONE = 'p'.repeat(100);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-emu-data-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('persistence with dataDir', () => {
  test('everything comes back after a restart, bytes included', async () => {
    const first = await start({ dataDir: dir });
    const t = await tokenFor(first);
    const bucketId = await makeBucket(first, t, 'persist-bucket', 'allPublic');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 9);
    const f = await put(first, t, bucketId, 'dir/big.bin', big, { 'X-Bz-Info-color': 'red' });
    await put(first, t, bucketId, 'v.txt', 'one');
    await put(first, t, bucketId, 'v.txt', 'two');
    await put(first, t, bucketId, 'gone.txt', 'g');
    await ok(first, t, 'b2_hide_file', { bucketId, fileName: 'gone.txt' });
    const key = await ok(
      first,
      t,
      'b2_create_key',
      { accountId: first.accountId, keyName: 'persisted', capabilities: ['listFiles'], bucketIds: [bucketId] },
      4,
    );
    const large = await ok(first, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'pending.bin',
      contentType: 'text/plain',
    });
    const pu = await ok(first, t, 'b2_get_upload_part_url', { fileId: large.fileId });
    for (const [n, body] of [PART_ONE, 'two'].entries()) {
      await fetch(pu.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: pu.authorizationToken,
          'X-Bz-Part-Number': String(n + 1),
          'X-Bz-Content-Sha1': sha1(body),
        },
        body: Buffer.from(body),
      });
    }
    const versionsBefore = await ok(first, t, 'b2_list_file_versions', { bucketId });
    const { accountId, masterKeyId, masterKey } = first;
    await first.close();

    const second = await start({ dataDir: dir });
    try {
      expect([second.accountId, second.masterKeyId, second.masterKey]).toEqual([accountId, masterKeyId, masterKey]);
      const t2 = await tokenFor(second);
      const buckets = await ok(second, t2, 'b2_list_buckets', { accountId });
      expect(buckets.buckets.map((b: Json) => [b.bucketName, b.bucketType])).toEqual([['persist-bucket', 'allPublic']]);
      const versionsAfter = await ok(second, t2, 'b2_list_file_versions', { bucketId });
      expect(versionsAfter.files).toEqual(versionsBefore.files);
      const got = Buffer.from(await (await fetch(`${second.endpoint}/file/persist-bucket/dir/big.bin`)).arrayBuffer());
      expect(sha1(got)).toBe(sha1(big));
      expect((await ok(second, t2, 'b2_get_file_info', { fileId: f.fileId })).fileInfo).toEqual({ color: 'red' });
      expect(await (await fetch(`${second.endpoint}/file/persist-bucket/v.txt`)).text()).toBe('two');
      expect((await fetch(`${second.endpoint}/file/persist-bucket/gone.txt`)).status).toBe(404);
      expect((await authorizeRaw(second, 4, key.applicationKeyId, key.applicationKey)).status).toBe(200);
      expect((await authorizeRaw(second, 2, key.applicationKeyId, key.applicationKey)).status).toBe(400);
      const parts = await ok(second, t2, 'b2_list_parts', { fileId: large.fileId });
      expect(parts.parts.map((p: Json) => p.contentSha1)).toEqual([sha1(PART_ONE), sha1('two')]);
      await ok(second, t2, 'b2_finish_large_file', {
        fileId: large.fileId,
        partSha1Array: [sha1(PART_ONE), sha1('two')],
      });
      expect(await (await fetch(`${second.endpoint}/file/persist-bucket/pending.bin`)).text()).toBe(`${PART_ONE}two`);
      // New IDs keep increasing after the restart.
      const newer = await put(second, t2, bucketId, 'v.txt', 'three');
      expect(newer.fileId > versionsBefore.files.find((x: Json) => x.fileName === 'v.txt').fileId).toBe(true);
    } finally {
      await second.close();
    }
  });

  test('deleted versions free their blobs; the old token namespace does not survive', async () => {
    const first = await start({ dataDir: dir });
    const t = await tokenFor(first);
    const bucketId = await makeBucket(first, t, 'blob-bucket');
    const f = await put(first, t, bucketId, 'x.bin', Buffer.alloc(1000, 1));
    expect(await readdir(join(dir, 'blobs'))).toHaveLength(1);
    await ok(first, t, 'b2_delete_file_version', { fileId: f.fileId, fileName: 'x.bin' });
    expect(await readdir(join(dir, 'blobs'))).toHaveLength(0);
    await first.close();
    const second = await start({ dataDir: dir });
    try {
      const r = await fetch(`${second.endpoint}/b2api/v2/b2_list_buckets`, {
        method: 'POST',
        headers: { Authorization: t },
        body: JSON.stringify({ accountId: second.accountId }),
      });
      expect(r.status).toBe(401);
    } finally {
      await second.close();
    }
  });

  test('a torn last journal line and an orphaned blob (crash mid-write) are tolerated', async () => {
    const first = await start({ dataDir: dir });
    const t = await tokenFor(first);
    const bucketId = await makeBucket(first, t, 'crash-bucket');
    await put(first, t, bucketId, 'kept.txt', 'kept');
    await first.close();
    await appendFile(join(dir, 'journal.jsonl'), '{"t":"bucket","v":{"bucketId":"tor');
    await writeFile(join(dir, 'blobs', 'orphan0000000000000'), 'never committed');
    const second = await start({ dataDir: dir });
    try {
      expect(
        await (
          await fetch(`${second.endpoint}/file/crash-bucket/kept.txt`, {
            headers: { Authorization: await tokenFor(second) },
          })
        ).text(),
      ).toBe('kept');
      expect(await readdir(join(dir, 'blobs'))).not.toContain('orphan0000000000000');
    } finally {
      await second.close();
    }
  });

  test('masterKeyId/masterKey options override what is stored', async () => {
    const first = await start({ dataDir: dir, masterKeyId: 'myMasterKeyId00', masterKey: 'mySecret' });
    expect(first.masterKeyId).toBe('myMasterKeyId00');
    await first.close();
    const second = await start({ dataDir: dir });
    try {
      expect([second.masterKeyId, second.masterKey]).toEqual(['myMasterKeyId00', 'mySecret']);
      expect((await authorizeRaw(second, 2, 'myMasterKeyId00', 'mySecret')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  test('the demo seed happens once: a restart with demo keeps the same store and keys', async () => {
    const first = await start({ dataDir: dir, demo: true });
    const keys = first.demoKeys;
    expect(keys.length).toBe(6);
    await first.close();
    const second = await start({ dataDir: dir, demo: true });
    try {
      expect(second.demoKeys).toEqual(keys);
    } finally {
      await second.close();
    }
  });
});
