import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfigDir } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { modeOf, tempDir, thrown, v1File, writeConfigFile } from './temp-config.js';

const isRoot = process.getuid?.() === 0;
const profile = { name: 'work', applicationKeyId: '0051234567890ab0000000001', applicationKey: 'K005workSecretValue' };

/** Opening must fail with a ConfigError naming the file, and leave its bytes exactly as they were. */
function expectRefusedUnchanged(dir: string, file: string, kind: ConfigError['kind']): ConfigError {
  const before = fs.readFileSync(file);
  const error = thrown(() => openConfig({ dir }));
  expect(error).toBeInstanceOf(ConfigError);
  const configError = error as ConfigError;
  expect(configError.kind).toBe(kind);
  expect(configError.path).toBe(file);
  expect(configError.message).toContain(file);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['config.json']); // no temp or replacement files either
  return configError;
}

describe('file and directory permissions', () => {
  it('creates the file 0600 and the directories 0700', () => {
    const root = tempDir();
    const dir = path.join(root, 'nested', 'b2c');
    const store = openConfig({ dir });
    expect(store.path).toBe(path.join(dir, 'config.json'));
    expect(modeOf(store.path)).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(root, 'nested'))).toBe(0o700);
    expect(store.notices).toEqual([]);
    store.saveProfile(profile);
    expect(modeOf(store.path)).toBe(0o600);
  });

  it('tightens a pre-existing file readable by others to 0600 and says so', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, v1File({ profiles: [profile] }), 0o644);
    const store = openConfig({ dir });
    expect(modeOf(file)).toBe(0o600);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain(file);
    expect(store.notices[0]).toContain('644');
    expect(store.getProfile('work')?.applicationKeyId).toBe(profile.applicationKeyId);
    expect(openConfig({ dir }).notices).toEqual([]);
  });

  it("tightens an existing folder open to others to 0700 when it is b2c's alone, and says so", () => {
    const dir = tempDir();
    writeConfigFile(dir, v1File({ profiles: [profile] }), 0o600);
    fs.chmodSync(dir, 0o755);
    const store = openConfig({ dir });
    expect(modeOf(dir)).toBe(0o700);
    expect(store.notices).toEqual([
      `The config folder ${dir} was open to others (mode 755); b2c changed it to 700 because it holds application keys.`,
    ]);
    expect(openConfig({ dir }).notices).toEqual([]);
  });

  it('leaves a folder open to others that holds other files too, and says how to close it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'shared on purpose');
    fs.chmodSync(dir, 0o755);
    const store = openConfig({ dir });
    expect(modeOf(dir)).toBe(0o755);
    expect(store.notices).toEqual([
      `The config folder ${dir} is open to others (mode 755) and holds other files too, so b2c leaves it as it is; to keep it private, run: chmod 700 '${dir}'.`,
    ]);
  });
});

