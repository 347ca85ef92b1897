/**
 * The server's fixture writer (src/emulator/demo/fixtures.ts), which the permission oracle uses
 * for its thousands of fixtures: a file put straight in the store is the file an HTTP upload of
 * the same bytes makes (the same answer but for its ID and time, the same listing row, the same
 * bytes downloaded), a version it deletes is gone over HTTP too, and a bucket whose settings an
 * upload would apply is refused rather than given a file without them.
 */
import { describe, expect, it } from 'vitest';
import type { Provider } from '../../src/providers/types.js';
import { useTestServer } from '../support/server.js';

const server = useTestServer();

/** A file object without what differs between two uploads of the same bytes. */
function comparable(file: Record<string, unknown>): Record<string, unknown> {
  const { fileId: _id, uploadTimestamp: _t, fileName: _n, ...rest } = file;
  return rest;
}

describe('fixtures put straight in the store', () => {
  it('are the file an upload of the same bytes makes: answer, listing row and bytes', async () => {
    const s = server();
    const b = await s.createBucket('fixtures');
    const data = Buffer.from('the same bytes\n');
    const overHttp = await s.api<Record<string, unknown>>('b2_get_file_info', {
      fileId: await s.upload(b.id, 'http.txt', data, { headers: { 'Content-Type': 'b2/x-auto' } }),
    });
    const put = await s.emu.fixtures.putFile(b.name, 'put.txt', data);
    expect(put.fileName).toBe('put.txt');
    // The upload's answer has no src_last_modified_millis unless sent: the helper sends one.
    const { src_last_modified_millis: _m, ...httpInfo } = overHttp.fileInfo as Record<string, string>;
    expect(comparable(put)).toEqual(comparable({ ...overHttp, fileInfo: httpInfo }));

    const listed = await s.api<{ files: Record<string, unknown>[] }>('b2_list_file_names', { bucketId: b.id });
    const row = listed.files.find((f) => f.fileName === 'put.txt');
    expect(row).toEqual(put);
    const h = await (await s.connect()).openRead(`/${b.name}/put.txt`);
    const chunks: Buffer[] = [];
    for await (const c of h.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(data);
  });

  it('delete a version that is then gone over HTTP, and say when there was none', async () => {
    const s = server();
    const b = await s.createBucket('fixtures');
    const put = await s.emu.fixtures.putFile(b.name, 'gone.txt', Buffer.from('x'));
    expect(await s.emu.fixtures.deleteVersion(String(put.fileId))).toBe(true);
    const listed = await s.api<{ files: unknown[] }>('b2_list_file_versions', { bucketId: b.id });
    expect(listed.files).toEqual([]);
    expect(await s.emu.fixtures.deleteVersion(String(put.fileId))).toBe(false);
  });

  it('refuse a bucket whose settings an upload would apply, and a bucket that does not exist', async () => {
    const s = server();
    const name = `locked-${Date.now()}`;
    await s.api('b2_create_bucket', {
      accountId: s.emu.accountId,
      bucketName: name,
      bucketType: 'allPrivate',
      fileLockEnabled: true,
    });
    await expect(s.emu.fixtures.putFile(name, 'a.txt', Buffer.from('a'))).rejects.toThrow(/Object Lock/);
    await expect(s.emu.fixtures.putFile('no-such-bucket', 'a.txt', Buffer.from('a'))).rejects.toThrow(/no bucket/);
  });
});

async function bucketNames(p: Provider): Promise<string[]> {
  const names: string[] = [];
  for await (const page of p.list('/')) names.push(...page.map((e) => e.name));
  return names;
}

describe('buckets and keys made straight in the store', () => {
  it('a bucket is listed over HTTP as a private one; deleting it refuses one with files, then it is gone', async () => {
    const s = server();
    const name = `fixture-${Date.now()}`;
    await s.emu.fixtures.createBucket(name);
    await expect(s.emu.fixtures.createBucket(name)).rejects.toThrow(/already in use/);
    const listed = await s.api<{ buckets: { bucketName: string; bucketType: string }[] }>('b2_list_buckets', {
      accountId: s.emu.accountId,
    });
    expect(listed.buckets.find((b) => b.bucketName === name)?.bucketType).toBe('allPrivate');
    const put = await s.emu.fixtures.putFile(name, 'a.txt', Buffer.from('a'));
    await expect(s.emu.fixtures.deleteBucket(name)).rejects.toThrow(/non-empty/);
    await s.emu.fixtures.deleteVersion(String(put.fileId));
    expect(await s.emu.fixtures.deleteBucket(name)).toBe(true);
    const after = await s.api<{ buckets: { bucketName: string }[] }>('b2_list_buckets', { accountId: s.emu.accountId });
    expect(after.buckets.map((b) => b.bucketName)).not.toContain(name);
    expect(await s.emu.fixtures.deleteBucket(name)).toBe(false);
  });

  it('a key signs in over HTTP with what it was given; once deleted, its signed-in provider is refused', async () => {
    const s = server();
    await s.emu.fixtures.createBucket('fixture-keys');
    const made = await s.emu.fixtures.createKey(`fixture-${Date.now()}`, ['listBuckets', 'listFiles']);
    const keys = await s.api<{ keys: { applicationKeyId: string; capabilities: string[] }[] }>('b2_list_keys', {
      accountId: s.emu.accountId,
    });
    expect(keys.keys.find((k) => k.applicationKeyId === made.applicationKeyId)?.capabilities).toEqual([
      'listBuckets',
      'listFiles',
    ]);
    const p = await s.connect(made.applicationKeyId, made.applicationKey);
    expect(await bucketNames(p)).toContain('fixture-keys');
    expect(await s.emu.fixtures.deleteKeys((k) => k.applicationKeyId === made.applicationKeyId)).toBe(1);
    await expect(bucketNames(p)).rejects.toThrow();
    expect(await s.emu.fixtures.deleteKeys((k) => k.applicationKeyId === made.applicationKeyId)).toBe(0);
  });
});
