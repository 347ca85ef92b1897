/**
 * `b2c sync` and rclone see the same tree the same way (issue 12, item 3): a tree rclone uploaded
 * (small files and a multipart large file) is, to `b2c sync --dry-run`, already in sync — by
 * modification time (rclone's `src_last_modified_millis`) and by SHA1 (contentSha1 and rclone's
 * `large_file_sha1`); and a tree b2c uploaded (its large file carrying both keys) passes `rclone check` and leaves `rclone sync
 * --dry-run` with nothing to do (rclone compares size and the same mtime key).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { listNames } from './b2-native.js';
import { fixedMtime, randomData, sha1, writeTree, type TreeFile } from './local-tree.js';
import { CHUNK, describeRclone, MULTIPART_FLAGS, SMALL_PART_SERVER, useRclone } from './rclone-suite.js';

const BUCKET = 'compat-sync';
const TREE: TreeFile[] = [
  { path: 'a.txt', data: Buffer.from('hello sync\n'), mtime: fixedMtime(0) },
  { path: 'sub/b.bin', data: randomData(70_000), mtime: fixedMtime(60) },
  // A millisecond that is not exact in binary: both tools truncate the file system's time.
  { path: 'sub/odd-ms.txt', data: Buffer.from('odd\n'), mtime: new Date(Date.UTC(2022, 1, 3, 4, 5, 6, 123)) },
  { path: 'empty.bin', data: Buffer.alloc(0), mtime: fixedMtime(90) },
  { path: 'big.bin', data: randomData(2 * CHUNK + 4321), mtime: fixedMtime(120) },
];

describeRclone('b2c sync ↔ rclone', () => {
  const ctx = useRclone(SMALL_PART_SERVER);
  const tempDir = useTempDirs('b2c-rclone-sync-');
  let src = '';
  const env = (): Record<string, string> => ({
    B2_APPLICATION_KEY_ID: ctx.emu.masterKeyId,
    B2_APPLICATION_KEY: ctx.emu.masterKey,
    B2_ENDPOINT: ctx.emu.endpoint,
  });
  const counts = async (args: string[]): Promise<Record<string, { files: number }>> => {
    const r = await runCli(['sync', '--dry-run', '--json', ...args], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { plan: { counts: Record<string, { files: number }> } }).plan.counts;
  };

  test('a tree rclone uploaded: b2c sync --dry-run has nothing to do, by mtime and by SHA1', async () => {
    src = join(tempDir(), 'src');
    await writeTree(src, TREE);
    await ctx.rclone.ok(['mkdir', `t:${BUCKET}`]);
    await ctx.rclone.ok(['copy', src, `t:${BUCKET}/by-rclone`, ...MULTIPART_FLAGS]);
    for (const compare of ['mtime', 'sha1', 'size']) {
      const c = await counts(['--delete', '--compare', compare, src, `b2://${BUCKET}/by-rclone`]);
      expect({ compare, ...c }).toMatchObject({
        compare,
        upload: { files: 0 },
        replace: { files: 0 },
        remove: { files: 0 },
        unchanged: { files: TREE.length },
      });
    }
  });

  test('a tree b2c synced: rclone check agrees and rclone sync --dry-run skips nothing', async () => {
    const r = await runCli(['sync', src, `b2://${BUCKET}/by-b2c`], { env: env() });
    expect(r.code).toBe(0);
    const big = (await listNames(ctx.b2, BUCKET, 'by-b2c/big.bin'))[0];
    expect(big?.contentSha1).toBe('none');
    expect(big?.fileInfo).toEqual(
      expect.objectContaining({
        large_file_sha1: sha1(TREE[4]?.data ?? Buffer.alloc(0)),
        src_last_modified_millis: String(fixedMtime(120).getTime()),
      }),
    );
    await ctx.rclone.ok(['check', src, `t:${BUCKET}/by-b2c`]);
    const dry = await ctx.rclone.run(['sync', '--dry-run', '-v', src, `t:${BUCKET}/by-b2c`]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).not.toMatch(/Skipped/);
    expect(dry.stderr).toMatch(/There was nothing to transfer|Unchanged skipping/);
  });
});
