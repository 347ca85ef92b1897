/**
 * `b2c keys inspect` in-process (tests/support/cli.ts) against the built-in server with the demo
 * account, for every key kind (master, read-only, no-delete, write-only, prefix, multi-bucket,
 * expired, wrong secret, unreachable endpoint, saved profile): exit codes and what the user reads.
 * Ends with a scan of every run's output for secrets.
 */
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfig } from '../../src/config/store.js';
import { runCli, runsOfThisFile } from '../support/cli.js';
import { demoKey, wrongSecret } from '../accounts/helpers.js';
import { useDemoAccount } from './demo-account.js';
import { createdKeySecrets, expectSecretsOnlyAtCreation } from './secret-scan.js';

const demo = useDemoAccount();
const { envFor, masterEnv, demoEnv } = demo;

/** The inspect line of an action, e.g. "✗ F8    Delete …". */
function actionLine(stdout: string, label: string): string {
  return (
    stdout.split('\n').find((l) => new RegExp(`^ [✓✗] \\S*\\s+${label}(\\s{2,}|$)`).test(l)) ?? `(no line for ${label})`
  );
}

describe('b2c keys inspect', () => {
  it('master key: exit 0, a master key for all buckets, every file action allowed', async () => {
    const r = await runCli(['keys', 'inspect'], { env: masterEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('master key: full access to the account');
    expect(r.stdout).toMatch(/Buckets\s+all buckets/);
    expect(r.stdout).toMatch(/Profile\s+none: from B2_APPLICATION_KEY_ID/);
    expect(actionLine(r.stdout, 'Delete')).toMatch(/^ ✓ F8/);
    expect(actionLine(r.stdout, 'Create key')).toMatch(/^ ✓/);
  });

  it('master key --json: the same facts, no secret', async () => {
    const r = await runCli(['keys', 'inspect', '--json'], { env: masterEnv() });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      valid: true,
      master: true,
      buckets: null,
      namePrefix: null,
      expiresAt: null,
      applicationKeyId: demo.emu.masterKeyId,
      endpoint: demo.emu.endpoint,
      source: 'env',
    });
    expect(j.capabilities.find((c: { name: string }) => c.name === 'deleteFiles')).toMatchObject({
      held: true,
      group: 'files',
    });
    expect(r.stdout).not.toContain(demo.emu.masterKey);
  });

  it('read-only: Delete and Upload refused with the capability they need', async () => {
    const r = await runCli(['keys', 'inspect'], { env: demoEnv('read-only') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restricted application key');
    expect(actionLine(r.stdout, 'Delete')).toMatch(/^ ✗ F8\s+Delete\s+needs deleteFiles$/);
    expect(actionLine(r.stdout, 'Upload')).toMatch(/needs writeFiles$/);
    expect(actionLine(r.stdout, 'Download')).toMatch(/^ ✓ F5/);
    expect(r.stdout).toMatch(/✗ deleteFiles\s+delete file versions for good/);
    expect(r.stdout).toMatch(/✓ readFiles\s+download files/);
  });

  it('no-delete: may upload and hide, not delete', async () => {
    const r = await runCli(['keys', 'inspect', '--json'], { env: demoEnv('no-delete') });
    expect(r.code).toBe(0);
    const byAction = Object.fromEntries(JSON.parse(r.stdout).actions.map((a: { action: string }) => [a.action, a]));
    expect(byAction.upload.allowed).toBe(true);
    expect(byAction.hide.allowed).toBe(true);
    expect(byAction.delete).toMatchObject({
      allowed: false,
      missing: ['deleteFiles'],
      key: 'F8',
      brief: 'needs deleteFiles',
    });
  });

  it('write-only: may upload, cannot list or download', async () => {
    const r = await runCli(['keys', 'inspect'], { env: demoEnv('write-only') });
    expect(r.code).toBe(0);
    expect(actionLine(r.stdout, 'Upload')).toMatch(/^ ✓/);
    expect(actionLine(r.stdout, 'List')).toMatch(/^ ✗.*needs listFiles/);
    expect(actionLine(r.stdout, 'Download')).toMatch(/^ ✗.*needs readFiles/);
  });

  it('prefix: one bucket and a name prefix, shown in the facts and the limits', async () => {
    const r = await runCli(['keys', 'inspect'], { env: demoEnv('prefix') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Buckets\s+one bucket: demo-photos/);
    expect(r.stdout).toMatch(/Name prefix\s+photos\//);
    expect(actionLine(r.stdout, 'Download')).toContain(
      'only in bucket demo-photos, only for names starting with photos/',
    );
    const j = JSON.parse((await runCli(['keys', 'inspect', '--json'], { env: demoEnv('prefix') })).stdout);
    expect(j.buckets).toEqual([{ id: expect.any(String), name: 'demo-photos', deleted: false }]);
    expect(j.namePrefix).toBe('photos/');
  });

  it('multi-bucket: both buckets listed (a v4-only key)', async () => {
    const r = await runCli(['keys', 'inspect'], { env: demoEnv('multi-bucket') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Buckets\s+2 buckets: demo-photos\n\s+demo-public\n/);
    expect(actionLine(r.stdout, 'Create key')).toMatch(
      /^ ✗ K\s+Create key\s+needs a key for all buckets with writeKeys$/,
    );
  });

  it('expired key: exit 2 with the reason, as text and as JSON', async () => {
    const r = await runCli(['keys', 'inspect'], { env: demoEnv('expired') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('b2c keys inspect: This application key has expired');
    expect(r.stdout).toBe('');
    const j = await runCli(['keys', 'inspect', '--json'], { env: demoEnv('expired') });
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual({
      error: { kind: 'credentials-rejected', message: expect.stringContaining('expired'), exitCode: 2 },
    });
  });

  it('wrong secret: exit 2, credentials rejected', async () => {
    const k = demoKey(demo.emu, 'read-only');
    const r = await runCli(['keys', 'inspect'], { env: envFor(k.applicationKeyId, wrongSecret(k.applicationKey)) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('B2 rejected the application key ID or key');
  });

  it('unreachable endpoint: exit 3', async () => {
    const port = await closedPort();
    const r = await runCli(['keys', 'inspect', '--json'], {
      env: envFor(demo.emu.masterKeyId, demo.emu.masterKey, `http://127.0.0.1:${port}`),
    });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error).toMatchObject({ kind: 'endpoint-unreachable', exitCode: 3 });
    expect(r.stderr).toContain(`Cannot reach B2 at 127.0.0.1:${port}`);
  });

  it('an endpoint with a password in it: signs in, and the password shows nowhere (text, JSON, errors)', async () => {
    const withPassword = demo.emu.endpoint.replace('http://', 'http://user:PASSWORD-123@');
    const text = await runCli(['keys', 'inspect'], {
      env: envFor(demo.emu.masterKeyId, demo.emu.masterKey, withPassword),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(`Endpoint\\s+${demo.emu.endpoint.replace('http://', 'http://\\*\\*\\*@').replaceAll('.', '\\.')}\n`),
    );
    const json = await runCli(['keys', 'inspect', '--json'], {
      env: envFor(demo.emu.masterKeyId, demo.emu.masterKey, withPassword),
    });
    expect(JSON.parse(json.stdout).endpoint).toBe(demo.emu.endpoint.replace('http://', 'http://***@'));
    const port = await closedPort();
    const down = await runCli(['keys', 'inspect', '--json'], {
      env: envFor(demo.emu.masterKeyId, demo.emu.masterKey, `http://user:PASSWORD-123@127.0.0.1:${port}`),
    });
    expect(down.code).toBe(3);
    expect(down.stderr).toContain(`Cannot reach B2 at 127.0.0.1:${port}`);
    for (const r of [text, json, down]) expect(r.stdout + r.stderr).not.toContain('PASSWORD-123');
  });

  it('a saved profile: --profile NAME signs in with it when no B2_* variables are set', async () => {
    const k = demoKey(demo.emu, 'prefix');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-keys-profile-'));
    try {
      openConfig({ dir }).saveProfile({
        name: 'photos',
        applicationKeyId: k.applicationKeyId,
        applicationKey: k.applicationKey,
        endpoint: demo.emu.endpoint,
      });
      const r = await runCli(['keys', 'inspect', '--profile', 'photos'], { env: { B2C_CONFIG_DIR: dir } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Profile\s+photos\n/);
      const missing = await runCli(['keys', 'inspect', '--profile', 'nope'], { env: { B2C_CONFIG_DIR: dir } });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('The profile "nope" does not exist. Existing profiles: "photos".');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no credentials at all: exit 1 and how to add some', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-keys-empty-'));
    try {
      const r = await runCli(['keys', 'inspect'], { env: { B2C_CONFIG_DIR: dir } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('No B2 credentials: set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a secret given as an argument, without echoing it', async () => {
    const r = await runCli(['keys', 'inspect', '--application-key', 'K004SECRETVALUE'], {
      env: { B2C_CONFIG_DIR: demo.configDir },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refusing --application-key');
    expect(r.stderr + r.stdout).not.toContain('K004SECRETVALUE');
  });
});

describe('secrets in the output of every run above', () => {
  it('no stdout or stderr line and no JSON carries a secret, except a new key printed once by its create', () => {
    const known = [demo.emu.masterKey, ...demo.emu.demoKeys.map((k) => k.applicationKey)];
    const created = createdKeySecrets(runsOfThisFile());
    expect(runsOfThisFile().length).toBeGreaterThan(15);
    expectSecretsOnlyAtCreation(runsOfThisFile(), known, created);
  });
});

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
