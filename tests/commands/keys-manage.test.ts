/**
 * `b2c keys list|create|delete` in-process (tests/support/cli.ts) against the built-in server with
 * the demo account, for every demo key kind: exit codes, what the user reads, and that the created
 * keys really work. Ends with a scan of every run's output for secrets (a new key's may appear
 * once, in the output of the create that made it).
 */
import { describe, expect, it } from 'vitest';
import { runCli, runsOfThisFile } from '../support/cli.js';
import { demoKey } from '../accounts/helpers.js';
import { useDemoAccount } from './demo-account.js';
import { createdKeySecrets, expectSecretsOnlyAtCreation } from './secret-scan.js';

const demo = useDemoAccount();
const { envFor, masterEnv, demoEnv } = demo;

describe('b2c keys list', () => {
  it('master: every demo key with its scope; JSON without secrets', async () => {
    const r = await runCli(['keys', 'list'], { env: masterEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^KEY ID\s+NAME\s+SCOPE\s+EXPIRES \(UTC\)\s+CAPABILITIES$/);
    expect(r.stdout).toMatch(/prefix\s+bucket demo-photos, names starting with photos\//);
    expect(r.stdout).toMatch(/multi-bucket\s+buckets demo-photos and demo-public/);
    expect(r.stdout).toMatch(/expired\s+all buckets\s+expired \d{4}-/);
    const j = JSON.parse((await runCli(['keys', 'list', '--json'], { env: masterEnv() })).stdout);
    const names = j.keys.map((k: { keyName: string }) => k.keyName);
    expect(names).toEqual(
      expect.arrayContaining(['read-only', 'no-delete', 'write-only', 'prefix', 'multi-bucket', 'expired']),
    );
    for (const k of j.keys) expect(k).not.toHaveProperty('applicationKey');
    expect(
      j.keys
        .find((k: { keyName: string }) => k.keyName === 'multi-bucket')
        .buckets.map((b: { name: string }) => b.name)
        .sort(),
    ).toEqual(['demo-photos', 'demo-public']);
  });

  it.each(['read-only', 'no-delete', 'write-only'])(
    '%s: exit 1, listKeys needed (asked of the rules, not of B2)',
    async (name) => {
      const r = await runCli(['keys', 'list'], { env: demoEnv(name) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'List keys needs the listKeys capability; this key has no key-management capabilities.',
      );
    },
  );

  it.each(['prefix', 'multi-bucket'])('%s: exit 1, a bucket-limited key never manages keys', async (name) => {
    const r = await runCli(['keys', 'list', '--json'], { env: demoEnv(name) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(
      /^List keys needs a key for all buckets with the listKeys capability; this key is limited to bucket/,
    );
  });

  it('expired key: exit 2', async () => {
    expect((await runCli(['keys', 'list'], { env: demoEnv('expired') })).code).toBe(2);
  });
});

describe('b2c keys create and delete', () => {
  it('creates a multi-bucket key with a prefix and lifetime, which then works and can be deleted', async () => {
    const r = await runCli(
      [
        'keys',
        'create',
        'ci-multi',
        '--preset',
        'read-only',
        '--bucket',
        'demo-photos',
        '--bucket',
        'demo-public',
        '--prefix',
        'a/',
        '--duration',
        '1d',
        '--json',
      ],
      { env: masterEnv() },
    );
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout);
    expect(created).toMatchObject({ keyName: 'ci-multi', namePrefix: 'a/', savedAsProfile: null });
    expect([...created.capabilities].sort()).toEqual(['listBuckets', 'listFiles', 'readFiles']);
    expect(created.buckets.map((b: { name: string }) => b.name).sort()).toEqual(['demo-photos', 'demo-public']);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(86_000_000);
    expect(created.applicationKey).toMatch(/^\S{20,}$/);

    const inspect = await runCli(['keys', 'inspect', '--json'], {
      env: envFor(created.applicationKeyId, created.applicationKey),
    });
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout)).toMatchObject({ namePrefix: 'a/', expired: false });

    const del = await runCli(['keys', 'delete', created.applicationKeyId], { env: masterEnv() });
    expect(del.code).toBe(0);
    expect(del.stdout).toContain(
      `Deleted key "ci-multi" (${created.applicationKeyId}, buckets demo-photos and demo-public, names starting with a/).`,
    );
    const after = await runCli(['keys', 'inspect'], { env: envFor(created.applicationKeyId, created.applicationKey) });
    expect(after.code).toBe(2);
  });

  it('prints a new secret exactly once in plain text, and can save it as a profile instead', async () => {
    const r = await runCli(['keys', 'create', 'ci-plain', '--capabilities', 'listBuckets,listFiles'], {
      env: masterEnv(),
    });
    expect(r.code).toBe(0);
    const secret = /Application key {2}(\S+)/.exec(r.stdout)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(r.stdout.split(secret).length - 1).toBe(1);
    expect(r.stdout).toContain('B2 shows the application key only this once');

    const saved = await runCli(['keys', 'create', 'ci-saved', '--preset', 'no-delete', '--save-as', 'ci-saved'], {
      env: masterEnv(),
    });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('(saved in profile "ci-saved")');
    const withProfile = await runCli(['keys', 'inspect', '--profile', 'ci-saved'], {
      env: { B2C_CONFIG_DIR: demo.configDir },
    });
    expect(withProfile.code).toBe(0);
    expect(withProfile.stdout).toMatch(/Profile\s+ci-saved\n/);
    const again = await runCli(['keys', 'create', 'ci-saved2', '--preset', 'no-delete', '--save-as', 'ci-saved'], {
      env: masterEnv(),
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A profile named "ci-saved" already exists');
  });

  it('refuses what B2 would refuse, before signing in (exit 64: the command line is wrong)', async () => {
    const cases: [string[], string][] = [
      [['keys', 'create', 'x', '--preset', 'everything'], 'Unknown preset "everything"'],
      [['keys', 'create', 'x', '--preset', 'read-only', '--prefix', 'a/'], 'A name prefix works within chosen buckets'],
      [
        ['keys', 'create', 'x', '--capabilities', 'writeKeys', '--bucket', 'demo-photos'],
        'A key limited to buckets cannot have writeKeys',
      ],
      [
        ['keys', 'create', 'bad name', '--preset', 'read-only'],
        'A key name may contain only letters, digits and hyphens',
      ],
      [['keys', 'create', 'x', '--preset', 'read-only', '--duration', '5000d'], 'B2 keys can live at most 1000 days'],
      [['keys', 'create', 'x', '--capabilities', 'readFiles,fly'], 'Unknown capabilities: fly.'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { env: envFor('bogus', 'bogus', 'http://127.0.0.1:1') });
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });

  it('an unknown bucket: exit 1 naming the buckets there are', async () => {
    const r = await runCli(['keys', 'create', 'x', '--preset', 'read-only', '--bucket', 'nope'], { env: masterEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'There is no bucket named "nope" that this key can see. Buckets: demo-backups, demo-photos, demo-public.',
    );
  });

  it.each(['read-only', 'no-delete', 'write-only', 'prefix', 'multi-bucket'])(
    '%s: may neither create nor delete keys (exit 1)',
    async (name) => {
      const create = await runCli(['keys', 'create', 'x', '--preset', 'read-only'], { env: demoEnv(name) });
      expect(create.code).toBe(1);
      expect(create.stderr).toMatch(
        /Create key needs (the writeKeys capability|a key for all buckets with the writeKeys capability)/,
      );
      const del = await runCli(['keys', 'delete', demoKey(demo.emu, 'read-only').applicationKeyId], {
        env: demoEnv(name),
      });
      expect(del.code).toBe(1);
      expect(del.stderr).toMatch(/Delete key needs/);
    },
  );

  it('deleting an unknown key ID: exit 1, not found', async () => {
    const r = await runCli(['keys', 'delete', '0000nosuchkey', '--json'], { env: masterEnv() });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ kind: 'not-found' });
  });

  it('usage errors exit 64 with the usage text', async () => {
    const r = await runCli(['keys', 'frobnicate'], { env: masterEnv() });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('Unknown keys command "frobnicate".');
    expect(r.stderr).toContain('Usage: b2c keys COMMAND');
    const help = await runCli(['keys', '--help'], { env: {} });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('inspect [--profile NAME] [--json]');
  });
});

describe('secrets in the output of every run above', () => {
  it('no stdout or stderr line and no JSON carries a secret, except a new key printed once by its create', () => {
    const known = [demo.emu.masterKey, ...demo.emu.demoKeys.map((k) => k.applicationKey)];
    const created = createdKeySecrets(runsOfThisFile());
    expect(runsOfThisFile().length).toBeGreaterThan(25);
    expect(created.size).toBeGreaterThanOrEqual(2);
    expectSecretsOnlyAtCreation(runsOfThisFile(), known, created);
  });
});
