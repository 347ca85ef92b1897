/**
 * rclone's version handling against `b2c emulator`: deletefile hides (a hide marker on the
 * server), --b2-hard-delete deletes every version, --b2-versions lists and reads old versions,
 * cleanup removes hidden and old versions, rmdir refuses a non-empty bucket, purge empties and
 * deletes a bucket even with an unfinished large file in it.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findBucket, listVersions } from './b2-native.js';
import { fixedMtime, writeTree, type TreeFile } from './local-tree.js';
import { lines } from './rclone-run.js';
import { describeRclone, useRclone } from './rclone-suite.js';

const BUCKET = 'compat-versions';
const v1: TreeFile = { path: 'a.txt', data: Buffer.from('first version\n'), mtime: fixedMtime(0) };
const v2: TreeFile = { path: 'a.txt', data: Buffer.from('second, longer version\n'), mtime: fixedMtime(60) };
const others: TreeFile[] = [
  { path: 'b.txt', data: Buffer.from('to be hidden\n'), mtime: fixedMtime(0) },
  { path: 'c.txt', data: Buffer.from('to be hard-deleted\n'), mtime: fixedMtime(0) },
  { path: 'dir/d.txt', data: Buffer.from('stays\n'), mtime: fixedMtime(0) },
];

/** rclone's version suffix for an upload timestamp: `-vYYYY-MM-DD-HHMMSS-mmm`, in UTC. */
function versionSuffix(uploadTimestamp: number): string {
  const iso = new Date(uploadTimestamp).toISOString(); // 2026-11-28T15:40:38.649Z
  return `-v${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
}

describeRclone('rclone versions, hide, delete, cleanup and purge against b2c emulator', () => {
  const ctx = useRclone();

  test('setup: two versions of a.txt and three other files', async () => {
    const src = join(ctx.rclone.dir, 'src');
    await writeTree(src, [v1, ...others]);
    await ctx.rclone.ok(['copy', src, `t:${BUCKET}`]);
    await writeTree(src, [v2]);
    await ctx.rclone.ok(['copy', src, `t:${BUCKET}`]);
    expect((await listVersions(ctx.b2, BUCKET, 'a.txt')).map((v) => v.contentLength)).toEqual([
      v2.data.length,
      v1.data.length,
    ]);
  });

  test('--b2-versions lists the old version by its upload time and cat reads its bytes', async () => {
    const old = (await listVersions(ctx.b2, BUCKET, 'a.txt'))[1];
    const oldName = `a${versionSuffix(old?.uploadTimestamp as number)}.txt`;
    const plain = lines(await ctx.rclone.ok(['lsf', `t:${BUCKET}`]));
    expect(plain).toEqual(['a.txt', 'b.txt', 'c.txt', 'dir/']);
    const all = lines(await ctx.rclone.ok(['lsf', '--b2-versions', `t:${BUCKET}`]));
    expect(all.sort()).toEqual([oldName, 'a.txt', 'b.txt', 'c.txt', 'dir/'].sort());
    const items = JSON.parse(await ctx.rclone.ok(['lsjson', '--b2-versions', `t:${BUCKET}`])) as {
      Name: string;
      Size: number;
    }[];
    expect(items.find((i) => i.Name === oldName)?.Size).toBe(v1.data.length);
    expect((await ctx.rclone.run(['cat', '--b2-versions', `t:${BUCKET}/${oldName}`])).stdout).toBe(v1.data.toString());
    expect((await ctx.rclone.run(['cat', `t:${BUCKET}/a.txt`])).stdout).toBe(v2.data.toString());
  });

  test('deletefile hides: the name disappears, the version list shows a hide marker on top', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['deletefile', `t:${BUCKET}/b.txt`]);
    expect((await ctx.emu.logSince(mark)).filter((l) => l.includes('b2_hide_file'))).toHaveLength(1);
    expect(lines(await ctx.rclone.ok(['lsf', `t:${BUCKET}`]))).not.toContain('b.txt');
    const versions = await listVersions(ctx.b2, BUCKET, 'b.txt');
    expect(versions.map((v) => [v.fileName, v.action, v.contentLength])).toEqual([
      ['b.txt', 'hide', 0],
      ['b.txt', 'upload', 13],
    ]);
    const byName = await fetch(`${ctx.b2.downloadUrl}/file/${BUCKET}/b.txt`, {
      headers: { Authorization: ctx.b2.token },
    });
    expect([byName.status, ((await byName.json()) as { code: string }).code]).toEqual([404, 'not_found']);
    // rclone never shows the hide marker itself, only the hidden upload as an old version.
    const all = lines(await ctx.rclone.ok(['lsf', '--b2-versions', `t:${BUCKET}`]));
    expect(all.filter((n) => n.startsWith('b'))).toEqual([
      `b${versionSuffix(versions[1]?.uploadTimestamp as number)}.txt`,
    ]);
  });

  test('deletefile --b2-hard-delete removes the version itself (no hide marker)', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['deletefile', '--b2-hard-delete', `t:${BUCKET}/c.txt`]);
    const log = await ctx.emu.logSince(mark);
    expect([
      log.filter((l) => l.includes('b2_delete_file_version')).length,
      log.filter((l) => l.includes('b2_hide_file')).length,
    ]).toEqual([1, 0]);
    expect(await listVersions(ctx.b2, BUCKET, 'c.txt')).toEqual([]);
  });

  test('cleanup deletes hide markers, hidden and old versions, keeping current files', async () => {
    await ctx.rclone.ok(['cleanup', `t:${BUCKET}`]);
    const versions = await listVersions(ctx.b2, BUCKET);
    expect(versions.map((v) => [v.fileName, v.action, v.contentLength])).toEqual([
      ['a.txt', 'upload', v2.data.length],
      ['dir/d.txt', 'upload', 6],
    ]);
    expect(lines(await ctx.rclone.ok(['lsf', '-R', '--b2-versions', `t:${BUCKET}`]))).toEqual([
      'a.txt',
      'dir/d.txt',
      'dir/',
    ]);
  });

  test('rmdir refuses a non-empty bucket (400 cannot_delete_non_empty_bucket)', async () => {
    const r = await ctx.rclone.run(['rmdir', `t:${BUCKET}`]);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('cannot_delete_non_empty_bucket')]);
    expect(await findBucket(ctx.b2, BUCKET)).toBeDefined();
  });

  test('purge deletes every version, an unfinished large file included, then the bucket', async () => {
    const bucket = await findBucket(ctx.b2, BUCKET);
    // A large file started but never finished: purge lists it (action "start") and deletes it.
    await ctx.b2.call('b2_start_large_file', {
      bucketId: bucket?.bucketId,
      fileName: 'pending/upload.bin',
      contentType: 'b2/x-auto',
    });
    expect((await listVersions(ctx.b2, BUCKET, 'pending/')).map((v) => v.action)).toEqual(['start']);
    await ctx.rclone.ok(['purge', `t:${BUCKET}`]);
    expect(await findBucket(ctx.b2, BUCKET)).toBeUndefined();
    expect(lines(await ctx.rclone.ok(['lsd', 't:']))).toEqual([]);
    const listing = await ctx.rclone.run(['lsf', `t:${BUCKET}`]);
    expect([listing.code, listing.stderr]).toEqual([3, expect.stringContaining('directory not found')]);
  });
});
