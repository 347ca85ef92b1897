/**
 * rclone's server-side operations against `b2c emulator`: copyto through b2_copy_file (same and
 * other bucket), a large copy through b2_copy_part, touch (copy onto itself with REPLACE metadata)
 * and moveto (copy + hide). The request log proves no byte went through rclone.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listNames, listVersions, type Json } from './b2-native.js';
import { fixedMtime, randomData, sha1, writeTree, type TreeFile } from './local-tree.js';
import { CHUNK, describeRclone, MULTIPART_FLAGS, SMALL_PART_SERVER, useRclone } from './rclone-suite.js';

const BUCKET = 'compat-server-side';
const OTHER = 'compat-server-side-2';
const small: TreeFile = { path: 'src/small.txt', data: Buffer.from('copy me on the server\n'), mtime: fixedMtime(0) };
const large: TreeFile = { path: 'src/large.bin', data: randomData(2 * CHUNK + 999), mtime: fixedMtime(60) };

/** Endpoint names of the B2 calls in request-log lines (`POST /b2api/v1/b2_copy_file 200 1ms`). */
function endpoints(log: string[]): string[] {
  return log.map((l) => /\/b2api\/v\d\/(b2_[a-z_]+)/.exec(l)?.[1] ?? l.split(' ')[1] ?? '');
}

/** Request-log lines that moved file bytes: uploads, and GET downloads (HEADs carry none). */
function byteTransfers(log: string[]): string[] {
  return log.filter(
    (l) => /^POST \S*\/b2_upload_(file|part)\//.test(l) || /^GET (\/file\/|\S*\/b2_download_file_by_id)/.test(l),
  );
}

describeRclone('rclone server-side operations against b2c emulator', () => {
  const ctx = useRclone(SMALL_PART_SERVER);
  const file = async (bucket: string, name: string): Promise<Json | undefined> =>
    (await listNames(ctx.b2, bucket, name)).find((f) => f.fileName === name);

  test('setup: upload a small and a large file', async () => {
    const src = join(ctx.rclone.dir, 'up');
    await writeTree(src, [small, large]);
    await ctx.rclone.ok(['mkdir', `t:${OTHER}`]);
    await ctx.rclone.ok(['copy', src, `t:${BUCKET}`, ...MULTIPART_FLAGS]);
    expect((await listNames(ctx.b2, BUCKET)).map((f) => f.fileName)).toEqual([large.path, small.path]);
  });

  test('copyto in one bucket uses b2_copy_file; data, SHA1 and fileInfo are the source’s', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['copyto', `t:${BUCKET}/${small.path}`, `t:${BUCKET}/copies/small.txt`]);
    const log = await ctx.emu.logSince(mark);
    expect(endpoints(log)).toContain('b2_copy_file');
    expect(byteTransfers(log)).toEqual([]);
    const [from, to] = [await file(BUCKET, small.path), await file(BUCKET, 'copies/small.txt')];
    expect(to?.fileId).not.toBe(from?.fileId);
    expect([to?.contentSha1, to?.contentLength, to?.contentType, to?.fileInfo]).toEqual([
      sha1(small.data),
      small.data.length,
      from?.contentType,
      from?.fileInfo,
    ]);
    expect((await ctx.rclone.run(['cat', `t:${BUCKET}/copies/small.txt`])).bytes.equals(small.data)).toBe(true);
  });

  test('copyto into another bucket passes destinationBucketId', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['copyto', `t:${BUCKET}/${small.path}`, `t:${OTHER}/from-other.txt`]);
    expect(endpoints(await ctx.emu.logSince(mark))).toContain('b2_copy_file');
    const to = await file(OTHER, 'from-other.txt');
    expect([to?.contentSha1, to?.fileInfo.src_last_modified_millis]).toEqual([
      sha1(small.data),
      String(small.mtime.getTime()),
    ]);
  });

  test('copyto above --b2-copy-cutoff copies a large file part by part (b2_copy_part)', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok([
      'copyto',
      `t:${BUCKET}/${large.path}`,
      `t:${BUCKET}/copies/large.bin`,
      '--b2-copy-cutoff',
      '5Mi',
    ]);
    const log = await ctx.emu.logSince(mark);
    const calls = endpoints(log);
    expect(calls.filter((c) => c === 'b2_copy_part')).toHaveLength(3);
    expect(calls).toContain('b2_finish_large_file');
    expect(byteTransfers(log)).toEqual([]);
    const to = await file(BUCKET, 'copies/large.bin');
    expect([to?.contentLength, to?.fileInfo.large_file_sha1]).toEqual([large.data.length, sha1(large.data)]);
    const back = await ctx.rclone.run(['cat', `t:${BUCKET}/copies/large.bin`]);
    expect(sha1(back.bytes)).toBe(sha1(large.data));
  });

  test('touch sets the mtime by copying the file onto itself with REPLACE metadata', async () => {
    const before = await file(BUCKET, small.path);
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['touch', '--timestamp', '2019-03-04T05:06:07', `t:${BUCKET}/${small.path}`]);
    expect(endpoints(await ctx.emu.logSince(mark))).toContain('b2_copy_file');
    const after = await file(BUCKET, small.path);
    expect(after?.fileId).not.toBe(before?.fileId);
    expect([after?.fileInfo.src_last_modified_millis, after?.contentSha1]).toEqual([
      String(Date.UTC(2019, 2, 4, 5, 6, 7)),
      sha1(small.data),
    ]);
    const items = JSON.parse(await ctx.rclone.ok(['lsjson', `t:${BUCKET}/src`])) as { Name: string; ModTime: string }[];
    expect(items.find((i) => i.Name === 'small.txt')?.ModTime).toBe('2019-03-04T05:06:07.000Z');
  });

  test('moveto copies on the server and hides the source', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['moveto', `t:${BUCKET}/copies/small.txt`, `t:${BUCKET}/moved/small.txt`]);
    const calls = endpoints(await ctx.emu.logSince(mark));
    expect(calls).toEqual(expect.arrayContaining(['b2_copy_file', 'b2_hide_file']));
    const names = (await listNames(ctx.b2, BUCKET)).map((f) => f.fileName);
    expect(names).toContain('moved/small.txt');
    expect(names).not.toContain('copies/small.txt');
    const versions = (await listVersions(ctx.b2, BUCKET, 'copies/small.txt')).map((v) => v.action);
    expect(versions).toEqual(['hide', 'upload']);
  });
});