describe('where the config lives', () => {
  it('uses B2C_CONFIG_DIR from the given env, and an explicit dir over it', () => {
    const fromEnv = tempDir();
    const explicit = tempDir();
    expect(openConfig({ env: { B2C_CONFIG_DIR: fromEnv } }).path).toBe(path.join(fromEnv, 'config.json'));
    expect(fs.existsSync(path.join(fromEnv, 'config.json'))).toBe(true);
    expect(openConfig({ dir: explicit, env: { B2C_CONFIG_DIR: fromEnv } }).path).toBe(
      path.join(explicit, 'config.json'),
    );
  });

  it('defaults to the platform config directory, as conf would with projectName b2-commander', () => {
    expect(resolveConfigDir(undefined, {}, 'linux', '/home/u')).toBe('/home/u/.config/b2-commander');
    expect(resolveConfigDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/b2-commander');
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(resolveConfigDir(undefined, { XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/b2-commander',
    );
    expect(resolveConfigDir(undefined, {}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Preferences/b2-commander');
    expect(resolveConfigDir(undefined, { B2C_CONFIG_DIR: '' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/b2-commander',
    );
    expect(resolveConfigDir(undefined, { B2C_CONFIG_DIR: 'rel/dir' }, 'linux', '/home/u')).toBe(
      path.resolve('rel/dir'),
    );
  });

  it('a directory that cannot be created: unwritable, naming the file', () => {
    const root = tempDir();
    const blocker = path.join(root, 'not-a-dir');
    fs.writeFileSync(blocker, 'x');
    const error = thrown(() => openConfig({ dir: path.join(blocker, 'b2c') })) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.kind).toBe('unwritable');
    expect(error.message).toContain(path.join(blocker, 'b2c', 'config.json'));
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });
});

describe('a broken config file is reported, never overwritten', () => {
  it('invalid JSON: ConfigError with the path and position, file unchanged, no secret in the message', () => {
    const dir = tempDir();
    // The syntax error sits right after the key; V8's own message would quote it.
    const file = writeConfigFile(
      dir,
      `{\n  "profiles": [{"name": "w", "applicationKeyId": "id", "applicationKey": "${profile.applicationKey}" "x"}]\n}\n`,
    );
    const error = expectRefusedUnchanged(dir, file, 'invalid-json');
    expect(error.message).toMatch(/not valid JSON \(near line 2, column \d+\)/);
    expect(error.message).not.toContain(profile.applicationKey);
    expect(JSON.stringify(error)).not.toContain(profile.applicationKey);
  });

  it('truncated and empty files', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, '{"profiles": [');
    expect(expectRefusedUnchanged(dir, file, 'invalid-json').message).toContain('not valid JSON');
    fs.writeFileSync(file, '');
    expect(expectRefusedUnchanged(dir, file, 'invalid-json').message).toContain('is empty');
  });

  it('schema violation in a current-version file', () => {
    const dir = tempDir();
    const file = writeConfigFile(
      dir,
      v1File({ profiles: [{ ...profile, applicationKey: '' }], settings: { concurrency: 0, theme: 'neon' } }),
    );
    const error = expectRefusedUnchanged(dir, file, 'invalid-content');
    expect(error.problems).toEqual([
      'profiles[0].applicationKey must be non-empty, without spaces',
      'settings.concurrency: must be a whole number from 1 to 64',
      'settings.theme: must be one of default, mono',
    ]);
    expect(error.message).toContain('settings.theme');
  });

  it('duplicate names, unknown keys and a non-object file', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, v1File({ profiles: [profile, profile], settings: { concurency: 4 } }));
    const error = expectRefusedUnchanged(dir, file, 'invalid-content');
    expect(error.problems).toEqual([
      'profiles[1].name: the name "work" is used twice',
      'settings.concurency: is not a known setting',
    ]);
    fs.writeFileSync(file, '[]');
    expectRefusedUnchanged(dir, file, 'invalid-content');
  });

  it('an old file whose migration result is invalid is not rewritten (conf would stamp it first)', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, JSON.stringify({ profiles: { work: { keyId: 'id' } }, theme: 'neon' }));
    const error = expectRefusedUnchanged(dir, file, 'invalid-content');
    expect(error.problems).toEqual([
      'profiles[0].applicationKey is missing',
      'settings.theme: must be one of default, mono',
    ]);
  });

  it('a file from a newer b2c is refused rather than downgraded', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, v1File({ profiles: [profile] }, '9.0.0'));
    expect(expectRefusedUnchanged(dir, file, 'newer-version').message).toContain('9.0.0');
  });

  it('a config path that is a directory is unreadable', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'config.json'));
    const error = thrown(() => openConfig({ dir }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).kind).toBe('unreadable');
    expect((error as ConfigError).message).toContain(path.join(dir, 'config.json'));
    expect((error as ConfigError).message).toContain('is a directory');
  });

  // root reads any file whatever its mode, so EACCES cannot happen under root.
  it.skipIf(isRoot)('a file without read permission: EACCES with a chmod hint, file unchanged', () => {
    const dir = tempDir();
    const file = writeConfigFile(dir, v1File({ profiles: [profile] }), 0o000);
    const error = thrown(() => openConfig({ dir })) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.kind).toBe('unreadable');
    expect(error.message).toContain('permission denied');
    expect(error.message).toContain(`chmod 600 '${file}'`);
    fs.chmodSync(file, 0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(v1File({ profiles: [profile] }));
  });

  it('a file broken while b2c runs: operations throw ConfigError and do not write', () => {
    const dir = tempDir();
    const store = openConfig({ dir });
    store.saveProfile(profile);
    fs.writeFileSync(store.path, '{"profiles": oops');
    const before = fs.readFileSync(store.path);
    for (const op of [
      () => store.listProfiles(),
      () => store.saveProfile({ ...profile, name: 'b' }),
      () => store.updateSettings({ theme: 'mono' }),
    ]) {
      const error = thrown(op);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).kind).toBe('invalid-json');
    }
    expect(fs.readFileSync(store.path).equals(before)).toBe(true);
  });
});
