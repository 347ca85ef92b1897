/**
 * `b2c find` in-process (tests/support/cli.ts) against the built-in B2 server and on real temp
 * dirs: name masks and text, size and date ranges, hidden names with --versions, one flat listing
 * per page on B2 (not one call per folder), --json in the ls --json shape, a key with a name
 * prefix, refusals and usage errors.
 */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';

const tempDir = useTempDirs('b2c-find-');
let s: CliServer;
const DAY = 86_400_000;
const OLD = Date.UTC(2020, 0, 1);

useCliServer({}, (server) => (s = server));

beforeAll(async () => {
  await s.put('logs/app.log', 'a'.repeat(10), OLD);
  await s.put('logs/2025/big.log', 'b'.repeat(3000));
  await s.put('logs/2025/notes.txt', 'n');
  await s.put('logs/.secret.log', 's');
  await s.put('readme.md', 'r');
  await s.put('logs/gone.log', 'g');
  await s.b2.remove(`/${s.bucket}/logs/gone.log`, { mode: 'hide' });
});

const lines = (out: string): string[] => out.split('\n').filter((l) => l !== '');

describe('b2c find on B2', () => {
  it('finds by mask at any depth, names relative to the folder, with one flat listing', async () => {
    const before = s.log.length;
    const r = await runCli(['find', `b2://${s.bucket}/logs`, '--name', '*.log'], { env: s.env() });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['2025/big.log', 'app.log']);
    const lists = fileRequestsAfter(s.log, before).filter((l) => /list_file/.test(l));
    expect(lists).toHaveLength(1);
  });

  it('matches plain text anywhere in the name, in any case', async () => {
    const r = await runCli(['find', `b2://${s.bucket}`, '--name', 'NOTE'], { env: s.env() });
    expect(lines(r.stdout)).toEqual(['logs/2025/notes.txt']);
  });

  it('filters by size (with suffixes) and by date', async () => {
    const big = await runCli(['find', `b2://${s.bucket}`, '--min-size', '2K'], { env: s.env() });
    expect(lines(big.stdout)).toEqual(['logs/2025/big.log']);
    const small = await runCli(['find', `b2://${s.bucket}/logs/`, '--max-size', '10', '--name', '*.log'], {
      env: s.env(),
    });
    expect(lines(small.stdout)).toEqual(['app.log']);
    const old = await runCli(['find', `b2://${s.bucket}`, '--older', '2021-01-01'], { env: s.env() });
    expect(lines(old.stdout)).toEqual(['logs/app.log']);
    const recent = await runCli(['find', `b2://${s.bucket}`, '--newer', '7d', '--name', '*.log'], { env: s.env() });
    expect(lines(recent.stdout)).toEqual(['logs/2025/big.log']);
  });

  it('--versions adds dotfiles and hidden names', async () => {
    const r = await runCli(['find', `b2://${s.bucket}/logs`, '--name', '*.log', '--versions'], { env: s.env() });
    expect(lines(r.stdout)).toEqual(['.secret.log', '2025/big.log', 'app.log', 'gone.log']);
  });

  it('--json prints one document shaped like ls --json', async () => {
    const r = await runCli(['find', '--json', `b2://${s.bucket}/logs`, '--name', 'big*'], { env: s.env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { location: string; entries: Array<Record<string, unknown>> };
    expect(doc.location).toBe(`b2://${s.bucket}/logs`);
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]).toMatchObject({
      name: '2025/big.log',
      kind: 'file',
      size: 3000,
      sha1: sha1('b'.repeat(3000)),
      location: `b2://${s.bucket}/logs/2025/big.log`,
    });
  });

  it('searches only what a key with a name prefix may see', async () => {
    const key = await s.b2.keys.createKey({
      keyName: 'logs-only',
      capabilities: ['listFiles', 'readFiles'],
      bucketIds: [s.bucketId],
      namePrefix: 'logs/2025/',
    });
    const r = await runCli(['find', `b2://${s.bucket}/logs/2025/`], { env: s.env(key) });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['big.log', 'notes.txt']);
  });

  it('says so when nothing matches, and fails for a folder that does not exist', async () => {
    const none = await runCli(['find', `b2://${s.bucket}`, '--name', '*.zip'], { env: s.env() });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Nothing under');
    const missing = await runCli(['find', `b2://${s.bucket}/nope/`], { env: s.env() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });

  it('refuses a key without listFiles, naming the capability', async () => {
    const key = await s.b2.keys.createKey({ keyName: 'no-list', capabilities: ['readFiles'] });
    const r = await runCli(['find', `b2://${s.bucket}`], { env: s.env(key) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('listFiles');
  });
});

describe('b2c find on the local disk', () => {
  it('walks folders, skips dotfiles unless --versions, filters like on B2', async () => {
    const dir = tempDir();
    await mkdir(join(dir, 'a/b'), { recursive: true });
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'a/b/deep.log'), 'x'.repeat(2048));
    await writeFile(join(dir, 'a/top.log'), 'y');
    await writeFile(join(dir, '.git/config.log'), 'z');
    await utimes(join(dir, 'a/top.log'), new Date(OLD), new Date(OLD));
    // A folder's files come before its subfolders' (each folder is listed once, by name).
    expect(lines((await runCli(['find', dir, '--name', '*.log'])).stdout)).toEqual(['a/top.log', 'a/b/deep.log']);
    expect(lines((await runCli(['find', dir, '--name', '*.log', '--versions'])).stdout)).toEqual([
      '.git/config.log',
      'a/top.log',
      'a/b/deep.log',
    ]);
    expect(lines((await runCli(['find', '.', '--min-size', '1k'], { cwd: dir })).stdout)).toEqual(['a/b/deep.log']);
    const newer = await runCli(['find', dir, '--newer', new Date(OLD + DAY).toISOString().slice(0, 10)]);
    expect(lines(newer.stdout)).toEqual(['a/b/deep.log']);
  });

  it('fails for a file or a missing path', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'f'), '');
    expect((await runCli(['find', join(dir, 'f')])).code).toBe(1);
    expect((await runCli(['find', join(dir, 'missing')])).code).toBe(1);
  });
});

describe('b2c find usage', () => {
  it('exits 64 for bad input, naming the problem', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['find'], /exactly one location/],
      [['find', 'a', 'b'], /exactly one location/],
      [['find', 'b2://'], /inside one bucket/],
      [['find', '.', '--min-size', 'lots'], /--min-size/],
      [['find', '.', '--max-size', '-1'], /--max-size/],
      [['find', '.', '--newer', 'yesterday'], /--newer: "yesterday" is not a date/],
      [['find', '.', '--older', '2025-13-45'], /--older/],
      [['find', '.', '--min-size', '2M', '--max-size', '1M'], /larger than --max-size/],
      [['find', '.', '--bogus'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { env: s.env() });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/^b2c find: /);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
