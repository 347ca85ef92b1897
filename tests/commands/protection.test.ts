/**
 * Encryption and Object Lock through the CLI, in-process against the built-in server (issue 13):
 * `ls -l` and `ls --json` carry each file's encryption, retention and legal hold ("unknown" where
 * the key may not read them); `cp` follows the bucket's default encryption (sending nothing that
 * would override it), asks for SSE-B2 with --sse-b2, writes and reads SSE-C with a customer key
 * from --sse-c-key-file or B2C_SSE_C_KEY (never shown), and refuses an SSE-C source without one;
 * `cp --json` says how what it wrote is encrypted; `rm` of a locked version fails with the reason,
 * also inside a recursive delete, and --bypass-governance lifts governance retention.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-prot-');
let s: CliServer;
let locked: { name: string; id: string };
const UNTIL = Date.UTC(2031, 0, 1);
const KEY = randomBytes(32);
const KEY64 = KEY.toString('base64');
const sseC = {
  'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
  'X-Bz-Server-Side-Encryption-Customer-Key': KEY64,
  'X-Bz-Server-Side-Encryption-Customer-Key-Md5': createHash('md5').update(KEY).digest('base64'),
};
const retained = (mode: string) => ({
  'X-Bz-File-Retention-Mode': mode,
  'X-Bz-File-Retention-Retain-Until-Timestamp': String(UNTIL),
});

useCliServer({}, (server) => (s = server));

beforeAll(async () => {
  const b = await s.server.api<{ bucketName: string; bucketId: string }>('b2_create_bucket', {
    accountId: s.emu.accountId,
    bucketName: `cli-lock-${randomBytes(3).toString('hex')}`,
    bucketType: 'allPrivate',
    fileLockEnabled: true,
    defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
  });
  locked = { name: b.bucketName, id: b.bucketId };
  const up = (name: string, headers: Record<string, string>) => s.server.upload(locked.id, name, name, { headers });
  await up('keep/comp.txt', retained('compliance'));
  await up('keep/gov.txt', retained('governance'));
  await up('keep/hold.txt', { 'X-Bz-File-Legal-Hold': 'on' });
  await up('keep/free.txt', {});
  await up('secret.txt', sseC);
});

/** The fields of a server file object these tests read. */
interface ServerFile {
  fileName?: string;
  serverSideEncryption?: { mode: string | null; algorithm: string | null };
}

/** The server's own file object for `name` in the locked bucket (newest version). */
async function serverFile(bucketId: string, name: string): Promise<ServerFile> {
  const r = await s.server.api<{ files: ServerFile[] }>('b2_list_file_names', {
    bucketId,
    prefix: name,
    maxFileCount: 1,
  });
  return r.files[0] ?? {};
}

const noKeyLeak = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout + r.stderr).not.toContain(KEY64);
};

