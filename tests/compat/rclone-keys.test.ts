/**
 * rclone 1.60 with restricted application keys against `b2c emulator`. rclone 1.60 authorizes on
 * v1, so keys are created the v1–v3 way (b2_create_key on v2 with `bucketId`); a key created on v4
 * with bucket restrictions is refused on v1 exactly as real B2 does (docs/b2-api.md §1.4,
 * rclone#9031).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bucketId, listNames, type B2Session } from './b2-native.js';
import { fixedMtime, writeTree, type TreeFile } from './local-tree.js';
import { lines, type Remote } from './rclone-run.js';
import { describeRclone, useRclone } from './rclone-suite.js';

const ALLOWED = 'compat-keys-allowed';
const OTHER = 'compat-keys-other';
const TREE: TreeFile[] = [
  { path: 'team/a.txt', data: Buffer.from('team a\n'), mtime: fixedMtime(0) },
  { path: 'team/sub/b.txt', data: Buffer.from('team b\n'), mtime: fixedMtime(0) },
  { path: 'private/c.txt', data: Buffer.from('private c\n'), mtime: fixedMtime(0) },
];
const FILE_CAPS = ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'];

/** Creates a key through `version`'s b2_create_key and returns it as an rclone remote. */
async function createKey(b2: B2Session, remote: string, body: Record<string, unknown>, version = 2): Promise<Remote> {
  const k = await b2.call('b2_create_key', { accountId: b2.accountId, keyName: remote, ...body }, version);
  return { name: remote, keyId: k.applicationKeyId as string, key: k.applicationKey as string };
}

describeRclone('rclone with restricted keys against b2c emulator', () => {
  const ctx = useRclone();
  let src = '';

  test('setup: two buckets with the same files; keys of several scopes', async () => {
    src = join(ctx.rclone.dir, 'src');
    await writeTree(src, TREE);
    await ctx.rclone.ok(['copy', src, `t:${ALLOWED}`]);
    await ctx.rclone.ok(['copy', src, `t:${OTHER}`]);
    const allowedId = await bucketId(ctx.b2, ALLOWED);
    await ctx.rclone.setRemotes([
      await createKey(ctx.b2, 'bucket', { capabilities: FILE_CAPS, bucketId: allowedId }),
      await createKey(ctx.b2, 'prefix', { capabilities: FILE_CAPS, bucketId: allowedId, namePrefix: 'team/' }),
      await createKey(ctx.b2, 'readonly', { capabilities: ['listBuckets', 'listFiles', 'readFiles'] }),
      await createKey(ctx.b2, 'v4bucket', { capabilities: FILE_CAPS, bucketIds: [allowedId] }, 4),
    ]);
  });

  test('bucket-restricted key: its bucket lists, reads, takes uploads and deletes', async () => {
    expect(
      lines(await ctx.rclone.ok(['lsf', '-R', `bucket:${ALLOWED}`]))
        .filter((l) => !l.endsWith('/'))
        .sort(),
    ).toEqual(TREE.map((f) => f.path).sort());
    expect((await ctx.rclone.run(['cat', `bucket:${ALLOWED}/private/c.txt`])).stdout).toBe('private c\n');
    await ctx.rclone.ok(['copyto', join(src, 'team', 'a.txt'), `bucket:${ALLOWED}/new/a.txt`]);
    expect((await listNames(ctx.b2, ALLOWED, 'new/')).map((f) => f.fileName)).toEqual(['new/a.txt']);
    await ctx.rclone.ok(['deletefile', `bucket:${ALLOWED}/new/a.txt`]);
    expect(await listNames(ctx.b2, ALLOWED, 'new/')).toEqual([]);
    // At the root, rclone shows only the key's bucket (from authorize's allowed.bucketName).
    expect(lines(await ctx.rclone.ok(['lsd', 'bucket:'])).map((l) => l.split(' ').pop())).toEqual([ALLOWED]);
  });

  test('bucket-restricted key: any other bucket is refused', async () => {
    for (const args of [
      ['lsf', `bucket:${OTHER}`],
      ['copyto', join(src, 'team', 'a.txt'), `bucket:${OTHER}/x.txt`],
    ]) {
      const r = await ctx.rclone.run(args);
      expect([args[0], r.code, r.stderr]).toEqual([
        args[0],
        1,
        expect.stringContaining(`you must use bucket "${ALLOWED}"`),
      ]);
    }
    expect(await listNames(ctx.b2, OTHER, 'x.txt')).toEqual([]);
  });

  test('name-prefix key: v1 listings are filtered to the prefix; writes outside it are refused', async () => {
    // docs/b2-api.md §2.3: on v1 (rclone's version) list calls filter to the key's prefix instead
    // of 401.
    const all = lines(await ctx.rclone.ok(['lsf', '-R', `prefix:${ALLOWED}`]));
    expect(all.filter((l) => !l.endsWith('/')).sort()).toEqual(['team/a.txt', 'team/sub/b.txt']);
    await ctx.rclone.ok(['copyto', join(src, 'private', 'c.txt'), `prefix:${ALLOWED}/team/c.txt`]);
    const outside = await ctx.rclone.run([
      'copyto',
      join(src, 'private', 'c.txt'),
      `prefix:${ALLOWED}/elsewhere/c.txt`,
    ]);
    expect([outside.code, outside.stderr]).toEqual([1, expect.stringContaining('401')]);
    expect((await listNames(ctx.b2, ALLOWED)).map((f) => f.fileName)).toEqual([
      'private/c.txt',
      'team/a.txt',
      'team/c.txt',
      'team/sub/b.txt',
    ]);
  });

  test('read-only key: lists and downloads; an upload gets 401 unauthorized for writeFiles', async () => {
    expect(lines(await ctx.rclone.ok(['lsf', `readonly:${OTHER}/team`]))).toEqual(['a.txt', 'sub/']);
    expect((await ctx.rclone.run(['cat', `readonly:${OTHER}/team/a.txt`])).stdout).toBe('team a\n');
    const up = await ctx.rclone.run([
      'copy',
      join(src, 'private'),
      `readonly:${OTHER}/upload`,
      '--low-level-retries',
      '1',
    ]);
    expect([up.code, up.stderr]).toEqual([
      1,
      expect.stringContaining('does not have the writeFiles capability (401 unauthorized)'),
    ]);
    expect(await listNames(ctx.b2, OTHER, 'upload/')).toEqual([]);
  });

  test('a bucket-restricted key created on v4 cannot authorize on v1, like real B2', async () => {
    const r = await ctx.rclone.run(['lsf', `v4bucket:${ALLOWED}`]);
    expect([r.code, r.stderr]).toEqual([
      1,
      expect.stringContaining('not currently supported on API version number 1 (400 bad_request)'),
    ]);
  });
});
