/**
 * `b2c rm` in-process (tests/support/cli.ts) against the built-in B2 server: each B2 mode (newest version,
 * --hide, --version ID, --all-versions), recursive removal, --dry-run (lists exactly what would
 * go, removes nothing), the refusal of unconfirmed recursive deletes without a terminal, a key
 * without deleteFiles refused before any request, local paths, and usage errors.
 * (Confirmation on a terminal: tests/e2e/cli-terminal.test.ts, in a pseudo-terminal.)
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';

const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;

useCliServer({}, (server) => (s = server));

async function twoVersions(name: string): Promise<string[]> {
  await s.upload(name, 'old');
  await s.upload(name, 'new!');
  return (await s.versions(name)).map((v) => v.fileId);
}

describe('b2c rm modes', () => {
  it('deletes the newest version by default: the older one shows again', async () => {
    const [newest, older] = await twoVersions('modes/default.txt');
    const r = await runCli(['rm', `b2://${s.bucket}/modes/default.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`deleted b2://${s.bucket}/modes/default.txt`);
    expect((await s.versions('modes/default.txt')).map((v) => v.fileId)).toEqual([older]);
    expect(newest).toBeDefined();
    expect((await s.read('modes/default.txt')).toString()).toBe('old');
  });

  it('--hide puts a hide marker on top and keeps every version', async () => {
    const ids = await twoVersions('modes/hide.txt');
    const r = await runCli(['rm', '--hide', `b2://${s.bucket}/modes/hide.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    const after = await s.versions('modes/hide.txt');
    expect(after.map((v) => v.action)).toEqual(['hide', 'upload', 'upload']);
    expect(after.slice(1).map((v) => v.fileId)).toEqual(ids);
    const ls = await runCli(['ls', `b2://${s.bucket}/modes`], { env: s.env() });
    expect(ls.stdout).not.toContain('hide.txt');
  });

  it('--version ID deletes exactly that version', async () => {
    const [newest, older] = await twoVersions('modes/one.txt');
    const r = await runCli(['rm', '--version', older ?? '', `b2://${s.bucket}/modes/one.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    expect((await s.versions('modes/one.txt')).map((v) => v.fileId)).toEqual([newest]);
  });

  it('--all-versions deletes every version, also of a hidden name', async () => {
    await twoVersions('modes/all.txt');
    await s.b2.remove(`/${s.bucket}/modes/all.txt`, { mode: 'hide' });
    const r = await runCli(['rm', '--all-versions', '--json', `b2://${s.bucket}/modes/all.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; results: Array<{ state: string; kind: string }> };
    expect(doc.ok).toBe(true);
    expect(doc.results).toEqual([expect.objectContaining({ kind: 'delete', state: 'done' })]);
    expect(await s.versions('modes/all.txt')).toEqual([]);
  });
});

describe('b2c rm folders', () => {
  it('--dry-run lists exactly what would go and removes nothing', async () => {
    await s.upload('dry/a.txt', 'a');
    await s.upload('dry/sub/b.txt', 'b');
    await twoVersions('dry/v.txt');
    const before = await s.allVersions('dry/');
    const ids = (name: string): string[] =>
      before.filter((l) => l.startsWith(`${name} `)).map((l) => l.split(' ')[2] ?? '');
    const r = await runCli(['rm', '-r', '--all-versions', '--dry-run', `b2://${s.bucket}/dry`], { env: s.env() });
    expect(r.code).toBe(0);
    const b = `b2://${s.bucket}/dry`;
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `would delete ${b}/a.txt (version ${ids('dry/a.txt')[0]})`,
      `would delete ${b}/sub/b.txt (version ${ids('dry/sub/b.txt')[0]})`,
      `would remove folder ${b}/sub/`,
      ...ids('dry/v.txt').map((id) => `would delete ${b}/v.txt (version ${id})`),
      `would remove folder ${b}/`,
      'Dry run: nothing was removed.',
    ]);
    expect(await s.allVersions('dry/')).toEqual(before);
  });

  it('-r --yes removes a folder with everything in it', async () => {
    await s.upload('tree/a.txt', 'a');
    await s.upload('tree/deep/b.txt', 'b');
    const r = await runCli(['rm', '-r', '--yes', `b2://${s.bucket}/tree`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 files removed');
    const ls = await runCli(['ls', `b2://${s.bucket}/tree`], { env: s.env() });
    expect(ls.code).toBe(1);
  });

  it('refuses a recursive delete without --yes when stdin is not a terminal, sending nothing', async () => {
    await s.upload('keep/a.txt', 'a');
    const before = s.log.length;
    const r = await runCli(['rm', '-r', `b2://${s.bucket}/keep`], { env: s.env() });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('Refusing a recursive delete without confirmation: stdin is not a terminal. Add --yes');
    expect(s.log.length).toBe(before);
    expect((await s.read('keep/a.txt')).toString()).toBe('a');
  });

  it('refuses a folder without -r', async () => {
    await s.upload('norec/a.txt', 'a');
    const r = await runCli(['rm', `b2://${s.bucket}/norec`], { env: s.env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a folder: use -r');
    expect((await s.read('norec/a.txt')).toString()).toBe('a');
  });
});

describe('b2c rm permissions, local paths and usage', () => {
  it('refuses with the reason before any request when the key may not delete', async () => {
    await s.upload('perm/a.txt', 'a');
    const key = await s.b2.keys.createKey({
      keyName: 'no-delete',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
    });
    const before = s.log.length;
    const r = await runCli(['rm', `b2://${s.bucket}/perm/a.txt`], { env: s.env(key) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Delete needs the deleteFiles capability');
    expect(fileRequestsAfter(s.log, before)).toEqual([]);
    expect((await s.read('perm/a.txt')).toString()).toBe('a');
  });

  it('removes local files, and local folders with -r --yes', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'f.txt'), 'f');
    await mkdir(join(dir, 'd', 'e'), { recursive: true });
    await writeFile(join(dir, 'd', 'e', 'g.txt'), 'g');
    const file = await runCli(['rm', join(dir, 'f.txt')], { env: {} });
    expect(file.code).toBe(0);
    expect(existsSync(join(dir, 'f.txt'))).toBe(false);
    const dry = await runCli(['rm', '-r', '--dry-run', join(dir, 'd')], { env: {} });
    expect(dry.stdout.split('\n').filter(Boolean)).toEqual([
      `would delete ${join(dir, 'd', 'e', 'g.txt')}`,
      `would remove folder ${join(dir, 'd', 'e')}/`,
      `would remove folder ${join(dir, 'd')}/`,
      'Dry run: nothing was removed.',
    ]);
    expect(existsSync(join(dir, 'd', 'e', 'g.txt'))).toBe(true);
    const tree = await runCli(['rm', '-r', '--yes', join(dir, 'd')], { env: {} });
    expect(tree.code).toBe(0);
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });

  it('exits 64 for usage errors', async () => {
    const cases = [
      ['rm'],
      ['rm', '--hide', '--all-versions', `b2://${s.bucket}/x`],
      ['rm', '--version', 'abc', `b2://${s.bucket}/x`, `b2://${s.bucket}/y`],
      ['rm', '--version', 'abc', '-r', `b2://${s.bucket}/x`],
      ['rm', '--hide', '/tmp/x'],
      ['rm', `b2://${s.bucket}`],
      ['rm', '--what', 'x'],
    ];
    for (const args of cases) {
      const r = await runCli(args, { env: s.env() });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/^b2c rm: /);
    }
  });
});
