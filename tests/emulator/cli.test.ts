/**
 * `b2c emulator` as a user runs it: the built binary prints exactly one JSON line when ready,
 * logs to stderr without secrets, stops cleanly on SIGTERM/SIGINT, and rejects bad usage with 64
 * (in-process, tests/support/cli.ts). Uses dist/ from `npm run build` (tests/support/global-setup.ts
 * builds it only if missing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT } from '../support/binary.js';
import { runCli } from '../support/cli.js';

interface Run {
  child: ChildProcess;
  ready: Record<string, unknown>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** The permission bits under `dir`: the folder itself as `.`, all blobs as one `blobs/*` entry. */
function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = { '.': statSync(dir).mode & 0o777 };
  for (const name of readdirSync(dir)) out[name] = statSync(join(dir, name)).mode & 0o777;
  const blobs = readdirSync(join(dir, 'blobs')).map((b) => statSync(join(dir, 'blobs', b)).mode & 0o777);
  expect(blobs.length).toBeGreaterThan(0);
  out['blobs/*'] = Math.max(...blobs);
  return out;
}

/** Spawns the emulator and resolves once its JSON line arrived. */
function run(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0)
        resolve({
          child,
          ready: JSON.parse(out.slice(0, nl)) as Record<string, unknown>,
          stdout: () => out,
          stderr: () => err,
          exit,
        });
    });
    void exit.then((code) => reject(new Error(`exited ${String(code)} before ready: ${err}`)));
  });
}

