import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, DEFAULT_SETTINGS } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { migrateToV1 } from '../../src/config/migrations.js';
import { modeOf, tempDir, v1File, writeConfigFile } from './temp-config.js';

describe('migrations', () => {
  it('migrates a pre-1.0 file (profiles map, top-level settings, human part size) on open', () => {
    const dir = tempDir();
    const legacy = {
      profiles: {
        work: { keyId: '0051234567890ab0000000001', key: 'K005workSecretValue' },
        lab: { keyId: '0051234567890ab0000000002', key: 'K005labSecretValue', endpoint: 'http://127.0.0.1:8000' },
      },
      defaultProfile: 'lab',
      partSize: '64MiB',
      theme: 'mono',
    };
    const file = writeConfigFile(dir, JSON.stringify(legacy), 0o644);
    const store = openConfig({ dir });

    expect(store.listProfiles()).toEqual([
      { name: 'work', applicationKeyId: '0051234567890ab0000000001' },
      { name: 'lab', applicationKeyId: '0051234567890ab0000000002', endpoint: 'http://127.0.0.1:8000' },
    ]);
    expect(store.getProfile('lab')?.applicationKey).toBe('K005labSecretValue');
    expect(store.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      defaultProfile: 'lab',
      partSize: 67_108_864,
      theme: 'mono',
    });

    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe(CONFIG_VERSION);
    expect(Object.keys(onDisk).sort()).toEqual(['__internal__', 'profiles', 'settings']);
    expect(onDisk.profiles[0]).toEqual({
      name: 'work',
      applicationKeyId: '0051234567890ab0000000001',
      applicationKey: 'K005workSecretValue',
    });
    expect(onDisk.settings.partSize).toBe(67_108_864);
    expect(modeOf(file)).toBe(0o600);
  });

  it('stamps an unversioned file already in the current shape without changing its data', () => {
    const dir = tempDir();
    const profiles = [{ name: 'work', applicationKeyId: 'id1', applicationKey: 'secret1' }];
    const file = writeConfigFile(dir, JSON.stringify({ profiles, settings: { concurrency: 8 } }));
    const store = openConfig({ dir });
    expect(store.getSettings().concurrency).toBe(8);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk.profiles).toEqual(profiles);
    expect(onDisk.settings).toEqual({ ...DEFAULT_SETTINGS, concurrency: 8 });
    expect(onDisk.__internal__.migrations.version).toBe(CONFIG_VERSION);
  });

  it('does not rewrite a current-version file on open', () => {
    const dir = tempDir();
    const text = v1File({ profiles: [], settings: { theme: 'mono' } });
    const file = writeConfigFile(dir, text);
    expect(openConfig({ dir }).getSettings().theme).toBe('mono');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('the initial migration is idempotent on its own output', () => {
    const once = migrateToV1({ profiles: { a: { keyId: 'i', key: 'k' } }, concurrency: 2 });
    expect(migrateToV1(once)).toEqual(once);
    expect(once).toEqual({
      profiles: [{ name: 'a', applicationKeyId: 'i', applicationKey: 'k' }],
      settings: { ...DEFAULT_SETTINGS, concurrency: 2 },
    });
  });
});
