/**
 * The sign-in service (src/session) and the CLI kit's failures and printing
 * (src/commands/kit) in-process against the built-in server and real temp config dirs:
 * credential sources, typed failures and their exit codes, secret refusal, and sanitised printing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { AuthError, NotFoundError, PermissionDeniedError, UnreachableError } from '../../src/providers/errors.js';
import {
  CommandFailure,
  createOutput,
  EXIT,
  formatTable,
  refuseSecretArguments,
  toCommandFailure,
} from '../../src/commands/kit/index.js';
import { signIn, verifyCredentials } from '../../src/session/index.js';
import { demoKey, useDemoServer } from '../accounts/helpers.js';

const server = useDemoServer('b2c-session-');

const tempDir = server.tempDir;

/** What a command makes of signing in with `request` failing. */
async function failure(p: Promise<unknown>): Promise<CommandFailure> {
  try {
    await p;
  } catch (e) {
    return toCommandFailure(e);
  }
  throw new Error('expected signing in to fail');
}

describe('signIn', () => {
  it('uses B2_* variables, even when the config file is corrupt (and leaves that file alone)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '{ not json', { mode: 0o600 });
    const k = demoKey(server.emu(), 'read-only');
    const s = await signIn({
      env: {
        B2_APPLICATION_KEY_ID: k.applicationKeyId,
        B2_APPLICATION_KEY: k.applicationKey,
        B2_ENDPOINT: server.emu().endpoint,
      },
      configDir: dir,
    });
    expect(s.identity).toEqual({
      source: 'env',
      profileName: null,
      applicationKeyId: k.applicationKeyId,
      endpoint: server.emu().endpoint,
    });
    expect(s.keyInfo.capabilities).toContain('readFiles');
    expect(s.config).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{ not json');
    const f = await failure(signIn({ env: {}, configDir: dir }));
    expect(f.kind).toBe('config');
    expect(f.cause).toBeInstanceOf(ConfigError);
    expect(f.message).toContain(path.join(dir, 'config.json'));
  });

  it('uses the default profile, or --profile; the environment wins over --profile with a warning', async () => {
    const dir = tempDir();
    const k = demoKey(server.emu(), 'prefix');
    openConfig({ dir }).saveProfile({
      name: 'photos',
      applicationKeyId: k.applicationKeyId,
      applicationKey: k.applicationKey,
      endpoint: server.emu().endpoint,
    });
    const s = await signIn({ env: {}, configDir: dir });
    expect(s.identity).toMatchObject({ source: 'profile', profileName: 'photos' });
    const env = {
      B2_APPLICATION_KEY_ID: server.emu().masterKeyId,
      B2_APPLICATION_KEY: server.emu().masterKey,
      B2_ENDPOINT: server.emu().endpoint,
    };
    const both = await signIn({ env, configDir: dir, profileName: 'photos' });
    expect(both.identity.source).toBe('env');
    expect(both.warnings).toEqual([
      'B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY are set, so --profile "photos" is ignored.',
    ]);
  });

  it('turns every failure into a kind and an exit code', async () => {
    const dir = tempDir();
    expect((await failure(signIn({ env: {}, configDir: dir }))).kind).toBe('no-credentials');
    const half = await failure(signIn({ env: { B2_APPLICATION_KEY_ID: 'x' }, configDir: dir }));
    expect(half).toMatchObject({ kind: 'config', exitCode: 1 });
    expect(half.message).toContain('B2_APPLICATION_KEY_ID is set but B2_APPLICATION_KEY is not');
    const wrong = await failure(
      signIn({
        env: {
          B2_APPLICATION_KEY_ID: server.emu().masterKeyId,
          B2_APPLICATION_KEY: 'wrong',
          B2_ENDPOINT: server.emu().endpoint,
        },
        configDir: dir,
      }),
    );
    expect(wrong).toMatchObject({ kind: 'credentials-rejected', exitCode: EXIT.rejected });
  });

  it('maps typed errors only by class', () => {
    expect(toCommandFailure(new AuthError('no')).exitCode).toBe(2);
    expect(toCommandFailure(new UnreachableError('down')).exitCode).toBe(3);
    expect(toCommandFailure(new PermissionDeniedError('nope', ['deleteFiles']))).toMatchObject({
      kind: 'permission-denied',
      exitCode: 1,
    });
    expect(toCommandFailure(new NotFoundError('gone')).kind).toBe('not-found');
    expect(toCommandFailure(new Error('expired credentials'))).toMatchObject({ kind: 'failed', exitCode: 1 });
    expect(new CommandFailure('usage', 'bad')).toMatchObject({ exitCode: EXIT.usage });
    expect(EXIT.usage).toBe(64);
  });

  it('refuses secrets in argv and verifies credentials for the wizard', async () => {
    expect(() => refuseSecretArguments(['ls', '--key=abc'])).toThrow(/Refusing --key/);
    expect(() => refuseSecretArguments(['ls', '--', '--key=abc'])).not.toThrow();
    const k = demoKey(server.emu(), 'multi-bucket');
    const info = await verifyCredentials({
      applicationKeyId: k.applicationKeyId,
      applicationKey: k.applicationKey,
      endpoint: server.emu().endpoint,
    });
    expect(info.buckets?.map((b) => b.name).sort()).toEqual(['demo-photos', 'demo-public']);
    await expect(
      verifyCredentials({
        applicationKeyId: k.applicationKeyId,
        applicationKey: 'bad',
        endpoint: server.emu().endpoint,
      }),
    ).rejects.toBeInstanceOf(AuthError);
  });
});

describe('command output', () => {
  it('sanitises plain lines and messages; JSON errors also go to stdout', () => {
    let out = '';
    let err = '';
    const o = createOutput('keys list', true, {
      stdout: { write: (c: string) => (out += c) },
      stderr: { write: (c: string) => (err += c) },
    });
    o.lines(['name \x1b[2J evil']);
    o.fail('permission-denied', 'Bucket \x1b]0;x\x07 is outside', 1, 'Usage: b2c keys list');
    expect(out).toContain('name \\x1b[2J evil\n');
    expect(err).toBe('b2c keys list: Bucket \\x1b]0;x\\x07 is outside\n\nUsage: b2c keys list\n');
    expect(JSON.parse(out.slice(out.indexOf('{')))).toEqual({
      error: { kind: 'permission-denied', message: 'Bucket \x1b]0;x\x07 is outside', exitCode: 1 },
    });
  });

  it('lines up table columns by terminal width', () => {
    expect(
      formatTable(
        ['A', 'B', 'C'],
        [
          ['写真', 'x', 'last'],
          ['ab', 'long cell', ''],
        ],
      ),
    ).toEqual(['A     B          C', '写真  x          last', 'ab    long cell']);
  });
});
