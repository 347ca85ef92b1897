/**
 * `b2c cp` in-process (tests/support/cli.ts) against the built-in B2 server (64 KiB parts): every
 * direction with bytes and SHA1 compared, destination semantics, hostile B2 names on download,
 * permission refusals and usage errors. Large files and --if-exists: cp-policies.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';
import { filesUnder } from '../support/disk.js';

const PART = 64 * 1024;
const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;

useCliServer({ partSize: PART }, (server) => (s = server));

interface Result {
  source: string;
  target: string;
  kind: string;
  state: string;
  bytes: number;
  sha1: string | null;
  error: { message: string } | null;
}

function results(stdout: string): Result[] {
  return (JSON.parse(stdout) as { results: Result[] }).results;
}

describe('b2c cp directions', () => {
  it('uploads a local file into a bucket, bytes and SHA1 intact', async () => {
    const dir = tempDir();
    const data = randomBytes(5000);
    await writeFile(join(dir, 'up.bin'), data);
    const r = await runCli(['cp', '--json', join(dir, 'up.bin'), `b2://${s.bucket}`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(results(r.stdout)).toEqual([
      expect.objectContaining({
        kind: 'upload',
        state: 'done',
        bytes: 5000,
        sha1: sha1(data),
        target: `b2://${s.bucket}/up.bin`,
      }),
    ]);
    expect(sha1(await s.read('up.bin'))).toBe(sha1(data));
  });

  it('downloads into a folder (trailing slash) and to a new name', async () => {
    const data = randomBytes(3000);
    await s.upload('down/file.bin', data);
    const dir = tempDir();
    const into = await runCli(['cp', '--json', `b2://${s.bucket}/down/file.bin`, `${dir}/new-folder/`], {
      env: s.env(),
    });
    expect(into.code).toBe(0);
    expect(results(into.stdout)[0]).toMatchObject({ kind: 'download', sha1: sha1(data) });
    expect(sha1(await readFile(join(dir, 'new-folder', 'file.bin')))).toBe(sha1(data));
    const renamed = await runCli(['cp', `b2://${s.bucket}/down/file.bin`, join(dir, 'renamed.bin')], { env: s.env() });
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain(`downloaded b2://${s.bucket}/down/file.bin -> ${join(dir, 'renamed.bin')}`);
    expect(await readFile(join(dir, 'renamed.bin'))).toEqual(data);
  });

  it('copies B2 to B2 on the server, without moving bytes through the client', async () => {
    const data = randomBytes(2000);
    await s.upload('server/src.bin', data);
    const before = s.log.length;
    const r = await runCli(['cp', '--json', `b2://${s.bucket}/server/src.bin`, `b2://${s.bucket}/server/dst.bin`], {
      env: s.env(),
    });
    expect(r.code).toBe(0);
    expect(results(r.stdout)[0]).toMatchObject({ kind: 'server-copy', state: 'done', sha1: sha1(data) });
    const calls = fileRequestsAfter(s.log, before);
    expect(calls.some((l) => /b2_copy_file/.test(l))).toBe(true);
    expect(calls.some((l) => /upload_file|\/file\/|download_file/.test(l))).toBe(false);
    expect(await s.read('server/dst.bin')).toEqual(data);
  });

  it('copies local to local with a SHA1 in the results', async () => {
    const dir = tempDir();
    const data = randomBytes(10_000);
    await writeFile(join(dir, 'a.bin'), data);
    const r = await runCli(['cp', '--json', join(dir, 'a.bin'), join(dir, 'b.bin')], { env: {} });
    expect(r.code).toBe(0);
    expect(results(r.stdout)[0]).toMatchObject({ kind: 'local-copy', sha1: sha1(data) });
    expect(await readFile(join(dir, 'b.bin'))).toEqual(data);
  });

  it('-r copies a tree: a new DST becomes the copy, an existing one receives it', async () => {
    const dir = tempDir();
    await mkdir(join(dir, 'tree', 'sub'), { recursive: true });
    await writeFile(join(dir, 'tree', 'one.txt'), '1');
    await writeFile(join(dir, 'tree', 'sub', 'two.txt'), '22');
    const first = await runCli(['cp', '-r', join(dir, 'tree'), `b2://${s.bucket}/backup`], { env: s.env() });
    expect(first.code).toBe(0);
    const second = await runCli(['cp', '-r', join(dir, 'tree'), `b2://${s.bucket}/backup`], { env: s.env() });
    expect(second.code).toBe(0);
    const ls = await runCli(['ls', '-r', `b2://${s.bucket}/backup`], { env: s.env() });
    expect(ls.stdout.split('\n').filter(Boolean)).toEqual([
      'one.txt',
      'sub/',
      'sub/two.txt',
      'tree/',
      'tree/one.txt',
      'tree/sub/',
      'tree/sub/two.txt',
    ]);
    const back = tempDir();
    const down = await runCli(['cp', '-r', `b2://${s.bucket}/backup/sub`, back], { env: s.env() });
    expect(down.code).toBe(0);
    expect(await readFile(join(back, 'sub', 'two.txt'), 'utf8')).toBe('22');
  });

  it('takes several sources into a folder, and refuses them for a non-folder DST', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'x.txt'), 'x');
    await writeFile(join(dir, 'y.txt'), 'y');
    const ok = await runCli(['cp', join(dir, 'x.txt'), join(dir, 'y.txt'), `b2://${s.bucket}/many/`], { env: s.env() });
    expect(ok.code).toBe(0);
    expect((await s.read('many/x.txt')).toString()).toBe('x');
    expect((await s.read('many/y.txt')).toString()).toBe('y');
    const bad = await runCli(['cp', join(dir, 'x.txt'), join(dir, 'y.txt'), join(dir, 'x.txt')], { env: {} });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a folder');
  });

  it('refuses a folder without -r and a missing source, naming each, and copies the rest', async () => {
    const dir = tempDir();
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'fine.txt'), 'fine');
    const out = join(dir, 'out') + '/';
    const r = await runCli(['cp', join(dir, 'folder'), join(dir, 'missing.txt'), join(dir, 'fine.txt'), out], {
      env: {},
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`"${join(dir, 'folder')}" is a folder: use -r`);
    expect(r.stderr).toContain(`"${join(dir, 'missing.txt')}" does not exist`);
    expect(await filesUnder(join(dir, 'out'))).toEqual(['fine.txt']);
  });
});

describe('b2c cp safety', () => {
  it('refuses hostile B2 names on download and writes nothing outside the target', async () => {
    await s.put('evil/ok.txt', 'fine');
    await s.put('evil/../../escape.txt', 'escaped');
    await s.put('evil/back\\..\\..\\slash.txt', 'backslash');
    await s.put('evil//abs.txt', 'absolute');
    const root = tempDir();
    const target = join(root, 'target');
    const r = await runCli(['cp', '-r', `b2://${s.bucket}/evil`, `${target}/`], { env: s.env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('".." segment');
    expect(r.stderr).toContain('backslash');
    expect(await filesUnder(root)).toEqual(['target/evil/ok.txt']);
    expect(existsSync(join(root, '..', 'escape.txt'))).toBe(false);
    const one = await runCli(['cp', `b2://${s.bucket}/evil/back\\..\\..\\slash.txt`, `${target}/`], { env: s.env() });
    expect(one.code).toBe(1);
    expect(await filesUnder(root)).toEqual(['target/evil/ok.txt']);
  });

  it('refuses an upload the key may not make, with the reason, before any upload request', async () => {
    const key = await s.b2.keys.createKey({
      keyName: 'reader',
      capabilities: ['listBuckets', 'listFiles', 'readFiles'],
    });
    const dir = tempDir();
    await writeFile(join(dir, 'no.txt'), 'no');
    const before = s.log.length;
    const r = await runCli(['cp', join(dir, 'no.txt'), `b2://${s.bucket}/denied/`], { env: s.env(key) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Copy needs the writeFiles capability at the destination');
    expect(fileRequestsAfter(s.log, before).filter((l) => /upload|large_file/.test(l))).toEqual([]);
  });

  it('refuses a destination outside the key prefix without asking B2 anything it would refuse', async () => {
    const key = await s.b2.keys.createKey({
      keyName: 'prefixed',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
      bucketIds: [s.bucketId],
      namePrefix: 'mine/',
    });
    const dir = tempDir();
    await writeFile(join(dir, 'up.txt'), 'up');
    const before = s.emu.stats().unauthorized;
    const out = await runCli(['cp', join(dir, 'up.txt'), `b2://${s.bucket}/theirs/evil.txt`], { env: s.env(key) });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('This key only reaches names starting with mine/; the destination is outside it.');
    const inside = await runCli(['cp', join(dir, 'up.txt'), `b2://${s.bucket}/mine/ok.txt`], { env: s.env(key) });
    expect(inside.code).toBe(0);
    expect((await s.read('mine/ok.txt')).toString()).toBe('up');
    expect(s.emu.stats().unauthorized).toBe(before);
  });

  it('exits 64 for usage errors', async () => {
    const cases = [
      ['cp'],
      ['cp', 'only-one'],
      ['cp', '--if-exists', 'sometimes', 'a', 'b'],
      ['cp', '--concurrency', '0', 'a', 'b'],
      ['cp', '--part-size', 'lots', 'a', 'b'],
      ['cp', 'a', 'b2://'],
      ['cp', '--nope', 'a', 'b'],
    ];
    for (const args of cases) {
      const r = await runCli(args, { env: s.env() });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr).toMatch(/^b2c cp: /);
    }
  });
});

describe('b2c cp -r onto a file', () => {
  /** 30 files under onfile/ in the bucket, and a local folder holding the file `target.txt`. */
  async function setup(): Promise<string> {
    for (let i = 0; i < 30; i++) await s.put(`onfile/f${i}.txt`, `file ${i}`);
    const dir = tempDir();
    await writeFile(join(dir, 'target.txt'), 'keep me');
    return dir;
  }

  it('a file as DST, a folder as SRC: said once, nothing written, the file kept', async () => {
    const dir = await setup();
    const target = join(dir, 'target.txt');
    for (const dst of [target, `${target}/`, `${target}/deeper/`]) {
      const r = await runCli(['cp', '-r', `b2://${s.bucket}/onfile`, dst], { env: s.env() });
      expect([dst, r.code]).toEqual([dst, 1]);
      const lines = r.stderr.trim().split('\n');
      expect([dst, lines.length]).toEqual([dst, 1]);
      expect(lines[0]).toContain(`"${target}"`);
      expect(await readFile(target, 'utf8')).toBe('keep me');
      expect(await filesUnder(dir)).toEqual(['target.txt']);
    }
  });
});