async function authorize(endpoint: string, id: string, key: string): Promise<number> {
  const r = await fetch(`${endpoint}/b2api/v4/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${id}:${key}`).toString('base64')}` },
  });
  return r.status;
}

describe('b2c emulator', () => {
  test('prints one JSON line with endpoint and master key; serves; SIGTERM exits 0', async () => {
    const r = await run(['--port', '0']);
    expect(Object.keys(r.ready).sort()).toEqual(['endpoint', 'masterKey', 'masterKeyId']);
    expect(r.ready.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      await authorize(r.ready.endpoint as string, r.ready.masterKeyId as string, r.ready.masterKey as string),
    ).toBe(200);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(r.stdout().trim().split('\n')).toHaveLength(1);
    expect(r.stderr()).not.toContain(r.ready.masterKey as string);
  });

  test('--demo adds the demo keys; they work; SIGINT exits 0; no secret reaches stderr', async () => {
    const r = await run(['--port', '0', '--demo', '--verbose']);
    const keys = r.ready.keys as { name: string; applicationKeyId: string; applicationKey: string }[];
    expect(keys.map((k) => k.name)).toEqual([
      'read-only',
      'no-delete',
      'write-only',
      'prefix',
      'multi-bucket',
      'expired',
    ]);
    const ro = keys[0];
    if (!ro) throw new Error('no keys');
    expect(await authorize(r.ready.endpoint as string, ro.applicationKeyId, ro.applicationKey)).toBe(200);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
    expect(r.stderr()).toContain('b2_authorize_account');
    for (const k of keys) expect(r.stderr()).not.toContain(k.applicationKey);
  });

  test('--data keeps the account across runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'b2c-cli-data-'));
    try {
      const a = await run(['--port', '0', '--data', dir, '--part-size', '2000', '--min-part-size', '1000']);
      a.child.kill('SIGTERM');
      expect(await a.exit).toBe(0);
      const b = await run(['--port', '0', '--data', dir]);
      expect(b.ready.masterKeyId).toBe(a.ready.masterKeyId);
      expect(b.ready.masterKey).toBe(a.ready.masterKey);
      b.child.kill('SIGTERM');
      expect(await b.exit).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--data is private: the folder and blobs/ 0700, every file 0600; an existing open folder is tightened and said', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'b2c-cli-private-'));
    const fresh = join(parent, 'fresh');
    try {
      const a = await run(['--port', '0', '--data', fresh]);
      const endpoint = a.ready.endpoint as string;
      const auth = (await (
        await fetch(`${endpoint}/b2api/v4/b2_authorize_account`, {
          headers: {
            Authorization: `Basic ${Buffer.from(`${a.ready.masterKeyId as string}:${a.ready.masterKey as string}`).toString('base64')}`,
          },
        })
      ).json()) as { authorizationToken: string; accountId: string };
      const api = (name: string, body: object) =>
        fetch(`${endpoint}/b2api/v4/${name}`, {
          method: 'POST',
          headers: { Authorization: auth.authorizationToken },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<Record<string, string>>);
      const bucket = await api('b2_create_bucket', {
        accountId: auth.accountId,
        bucketName: 'private-data',
        bucketType: 'allPrivate',
      });
      const up = await api('b2_get_upload_url', { bucketId: bucket.bucketId });
      const put = await fetch(up.uploadUrl as string, {
        method: 'POST',
        headers: {
          Authorization: up.authorizationToken as string,
          'X-Bz-File-Name': 'a.txt',
          'Content-Type': 'text/plain',
          'X-Bz-Content-Sha1': 'do_not_verify',
        },
        body: 'secret data',
      });
      expect(put.status).toBe(200);
      a.child.kill('SIGTERM');
      expect(await a.exit).toBe(0);
      expect(modes(fresh)).toEqual({
        '.': 0o700,
        blobs: 0o700,
        'blobs/*': 0o600,
        'journal.jsonl': 0o600,
        'state.jsonl': 0o600,
      });
      expect(a.stderr()).not.toContain('warning');

      chmodSync(fresh, 0o755);
      chmodSync(join(fresh, 'journal.jsonl'), 0o644);
      const b = await run(['--port', '0', '--data', fresh]);
      b.child.kill('SIGTERM');
      expect(await b.exit).toBe(0);
      expect(modes(fresh)).toEqual({
        '.': 0o700,
        blobs: 0o700,
        'blobs/*': 0o600,
        'journal.jsonl': 0o600,
        'state.jsonl': 0o600,
      });
      expect(b.stderr()).toContain(
        `b2c emulator: warning: ${fresh} was open to others (mode 755); changed to 700 because --data holds every key's secret.\n`,
      );
      expect(b.stderr()).toContain(
        `b2c emulator: warning: ${join(fresh, 'journal.jsonl')} was open to others (mode 644); changed to 600`,
      );
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  test('arguments are escaped in its lines: --port with an escape, and the "listening" line of a --data path with one', async () => {
    const esc = 'x\x1b[31m';
    const bad = await runCli(['emulator', '--port', esc]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('b2c emulator: --port must be a whole number, got "x\\x1b[31m"\n');
    expect(bad.stderr).not.toContain('\x1b');
    const parent = await mkdtemp(join(tmpdir(), 'b2c-cli-esc-'));
    try {
      const r = await run(['--port', '0', '--data', join(parent, esc)]);
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
      expect(r.stderr()).toContain(`(data in ${parent}/x\\x1b[31m)`);
      expect(r.stderr()).not.toContain('\x1b');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  test('part sizes reach authorize', async () => {
    const r = await run(['--port', '0', '--part-size', '2000', '--min-part-size', '1000']);
    const res = await fetch(`${r.ready.endpoint as string}/b2api/v2/b2_authorize_account`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${r.ready.masterKeyId as string}:${r.ready.masterKey as string}`).toString('base64')}`,
      },
    });
    expect(await res.json()).toMatchObject({ recommendedPartSize: 2000, absoluteMinimumPartSize: 1000 });
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  test('usage errors exit 64 without printing a JSON line', async () => {
    for (const args of [['--port', 'abc'], ['--nope'], ['--port', '70000'], ['extra']]) {
      const r = await runCli(['emulator', ...args]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 64]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: b2c emulator');
    }
  });
});
