/**
 * `b2c sync` in-process (tests/support/cli.ts) against the built-in B2 server over real HTTP:
 * local→B2 and B2→local with --delete and --hide (removals only after every copy was done), a
 * second run that sends no upload, --dry-run
 * that changes nothing, --exclude, B2→B2 server-side copies, the --json document, and usage
 * errors (exit 64).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMOVALS_HELD } from '../../src/commands/sync-run.js';
import { runCli } from '../support/cli.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-sync-');
let s: CliServer;
useCliServer({}, (server) => (s = server));

const T = new Date('2024-05-01T12:00:00.123Z');
/** T in seconds, nudged so the file system stores exactly T's millisecond (a float would round .123 to .1229…). */
const T_SECONDS = (T.getTime() + 0.0005) / 1000;

/** A local tree of `files` (relative name → content), every mtime T. */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = tempDir();
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), data);
    await utimes(join(dir, rel), T_SECONDS, T_SECONDS);
  }
  return dir;
}

const uploads = (from: number): string[] =>
  fileRequestsAfter(s.log, from).filter((l) => /b2_upload_file|b2_upload_part|b2_copy_file/.test(l));

/** Visible names under `prefix` with their actions, as the server holds them. */
async function names(prefix: string): Promise<string[]> {
  return (await s.allVersions(prefix)).map((l) => l.split(' ').slice(0, 2).join(' '));
}

