/**
 * `rclone link` against `b2c emulator`: in a private bucket rclone asks b2_get_download_authorization
 * for a token scoped to the file (or folder) and appends `?Authorization=`; in a public bucket the
 * plain /file/ URL works without one. The links are then downloaded with plain fetch, no other auth.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bucketId } from './b2-native.js';
import { fixedMtime, writeTree, type TreeFile } from './local-tree.js';
import { describeRclone, useRclone } from './rclone-suite.js';

const PRIVATE = 'compat-links';
const PUBLIC = 'compat-links-public';
const TREE: TreeFile[] = [
  { path: 'docs/report.txt', data: Buffer.from('quarterly report\n'), mtime: fixedMtime(0) },
  { path: 'docs/notes.txt', data: Buffer.from('notes\n'), mtime: fixedMtime(0) },
  { path: 'secret/keys.txt', data: Buffer.from('not shared\n'), mtime: fixedMtime(0) },
];

/** The link printed by rclone, as a URL (the token in it is never printed by the test). */
function parseLink(stdout: string): URL {
  return new URL(stdout.trim());
}

/** GET with no credentials but the link's own. */
async function download(url: URL | string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

describeRclone('rclone link against b2c emulator', () => {
  const ctx = useRclone();

  test('setup: the same files in a private and a public bucket', async () => {
    const src = join(ctx.rclone.dir, 'src');
    await writeTree(src, TREE);
    await ctx.rclone.ok(['copy', src, `t:${PRIVATE}`]);
    await ctx.rclone.ok(['copy', src, `t:${PUBLIC}`]);
    await ctx.b2.call('b2_update_bucket', {
      accountId: ctx.b2.accountId,
      bucketId: await bucketId(ctx.b2, PUBLIC),
      bucketType: 'allPublic',
    });
  });

  test('a private file link carries a download token that opens that file only', async () => {
    const mark = ctx.emu.log.length;
    const link = parseLink(await ctx.rclone.ok(['link', `t:${PRIVATE}/docs/report.txt`]));
    expect((await ctx.emu.logSince(mark)).some((l) => l.includes('b2_get_download_authorization 200'))).toBe(true);
    expect(`${link.origin}${link.pathname}`).toBe(`${ctx.emu.endpoint}/file/${PRIVATE}/docs/report.txt`);
    const token = link.searchParams.get('Authorization') ?? '';
    expect(token).not.toBe('');
    expect(await download(link)).toEqual({ status: 200, text: 'quarterly report\n' });
    // Scoped to the file name as a prefix: a sibling is refused, and so is the bare URL.
    const sibling = new URL(`${ctx.emu.endpoint}/file/${PRIVATE}/docs/notes.txt`);
    sibling.searchParams.set('Authorization', token);
    expect((await download(sibling)).status).toBe(401);
    expect((await download(`${link.origin}${link.pathname}`)).status).toBe(401);
  });

  test('a folder link token opens every file under the folder, and nothing outside it', async () => {
    const link = parseLink(await ctx.rclone.ok(['link', '--expire', '1h', `t:${PRIVATE}/docs`]));
    const token = link.searchParams.get('Authorization') ?? '';
    for (const [name, status] of [
      ['docs/notes.txt', 200],
      ['docs/report.txt', 200],
      ['secret/keys.txt', 401],
    ] as const) {
      const url = new URL(`${ctx.emu.endpoint}/file/${PRIVATE}/${name}`);
      url.searchParams.set('Authorization', token);
      expect([name, (await download(url)).status]).toEqual([name, status]);
    }
  });

  test('a public bucket link has no token and downloads anonymously', async () => {
    const mark = ctx.emu.log.length;
    const link = parseLink(await ctx.rclone.ok(['link', `t:${PUBLIC}/secret/keys.txt`]));
    expect((await ctx.emu.logSince(mark)).some((l) => l.includes('b2_get_download_authorization'))).toBe(false);
    expect(link.search).toBe('');
    expect(await download(link)).toEqual({ status: 200, text: 'not shared\n' });
  });
});
