/**
 * `b2c ls` in-process (tests/support/cli.ts) against the built-in B2 server: plain, long, JSON, recursive
 * and versions listings, the bucket list, local paths, refusals of restricted keys (with the
 * permission rules' own reason, before any listing request), and usage errors.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { b2LocationFromPath, checkAction } from '../../src/state/permissions/permissions.js';
import { runCli } from '../support/cli.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';

const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;
let verIds: string[] = [];

useCliServer({}, (server) => (s = server));

beforeAll(async () => {
  await s.upload('readme.txt', 'hello\n');
  await s.upload('docs/a.txt', 'aaa');
  await s.upload('docs/b.txt', 'bbbb');
  await s.upload('docs/sub/c.txt', 'c');
  await s.upload('photos/x.jpg', 'jpeg');
  await s.upload('ver.txt', 'one');
  await s.upload('ver.txt', 'two!');
  await s.upload('gone.txt', 'bye');
  await s.b2.remove(`/${s.bucket}/gone.txt`, { mode: 'hide' });
  verIds = (await s.versions('ver.txt')).map((v) => v.fileId);
});

const lines = (out: string): string[] => out.split('\n').filter((l) => l !== '');

describe('b2c ls', () => {
  it('lists a bucket by name, folders with a slash, hidden names left out', async () => {
    const r = await runCli(['ls', `b2://${s.bucket}`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['docs/', 'photos/', 'readme.txt', 'ver.txt']);
  });

  it('-l shows size, UTC date, SHA1 or type', async () => {
    const r = await runCli(['ls', '-l', `b2://${s.bucket}/docs`], { env: s.env() });
    expect(r.code).toBe(0);
    const [header, ...rows] = lines(r.stdout);
    expect(header).toMatch(/SIZE\s+MODIFIED \(UTC\)\s+SHA1 \/ TYPE\s+NAME/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(new RegExp(`^\\s+3  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ${sha1('aaa')}  a\\.txt$`));
    expect(rows[1]).toContain(`${sha1('bbbb')}  b.txt`);
    expect(rows[2]).toMatch(/^\s+-\s+-\s+dir\s+sub\/$/);
  });

  it('-r lists everything below, depth first', async () => {
    const r = await runCli(['ls', '-r', `b2://${s.bucket}/docs/`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['a.txt', 'b.txt', 'sub/', 'sub/c.txt']);
  });

  it('--json gives one document with every entry', async () => {
    const r = await runCli(['ls', '--json', '-r', `b2://${s.bucket}/docs`], { env: s.env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { location: string; entries: Array<Record<string, unknown>> };
    expect(doc.location).toBe(`b2://${s.bucket}/docs`);
    expect(doc.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt', 'sub/', 'sub/c.txt']);
    expect(doc.entries[0]).toMatchObject({
      kind: 'file',
      size: 3,
      sha1: sha1('aaa'),
      location: `b2://${s.bucket}/docs/a.txt`,
    });
    expect(doc.entries[2]).toMatchObject({ kind: 'dir', sha1: null });
  });

  it('--versions shows each version with its ID and action, hide markers included', async () => {
    const r = await runCli(['ls', '--versions', `b2://${s.bucket}/ver.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(verIds.map((id) => `upload  ${id}  ver.txt`));
    const all = await runCli(['ls', '--versions', '--json', `b2://${s.bucket}`], { env: s.env() });
    const doc = JSON.parse(all.stdout) as {
      entries: Array<{ name: string; action?: string; fileId?: string; isLatest?: boolean }>;
    };
    const gone = doc.entries.filter((e) => e.name === 'gone.txt');
    expect(gone.map((e) => e.action)).toEqual(['hide', 'upload']);
    expect(doc.entries.filter((e) => e.name === 'ver.txt').map((e) => [e.fileId, e.isLatest])).toEqual([
      [verIds[0], true],
      [verIds[1], false],
    ]);
  });

  it('b2:// lists the buckets; a file lists as itself', async () => {
    const buckets = await runCli(['ls', 'b2://'], { env: s.env() });
    expect(buckets.code).toBe(0);
    expect(lines(buckets.stdout)).toContain(`${s.bucket}/`);
    const one = await runCli(['ls', '-l', `b2://${s.bucket}/readme.txt`], { env: s.env() });
    expect(lines(one.stdout).slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^\\s+6  .*${sha1('hello\n')}  readme\\.txt$`)),
    ]);
  });

  it('lists local folders too', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'local.txt'), 'abcde');
    const r = await runCli(['ls', '-l', dir], { env: {} });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[1]).toMatch(/^\s+5 {2}\d{4}-.* {2}-\s+local\.txt$/);
  });

  it("refuses a key limited to another bucket with the rules' reason, before listing", async () => {
    const other = await s.b2.createBucket(`other-${s.bucket.slice(4)}`);
    const key = await s.b2.keys.createKey({
      keyName: 'other-only',
      capabilities: ['listFiles', 'readFiles'],
      bucketIds: [other.id],
    });
    const info = (await s.server.connect(key.applicationKeyId, key.applicationKey)).keyInfo;
    const expected = checkAction('list', b2LocationFromPath(`/${s.bucket}`, { dir: true }), info, Date.now());
    expect(expected.allowed).toBe(false);
    const before = s.log.length;
    const r = await runCli(['ls', `b2://${s.bucket}`], { env: s.env(key) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`b2c ls: ${expected.reason ?? 'missing'}`);
    expect(r.stdout).toBe('');
    expect(fileRequestsAfter(s.log, before).filter((l) => /list_file|download/.test(l))).toEqual([]);
  });

  it('refuses a key without listFiles, naming the capability', async () => {
    const key = await s.b2.keys.createKey({ keyName: 'read-only', capabilities: ['readFiles'] });
    const r = await runCli(['ls', `b2://${s.bucket}/docs`], { env: s.env(key) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('listFiles');
  });

  it('exits 1 for a name that does not exist', async () => {
    const r = await runCli(['ls', `b2://${s.bucket}/nope`], { env: s.env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`"b2://${s.bucket}/nope" does not exist`);
  });

  it('exits 64 for usage errors', async () => {
    for (const args of [
      ['ls'],
      ['ls', '--bogus', 'b2://x'],
      ['ls', '--versions', '/tmp'],
      ['ls', 'b2:/x'],
      ['ls', 'a', 'b'],
    ]) {
      const r = await runCli(args, { env: s.env() });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/^b2c ls: /);
    }
  });
});
