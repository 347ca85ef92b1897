/**
 * `b2c cp` in-process (tests/support/cli.ts) against the built-in B2 server (64 KiB parts): a large file
 * uploaded in small parts and downloaded back identical, and the --if-exists policies on B2 and
 * local targets.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { fileRequestsAfter, useCliServer, type CliServer } from '../support/cli-server.js';

const PART = 64 * 1024;
const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;

useCliServer({ partSize: PART }, (server) => (s = server));

function results(stdout: string): Array<Record<string, unknown>> {
  return (JSON.parse(stdout) as { results: Array<Record<string, unknown>> }).results;
}

describe('b2c cp large files', () => {
  it('uploads in small parts with --part-size and downloads back identical', async () => {
    const dir = tempDir();
    const data = randomBytes(17 * PART + 1234);
    await writeFile(join(dir, 'large.bin'), data);
    const before = s.log.length;
    const up = await runCli(
      ['cp', '--json', '--part-size', '64KiB', join(dir, 'large.bin'), `b2://${s.bucket}/large/`],
      { env: s.env() },
    );
    expect(up.code).toBe(0);
    expect(results(up.stdout)[0]).toMatchObject({ kind: 'upload', sha1: sha1(data), bytes: data.length });
    const calls = fileRequestsAfter(s.log, before);
    expect(calls.filter((l) => /b2_upload_part\S* 200 /.test(l))).toHaveLength(18);
    expect(calls.some((l) => /b2_finish_large_file\S* 200 /.test(l))).toBe(true);
    const ls = await runCli(['ls', '-l', `b2://${s.bucket}/large/large.bin`], { env: s.env() });
    expect(ls.stdout).toContain(sha1(data));
    const back = tempDir();
    const down = await runCli(['cp', '--json', `b2://${s.bucket}/large/large.bin`, back], { env: s.env() });
    expect(down.code).toBe(0);
    expect(results(down.stdout)[0]).toMatchObject({ kind: 'download', sha1: sha1(data), state: 'done' });
    expect(sha1(await readFile(join(back, 'large.bin')))).toBe(sha1(data));
  });
});

describe('b2c cp --if-exists', () => {
  it('skip keeps the target, overwrite replaces it', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'c.txt'), 'new content');
    await s.upload('conflict/c.txt', 'old');
    const skip = await runCli(['cp', '--if-exists', 'skip', join(dir, 'c.txt'), `b2://${s.bucket}/conflict/`], {
      env: s.env(),
    });
    expect(skip.code).toBe(0);
    expect(skip.stdout).toContain('skipped');
    expect((await s.read('conflict/c.txt')).toString()).toBe('old');
    const over = await runCli(['cp', '--if-exists', 'overwrite', join(dir, 'c.txt'), `b2://${s.bucket}/conflict/`], {
      env: s.env(),
    });
    expect(over.code).toBe(0);
    expect((await s.read('conflict/c.txt')).toString()).toBe('new content');
  });

  it('newer replaces only an older target (B2 and local targets)', async () => {
    const dir = tempDir();
    const file = join(dir, 'n.txt');
    await writeFile(file, 'local');
    const localMtime = Math.floor((await stat(file)).mtimeMs);
    await s.put('newer/n.txt', 'remote-newer', localMtime + 60_000);
    const kept = await runCli(['cp', '--json', '--if-exists', 'newer', file, `b2://${s.bucket}/newer/`], {
      env: s.env(),
    });
    expect(results(kept.stdout)[0]).toMatchObject({ state: 'skipped' });
    expect((await s.read('newer/n.txt')).toString()).toBe('remote-newer');
    await s.put('newer/n.txt', 'remote-older', localMtime - 60_000);
    const replaced = await runCli(['cp', '--json', '--if-exists', 'newer', file, `b2://${s.bucket}/newer/`], {
      env: s.env(),
    });
    expect(results(replaced.stdout)[0]).toMatchObject({ state: 'done' });
    expect((await s.read('newer/n.txt')).toString()).toBe('local');
    // Downloading onto a newer local file keeps it.
    await utimes(file, new Date(), new Date(Date.now() + 3_600_000));
    const down = await runCli(['cp', '--if-exists', 'newer', `b2://${s.bucket}/newer/n.txt`, dir], { env: s.env() });
    expect(down.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('local');
  });
});
