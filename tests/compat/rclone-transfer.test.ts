/**
 * rclone 1.60 (Debian) against `b2c emulator`: make a bucket, copy a tree up (small files and a
 * multipart file), list it every way rclone can, check it, copy it back down byte for byte, and
 * read ranges of it.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listNames } from './b2-native.js';
import {
  fixedMtime,
  md5,
  parseHashSums,
  randomData,
  readTreeFile,
  sha1,
  writeTree,
  type TreeFile,
} from './local-tree.js';
import { lines } from './rclone-run.js';
import { CHUNK, describeRclone, MULTIPART_FLAGS, SMALL_PART_SERVER, useRclone } from './rclone-suite.js';

const BUCKET = 'compat-transfer';
const TREE: TreeFile[] = [
  { path: 'a.txt', data: Buffer.from('hello rclone\n'), mtime: fixedMtime(0) },
  { path: 'empty.bin', data: Buffer.alloc(0), mtime: fixedMtime(30) },
  { path: 'sub/b.bin', data: randomData(70_000), mtime: fixedMtime(60) },
  { path: 'sub/deeper/c.txt', data: Buffer.from('third\n'), mtime: fixedMtime(90) },
  { path: 'ünï cødé/日本語 😀.txt', data: Buffer.from('unicode\n'), mtime: fixedMtime(120) },
  { path: 'odd/a b+c%d#e&f;g=h.txt', data: Buffer.from('punctuation\n'), mtime: fixedMtime(150) },
  // Three parts at rclone's 5 MiB chunk size: 5 MiB, 5 MiB, 12 345 bytes.
  { path: 'big.bin', data: randomData(2 * CHUNK + 12_345), mtime: fixedMtime(180) },
];
const byPath = new Map(TREE.map((f) => [f.path, f]));
const big = byPath.get('big.bin')?.data ?? Buffer.alloc(0);

describeRclone('rclone transfers against b2c emulator', () => {
  const ctx = useRclone(SMALL_PART_SERVER);
  let src = '';

  test('mkdir creates a private bucket that lsd lists', async () => {
    src = join(ctx.rclone.dir, 'src');
    await writeTree(src, TREE);
    await ctx.rclone.ok(['mkdir', `t:${BUCKET}`]);
    const buckets = await ctx.b2.call('b2_list_buckets', { accountId: ctx.b2.accountId, bucketName: BUCKET });
    expect(buckets.buckets).toMatchObject([{ bucketName: BUCKET, bucketType: 'allPrivate' }]);
    expect(await ctx.rclone.ok(['lsd', 't:'])).toMatch(new RegExp(` ${BUCKET}$`, 'm'));
  });

  test('copy up: small files by b2_upload_file, the big one as a 3-part large file', async () => {
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok(['copy', src, `t:${BUCKET}`, ...MULTIPART_FLAGS]);
    const calls = await ctx.emu.logSince(mark);
    const count = (path: string): number =>
      calls.filter((l) => l.includes(`/${path}`) && l.endsWith('ms') && / 200 /.test(l)).length;
    expect(count('b2_upload_file/')).toBe(TREE.length - 1);
    expect(count('b2_start_large_file')).toBe(1);
    expect(count('b2_upload_part/')).toBe(3);
    expect(count('b2_finish_large_file')).toBe(1);

    const files = await listNames(ctx.b2, BUCKET);
    expect(files.map((f) => f.fileName).sort()).toEqual(TREE.map((f) => f.path).sort());
    for (const f of files) {
      const local = byPath.get(f.fileName as string);
      expect([f.fileName, f.contentLength, f.fileInfo.src_last_modified_millis]).toEqual([
        f.fileName,
        local?.data.length,
        String(local?.mtime.getTime()),
      ]);
    }
    const large = files.find((f) => f.fileName === 'big.bin');
    // A large file has no whole-file SHA1 of its own; rclone stores it as large_file_sha1.
    expect([large?.contentSha1, large?.fileInfo.large_file_sha1]).toEqual(['none', sha1(big)]);
  });

  test('ls, lsl, lsf and lsjson show names, sizes and the mtimes from src_last_modified_millis', async () => {
    const lsf = lines(await ctx.rclone.ok(['lsf', '-R', `t:${BUCKET}`]));
    expect(lsf.filter((l) => !l.endsWith('/')).sort()).toEqual(TREE.map((f) => f.path).sort());
    expect(lsf.filter((l) => l.endsWith('/')).sort()).toEqual(['odd/', 'sub/', 'sub/deeper/', 'ünï cødé/']);
    expect(lines(await ctx.rclone.ok(['lsf', `t:${BUCKET}/sub`]))).toEqual(['b.bin', 'deeper/']);

    const ls = lines(await ctx.rclone.ok(['ls', `t:${BUCKET}`])).map((l) =>
      l
        .trim()
        .split(/\s+(.*)/s)
        .slice(0, 2),
    );
    expect(new Map(ls.map(([size, path]) => [path, Number(size)]))).toEqual(
      new Map(TREE.map((f) => [f.path, f.data.length])),
    );

    const lsl = await ctx.rclone.ok(['lsl', `t:${BUCKET}/sub/deeper`]);
    expect(lsl.trim()).toBe('6 2021-05-06 07:09:39.250000000 c.txt');

    const server = new Map(
      (await listNames(ctx.b2, BUCKET)).map((f) => [f.fileName as string, Number(f.fileInfo.src_last_modified_millis)]),
    );
    const items = JSON.parse(await ctx.rclone.ok(['lsjson', '-R', `t:${BUCKET}`])) as {
      Path: string;
      Size: number;
      ModTime: string;
      IsDir: boolean;
    }[];
    for (const it of items.filter((i) => !i.IsDir)) {
      const local = byPath.get(it.Path);
      expect([it.Path, it.Size, Date.parse(it.ModTime), Date.parse(it.ModTime)]).toEqual([
        it.Path,
        local?.data.length,
        local?.mtime.getTime(),
        server.get(it.Path),
      ]);
    }
    expect(
      items
        .filter((i) => i.IsDir)
        .map((i) => i.Path)
        .sort(),
    ).toEqual(['odd', 'sub', 'sub/deeper', 'ünï cødé']);
  });

  test('check finds no differences, and finds one after a local change', async () => {
    const same = await ctx.rclone.run(['check', src, `t:${BUCKET}`]);
    expect([same.code, same.stderr]).toEqual([0, expect.stringContaining('0 differences found')]);
    // Same size, different bytes: only the SHA1 comparison can notice.
    const changed = join(src, 'a.txt');
    await writeFile(changed, 'HELLO RCLONE\n');
    const diff = await ctx.rclone.run(['check', src, `t:${BUCKET}`]);
    expect([diff.code, diff.stderr]).toEqual([1, expect.stringContaining('1 differences found')]);
    await writeTree(src, [byPath.get('a.txt') as TreeFile]);
  });

  test('copy down: every byte and mtime arrives', async () => {
    const down = join(ctx.rclone.dir, 'down');
    await mkdir(down);
    await ctx.rclone.ok(['copy', `t:${BUCKET}`, down]);
    for (const f of TREE) {
      const got = await readTreeFile(down, f.path);
      expect([f.path, got.equals(f.data)]).toEqual([f.path, true]);
      const st = await stat(join(down, ...f.path.split('/')));
      expect([f.path, Math.floor(st.mtimeMs)]).toEqual([f.path, f.mtime.getTime()]);
    }
  });

  test('multi-thread download: concurrent Range requests (206) reassemble the large file exactly', async () => {
    const down = join(ctx.rclone.dir, 'multi');
    const mark = ctx.emu.log.length;
    await ctx.rclone.ok([
      'copy',
      `t:${BUCKET}/big.bin`,
      down,
      '--multi-thread-cutoff',
      '1Mi',
      '--multi-thread-streams',
      '4',
    ]);
    expect((await ctx.emu.logSince(mark)).filter((l) => /^GET \S+ 206 /.test(l))).toHaveLength(4);
    expect(sha1(await readTreeFile(down, 'big.bin'))).toBe(sha1(big));
  });

  test('cat --offset/--count reads ranges (206), across a part boundary and from the end', async () => {
    const mark = ctx.emu.log.length;
    const across = await ctx.rclone.run([
      'cat',
      '--offset',
      String(CHUNK - 10),
      '--count',
      '20',
      `t:${BUCKET}/big.bin`,
    ]);
    expect(across.bytes.toString('hex')).toBe(big.subarray(CHUNK - 10, CHUNK + 10).toString('hex'));
    const tail = await ctx.rclone.ok(['cat', '--offset', '-7', `t:${BUCKET}/a.txt`]);
    expect(tail).toBe('rclone\n');
    const head = await ctx.rclone.ok(['cat', '--count', '5', `t:${BUCKET}/a.txt`]);
    expect(head).toBe('hello');
    const calls = await ctx.emu.logSince(mark);
    expect(calls.filter((l) => / 206 /.test(l)).length).toBeGreaterThanOrEqual(3);
    const past = await ctx.rclone.run(['cat', '--offset', '100', '--count', '3', `t:${BUCKET}/a.txt`]);
    expect([past.code, past.stdout, past.stderr]).toEqual([
      1,
      '',
      expect.stringContaining('416 range_not_satisfiable'),
    ]);
  });

  test('sha1sum agrees with local SHA1s (large file via large_file_sha1); md5sum only with --download', async () => {
    const sums = parseHashSums(await ctx.rclone.ok(['sha1sum', `t:${BUCKET}`]));
    expect(sums).toEqual(new Map(TREE.map((f) => [f.path, sha1(f.data)])));
    // rclone's B2 backend knows only SHA1, as real B2 stores no MD5 it exposes to rclone.
    const plain = await ctx.rclone.run(['md5sum', `t:${BUCKET}/sub/deeper`]);
    expect([plain.code, plain.stderr]).toEqual([1, expect.stringContaining('hash unsupported')]);
    const md5s = parseHashSums(await ctx.rclone.ok(['md5sum', '--download', `t:${BUCKET}`]));
    expect(md5s).toEqual(new Map(TREE.map((f) => [f.path, md5(f.data)])));
  });

  test('rcat streams an unknown-size upload as a large file; cat returns the same bytes', async () => {
    const data = randomData(CHUNK + 4321);
    await ctx.rclone.ok(['rcat', `t:${BUCKET}/streamed.bin`, ...MULTIPART_FLAGS], data);
    const [file] = await listNames(ctx.b2, BUCKET, 'streamed.bin');
    expect([file?.contentLength, file?.contentSha1]).toEqual([data.length, 'none']);
    const back = await ctx.rclone.run(['cat', `t:${BUCKET}/streamed.bin`]);
    expect([back.code, back.bytes.length, sha1(back.bytes)]).toEqual([0, data.length, sha1(data)]);
  });
});