describe('b2c sync local → B2', () => {
  it('uploads, replaces and deletes; a second run transfers nothing', async () => {
    const dir = await tree({ 'a.txt': 'alpha', 'sub/b.txt': 'beta', 'keep.txt': 'same' });
    await s.put('up/keep.txt', 'same', T.getTime());
    await s.put('up/a.txt', 'old alpha', T.getTime() - 60_000);
    await s.put('up/gone.txt', 'x');
    const url = `b2://${s.bucket}/up`;
    const first = await runCli(['sync', '--delete', dir, url], { env: s.env() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`uploaded ${join(dir, 'sub/b.txt')} -> ${url}/sub/b.txt`);
    expect(first.stdout).toContain(`deleted all versions of ${url}/gone.txt`);
    expect((await s.read('up/a.txt')).toString()).toBe('alpha');
    expect(await names('up/')).toEqual([
      'up/a.txt upload',
      'up/a.txt upload',
      'up/keep.txt upload',
      'up/sub/b.txt upload',
    ]);

    const before = s.log.length;
    const second = await runCli(['sync', '--delete', dir, url], { env: s.env() });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Nothing to do: ${url} is like ${dir} (3 files unchanged).\n`);
    expect(uploads(before)).toEqual([]);
  });

  it('--hide hides what only B2 has, keeping its versions', async () => {
    const dir = await tree({ 'a.txt': 'a' });
    await s.put('hide/old.txt', 'old');
    const r = await runCli(['sync', '--hide', dir, `b2://${s.bucket}/hide`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(await names('hide/')).toEqual(['hide/a.txt upload', 'hide/old.txt hide', 'hide/old.txt upload']);
    const again = await runCli(['sync', '--hide', dir, `b2://${s.bucket}/hide`], { env: s.env() });
    expect(again.stdout).toBe(`Nothing to do: b2://${s.bucket}/hide is like ${dir} (1 file unchanged).\n`);
  });

  it('--dry-run lists exactly what would change and changes nothing', async () => {
    const dir = await tree({ 'new.txt': 'new', 'same.txt': 'same' });
    await s.put('dry/same.txt', 'same', T.getTime());
    await s.put('dry/extra.txt', 'extra');
    const before = await s.allVersions('dry/');
    const mark = s.log.length;
    const url = `b2://${s.bucket}/dry`;
    const r = await runCli(['sync', '--dry-run', '--delete', dir, url], { env: s.env() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `would delete ${url}/extra.txt`,
      `would copy ${join(dir, 'new.txt')} -> ${url}/new.txt (3 B)`,
      'Dry run, nothing was changed. Would copy 1 (3 B), replace 0 (0 B), delete 1; 1 unchanged.',
    ]);
    const writes = fileRequestsAfter(s.log, mark).filter((l) => /upload|copy|hide|delete|large_file/.test(l));
    expect(writes).toEqual([]);
    expect(await s.allVersions('dry/')).toEqual(before);
  });

  it('--exclude leaves matching names alone on both sides', async () => {
    const dir = await tree({ 'a.txt': 'a', 'x.tmp': 'tmp', 'cache/c.txt': 'c' });
    await s.put('ex/keep.tmp', 'remote tmp');
    const r = await runCli(
      ['sync', '--delete', '--exclude', '*.tmp', '--exclude', 'cache', dir, `b2://${s.bucket}/ex`],
      {
        env: s.env(),
      },
    );
    expect(r.code).toBe(0);
    expect(await names('ex/')).toEqual(['ex/a.txt upload', 'ex/keep.tmp upload']);
  });

  it('--compare sha1 hashes local files and finds the same content under a different time', async () => {
    const dir = await tree({ 'h.txt': 'hashed' });
    await s.upload('sha/h.txt', 'hashed');
    const mark = s.log.length;
    const byTime = await runCli(['sync', '--dry-run', '--json', dir, `b2://${s.bucket}/sha`], { env: s.env() });
    expect(JSON.parse(byTime.stdout).plan.counts.replace.files).toBe(1);
    const r = await runCli(['sync', '--compare', 'sha1', dir, `b2://${s.bucket}/sha`], { env: s.env() });
    expect(r.stdout).toBe(`Nothing to do: b2://${s.bucket}/sha is like ${dir} (1 file unchanged).\n`);
    expect(uploads(mark)).toEqual([]);
  });
  it('a symbolic link in SRC is not copied and ends skipped in the results, with why', async () => {
    const dir = await tree({ 'real.txt': 'real' });
    await symlink(join(dir, 'real.txt'), join(dir, 'link.txt'));
    const r = await runCli(['sync', '--json', dir, `b2://${s.bucket}/links`], { env: s.env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Array<{ source: string; state: string; note: string | null }> };
    expect(doc.results.map((x) => [x.source, x.state, x.note]).sort()).toEqual(
      [
        [join(dir, 'link.txt'), 'skipped', 'Skipped: symbolic links are not copied.'],
        [join(dir, 'real.txt'), 'done', null],
      ].sort(),
    );
    expect(await names('links/')).toEqual(['links/real.txt upload']);
  });
});

describe('b2c sync from B2', () => {
  it('B2 → local with --delete, mtimes kept, then nothing to do', async () => {
    await s.put('down/a.txt', 'remote a', T.getTime());
    await s.put('down/d/b.txt', 'remote b', T.getTime());
    const dir = await tree({ 'stale.txt': 'stale', 'a.txt': 'local a' });
    const r = await runCli(['sync', '--delete', `b2://${s.bucket}/down`, dir], { env: s.env() });
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('remote a');
    expect(await readFile(join(dir, 'd/b.txt'), 'utf8')).toBe('remote b');
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    const again = await runCli(['sync', '--delete', `b2://${s.bucket}/down`, dir], { env: s.env() });
    expect(again.stdout).toBe(`Nothing to do: ${dir} is like b2://${s.bucket}/down (2 files unchanged).\n`);
  });

  it('removes nothing when a copy failed: the removals end skipped, with why', async () => {
    await s.put('held/ok.txt', 'ok', T.getTime());
    await s.put('held/back\\slash.txt', 'refused on disk', T.getTime());
    const dir = await tree({ 'stale.txt': 'stale' });
    const r = await runCli(['sync', '--delete', '--json', `b2://${s.bucket}/held`, dir], { env: s.env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the name contains a backslash');
    expect(r.stderr).toContain('nothing was removed from DST: not every copy was done.');
    expect(existsSync(join(dir, 'stale.txt'))).toBe(true);
    expect(await readFile(join(dir, 'ok.txt'), 'utf8')).toBe('ok');
    const doc = JSON.parse(r.stdout) as { results: Array<{ target: string; state: string; note: string | null }> };
    expect(doc.results).toContainEqual(
      expect.objectContaining({ target: join(dir, 'stale.txt'), state: 'skipped', note: REMOVALS_HELD }),
    );
  });

  it('B2 → B2 copies server-side and --json reports the plan and every outcome', async () => {
    await s.put('bb-src/a.txt', 'a', T.getTime());
    await s.put('bb-src/b.txt', 'b', T.getTime());
    await s.put('bb-dst/b.txt', 'b', T.getTime());
    const mark = s.log.length;
    const r = await runCli(['sync', '--json', `b2://${s.bucket}/bb-src`, `b2://${s.bucket}/bb-dst`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(fileRequestsAfter(s.log, mark).filter((l) => /b2_copy_file/.test(l))).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: 'sync', dryRun: false, ok: true, interrupted: false });
    expect(doc.plan.counts).toEqual({
      upload: { files: 1, bytes: 1 },
      replace: { files: 0, bytes: 0 },
      remove: { files: 0, bytes: 0 },
      unchanged: { files: 1, bytes: 0 },
    });
    expect(doc.plan.items).toEqual([
      {
        action: 'upload',
        why: 'only-source',
        source: `b2://${s.bucket}/bb-src/a.txt`,
        target: `b2://${s.bucket}/bb-dst/a.txt`,
        bytes: 1,
      },
      {
        action: 'unchanged',
        why: 'same',
        source: `b2://${s.bucket}/bb-src/b.txt`,
        target: `b2://${s.bucket}/bb-dst/b.txt`,
        bytes: 0,
      },
    ]);
    expect(
      doc.results
        .map((x: { target: string; state: string; kind: string }) => `${x.kind} ${x.state} ${x.target}`)
        .sort(),
    ).toEqual([`server-copy done b2://${s.bucket}/bb-dst/a.txt`, `server-copy skipped b2://${s.bucket}/bb-dst/b.txt`]);
    expect(doc.totals).toMatchObject({ files: 2, done: 1, skipped: 1, failed: 0 });
  });
});

describe('b2c sync usage errors', () => {
  it.each([
    [['sync', 'only-one']],
    [['sync', 'a', 'b', 'c']],
    [['sync', '--delete', '--hide', 'a', 'b2://x-bucket/y']],
    [['sync', '--hide', 'a', 'b']],
    [['sync', '--compare', 'md5', 'a', 'b2://x-bucket/y']],
    [['sync', 'a', 'b2://']],
    [['sync', '--bogus', 'a', 'b']],
    [['sync', 'a', 'a/b']],
    [['sync', 'b2://x-bucket/y/z', 'b2://x-bucket/y']],
  ])('%j exits 64', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^b2c sync: /);
  });

  it('a missing SRC is refused before anything is removed', async () => {
    await s.put('safe/x.txt', 'x');
    const r = await runCli(['sync', '--delete', join(tempDir(), 'nope'), `b2://${s.bucket}/safe`], { env: s.env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist');
    expect(await names('safe/')).toEqual(['safe/x.txt upload']);
  });
});