describe('ls shows protection', () => {
  it('-l adds encryption, retention and legal hold after the name; a plain file gets nothing', async () => {
    const r = await runCli(['ls', '-l', `b2://${locked.name}/keep/`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  comp.txt  [SSE-B2, compliance until 2031-01-01]');
    expect(r.stdout).toContain('  gov.txt  [SSE-B2, governance until 2031-01-01]');
    expect(r.stdout).toContain('  hold.txt  [SSE-B2, legal hold]');
    const plain = await runCli(['ls', '-l', `b2://${s.bucket}/`], { env: s.env() });
    expect(plain.stdout).not.toContain('[');
  });

  it('--json (and -l --json) carry them; a key that may not read them gets "unknown"', async () => {
    for (const args of [['--json'], ['-l', '--json']]) {
      const r = await runCli(['ls', ...args, `b2://${locked.name}/keep/`], { env: s.env() });
      const doc = JSON.parse(r.stdout) as { entries: Array<Record<string, unknown>> };
      expect(doc.entries.find((e) => e.name === 'comp.txt')).toMatchObject({
        encryption: { mode: 'SSE-B2', algorithm: 'AES256' },
        retention: { mode: 'compliance', retainUntil: '2031-01-01T00:00:00.000Z' },
        legalHold: false,
      });
      expect(doc.entries.find((e) => e.name === 'hold.txt')).toMatchObject({ retention: null, legalHold: true });
    }
    const key = await s.server.createKey(['listBuckets', 'listFiles', 'readFiles']);
    const r = await runCli(['ls', '--json', `b2://${locked.name}/keep/`], { env: s.env(key) });
    expect(JSON.parse(r.stdout).entries[0]).toMatchObject({ retention: 'unknown', legalHold: 'unknown' });
  });
});

describe('cp and encryption', () => {
  it('an upload without options gets the bucket default (SSE-B2), and --json says so', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'up.txt'), 'up');
    const r = await runCli(['cp', '--json', join(dir, 'up.txt'), `b2://${locked.name}/up.txt`], { env: s.env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ state: 'done', encryption: { mode: 'SSE-B2' } });
    expect((await serverFile(locked.id, 'up.txt')).serverSideEncryption).toEqual({
      mode: 'SSE-B2',
      algorithm: 'AES256',
    });
    // Into a bucket without a default nothing is encrypted — b2c sends nothing of its own.
    const plain = await runCli(['cp', '--json', join(dir, 'up.txt'), `b2://${s.bucket}/up.txt`], { env: s.env() });
    expect(JSON.parse(plain.stdout).results[0]).toMatchObject({ encryption: { mode: 'none', algorithm: null } });
  });

  it('--sse-b2 asks for SSE-B2 where the bucket has no default', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'b2.txt'), 'sse-b2');
    const r = await runCli(['cp', '--sse-b2', '--json', join(dir, 'b2.txt'), `b2://${s.bucket}/b2.txt`], {
      env: s.env(),
    });
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ encryption: { mode: 'SSE-B2', algorithm: 'AES256' } });
    expect((await serverFile(s.bucketId, 'b2.txt')).serverSideEncryption?.mode).toBe('SSE-B2');
  });

  it('SSE-C: without a key a download is refused saying how to give it; with it (file or env) the bytes arrive', async () => {
    const dir = tempDir();
    const no = await runCli(['cp', `b2://${locked.name}/secret.txt`, `${dir}/`], { env: s.env() });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain(
      'is encrypted with a customer key (SSE-C); give it with --sse-c-key-file or B2C_SSE_C_KEY',
    );
    await writeFile(join(dir, 'key'), `${KEY64}\n`, { mode: 0o600 });
    const withFile = await runCli(
      ['cp', '--sse-c-key-file', join(dir, 'key'), `b2://${locked.name}/secret.txt`, `${dir}/`],
      {
        env: s.env(),
      },
    );
    expect(withFile.code).toBe(0);
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe('secret.txt');
    const other = tempDir();
    const withEnv = await runCli(['cp', `b2://${locked.name}/secret.txt`, `${other}/`], {
      env: { ...s.env(), B2C_SSE_C_KEY: KEY64 },
    });
    expect(withEnv.code).toBe(0);
    expect(sha1(await readFile(join(other, 'secret.txt')))).toBe(sha1('secret.txt'));
    for (const r of [no, withFile, withEnv]) noKeyLeak(r);
  });

  it("SSE-C: a wrong key gets the server's refusal; a bad key is a usage error that does not show it", async () => {
    const dir = tempDir();
    const wrong = await runCli(['cp', `b2://${locked.name}/secret.txt`, `${dir}/`], {
      env: { ...s.env(), B2C_SSE_C_KEY: randomBytes(32).toString('base64') },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('SSE-C key does not match');
    const bad = await runCli(['cp', `b2://${locked.name}/secret.txt`, `${dir}/`], {
      env: { ...s.env(), B2C_SSE_C_KEY: 'c2hvcnQ=' },
    });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('B2C_SSE_C_KEY must hold an SSE-C key: base64 of exactly 32 bytes');
    expect(bad.stderr).not.toContain('c2hvcnQ=');
  });

  it('SSE-C: uploads and server-side copies with the key; the copy stays SSE-C', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'c.txt'), 'customer');
    const env = { ...s.env(), B2C_SSE_C_KEY: KEY64 };
    const up = await runCli(['cp', '--json', join(dir, 'c.txt'), `b2://${s.bucket}/c.txt`], { env });
    expect(JSON.parse(up.stdout).results[0]).toMatchObject({ state: 'done', encryption: { mode: 'SSE-C' } });
    const cp = await runCli(['cp', '--json', `b2://${s.bucket}/c.txt`, `b2://${s.bucket}/c2.txt`], { env });
    expect(JSON.parse(cp.stdout).results[0]).toMatchObject({ state: 'done', encryption: { mode: 'SSE-C' } });
    expect((await serverFile(s.bucketId, 'c2.txt')).serverSideEncryption?.mode).toBe('SSE-C');
    for (const r of [up, cp]) noKeyLeak(r);
  });
});

describe('rm and Object Lock', () => {
  it('a locked file fails with the reason; a recursive delete reports each locked one and deletes the rest', async () => {
    const one = await runCli(['rm', `b2://${locked.name}/keep/comp.txt`], { env: s.env() });
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('is retained until 2031-01-01 (compliance)');
    const all = await runCli(['rm', '-r', '--yes', '--json', `b2://${locked.name}/keep/`], { env: s.env() });
    expect(all.code).toBe(1);
    const results = JSON.parse(all.stdout).results as Array<{
      source: string;
      state: string;
      error: { detail: string } | null;
    }>;
    const byName = (n: string) => results.find((r) => r.source.endsWith(`/keep/${n}`));
    expect(byName('free.txt')?.state).toBe('done');
    expect(byName('comp.txt')).toMatchObject({
      state: 'failed',
      error: { kind: 'locked', detail: expect.stringContaining('retained until 2031-01-01 (compliance)') },
    });
    expect(byName('hold.txt')).toMatchObject({
      state: 'failed',
      error: { detail: expect.stringContaining('legal hold on') },
    });
    expect(byName('gov.txt')).toMatchObject({
      state: 'failed',
      error: { detail: expect.stringContaining('(governance)') },
    });
    expect(
      (await s.server.api<{ files: unknown[] }>('b2_list_file_names', { bucketId: locked.id, prefix: 'keep/' })).files,
    ).toHaveLength(3);
  });

  it('--bypass-governance deletes a governance-retained version with a key that may', async () => {
    const r = await runCli(['rm', '--bypass-governance', `b2://${locked.name}/keep/gov.txt`], { env: s.env() });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await serverFile(locked.id, 'keep/gov.txt')).not.toMatchObject({ fileName: 'keep/gov.txt' });
  });
});
