/**
 * rclone under injected faults against `b2c emulator`: the `X-Bz-Test-Mode: fail_some_uploads`
 * header that `--b2-test-mode` sends (docs/b2-api.md §3.4), and faults set through the control
 * endpoint POST /_emulator/faults (503 on parts, expired tokens, connections dropped mid-download).
 * rclone must retry and every byte must arrive intact. Seeds are chosen so the FIRST matching call
 * fails (the PRNG is deterministic), so each test is sure to see its fault.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listNames } from './b2-native.js';
import { fixedMtime, randomData, sha1, writeTree, type TreeFile } from './local-tree.js';
import { CHUNK, describeRclone, MULTIPART_FLAGS, SMALL_PART_SERVER, useRclone } from './rclone-suite.js';

const BUCKET = 'compat-faults';
/** mulberry32(8) starts 0.16, 0.63, 0.30, 0.70: with rate 0.25 the first roll fails, the next three pass. */
const SEED = 8;
const RATE = 0.25;
const RETRIES = ['--low-level-retries', '10'];

const smalls: TreeFile[] = Array.from({ length: 8 }, (_, i) => ({
  path: `small/f${i}.bin`,
  data: randomData(1000 + i * 777),
  mtime: fixedMtime(i),
}));
const large: TreeFile = { path: 'large/big.bin', data: randomData(2 * CHUNK + 4096), mtime: fixedMtime(99) };

describeRclone('rclone under injected faults against b2c emulator', () => {
  const ctx = useRclone(SMALL_PART_SERVER);
  let src = '';

  test('--b2-test-mode fail_some_uploads: rclone retries the 503s and the bytes arrive intact', async () => {
    src = join(ctx.rclone.dir, 'src');
    await writeTree(src, [...smalls, large]);
    const mark = ctx.emu.log.length;
    // The test-mode PRNG fails the 4th upload of a fresh server (1 in 4 on average).
    await ctx.rclone.ok([
      'copy',
      join(src, 'small'),
      `t:${BUCKET}/small`,
      '--b2-test-mode',
      'fail_some_uploads',
      ...RETRIES,
    ]);
    const log = await ctx.emu.logSince(mark);
    expect(log.filter((l) => /b2_upload_file\/\S+ 503 /.test(l)).length).toBeGreaterThanOrEqual(1);
    const check = await ctx.rclone.run(['check', '--download', join(src, 'small'), `t:${BUCKET}/small`]);
    expect([check.code, check.stderr]).toEqual([0, expect.stringContaining(`${smalls.length} matching files`)]);
  });

  test('503 on one b2_upload_part (control endpoint): the part is retried, the large file is whole', async () => {
    ctx.emu.setFaults({ seed: SEED, uploadFailureRate: RATE, only: ['b2_upload_part'] });
    try {
      const mark = ctx.emu.log.length;
      await ctx.rclone.ok(['copy', join(src, 'large'), `t:${BUCKET}/large`, ...MULTIPART_FLAGS, ...RETRIES]);
      const log = await ctx.emu.logSince(mark);
      expect(log.filter((l) => /b2_upload_part\/\S+ 503 /.test(l))).toHaveLength(1);
      expect(log.filter((l) => /b2_upload_part\/\S+ 200 /.test(l))).toHaveLength(3);
    } finally {
      ctx.emu.setFaults({});
    }
    const [file] = await listNames(ctx.b2, BUCKET, 'large/');
    expect([file?.contentLength, file?.fileInfo.large_file_sha1]).toEqual([large.data.length, sha1(large.data)]);
    const back = await ctx.rclone.run(['cat', `t:${BUCKET}/large/big.bin`]);
    expect(sha1(back.bytes)).toBe(sha1(large.data));
  });

  test('an expired account token mid-run: rclone re-authorizes once and carries on', async () => {
    ctx.emu.setFaults({ seed: SEED, expireTokenRate: RATE, only: ['b2_list_file_names'] });
    try {
      const mark = ctx.emu.log.length;
      const out = await ctx.rclone.ok(['lsf', `t:${BUCKET}/small`, ...RETRIES]);
      expect(out.split('\n').filter(Boolean)).toEqual(smalls.map((f) => f.path.slice('small/'.length)));
      const log = await ctx.emu.logSince(mark);
      const interesting = log
        .filter((l) => l.includes('b2_list_file_names') || l.includes('b2_authorize_account'))
        .map((l) => l.replace(/ \d+ms$/, ''));
      // 401 expired_auth_token → b2_authorize_account → the same listing again.
      expect(interesting.slice(-3)).toEqual([
        'POST /b2api/v1/b2_list_file_names 401',
        'GET /b2api/v1/b2_authorize_account 200',
        'POST /b2api/v1/b2_list_file_names 200',
      ]);
    } finally {
      ctx.emu.setFaults({});
    }
  });

  test('a download cut off mid-body: rclone resumes with a Range request (206) and the bytes match', async () => {
    ctx.emu.setFaults({ seed: SEED, dropConnectionRate: RATE, only: ['b2_download_file_by_id'] });
    const down = join(ctx.rclone.dir, 'down');
    try {
      const mark = ctx.emu.log.length;
      await ctx.rclone.ok(['copy', `t:${BUCKET}/large`, down, ...RETRIES]);
      const log = await ctx.emu.logSince(mark);
      expect(log.filter((l) => /^GET \S+b2_download_file_by_id 206 /.test(l)).length).toBeGreaterThanOrEqual(1);
    } finally {
      ctx.emu.setFaults({});
    }
    const check = await ctx.rclone.run(['check', '--download', join(src, 'large'), down]);
    expect([check.code, check.stderr]).toEqual([0, expect.stringContaining('1 matching files')]);
  });
});
