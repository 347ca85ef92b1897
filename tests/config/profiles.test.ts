import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValueError, ProfileError } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { tempDir, thrown } from './temp-config.js';

const work = { name: 'work', applicationKeyId: '0051234567890ab0000000001', applicationKey: 'K005workSecretValue' };
const home = {
  name: 'home',
  applicationKeyId: '0051234567890ab0000000002',
  applicationKey: 'K005homeSecretValue',
  endpoint: 'http://127.0.0.1:9000',
};

function onDisk(file: string): {
  profiles: { name: string; applicationKey: string }[];
  settings: { defaultProfile: string | null };
} {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('profiles', () => {
  it('creates, reads, replaces and persists profiles across reopen', () => {
    const dir = tempDir();
    const store = openConfig({ dir });
    expect(store.listProfiles()).toEqual([]);
    expect(store.saveProfile(work)).toBe('added');
    expect(store.saveProfile(home)).toBe('added');
    expect(store.listProfiles()).toEqual([
      { name: 'work', applicationKeyId: work.applicationKeyId },
      { name: 'home', applicationKeyId: home.applicationKeyId, endpoint: 'http://127.0.0.1:9000' },
    ]);
    expect(store.saveProfile({ ...work, applicationKey: 'K005rotatedSecret' })).toBe('replaced');

    const reopened = openConfig({ dir });
    expect(reopened.path).toBe(path.join(dir, 'config.json'));
    expect(reopened.getProfile('work')?.applicationKey).toBe('K005rotatedSecret');
    expect(reopened.getProfile('home')?.endpoint).toBe('http://127.0.0.1:9000');
    expect(reopened.listProfiles().map((p) => p.name)).toEqual(['work', 'home']);
    expect(onDisk(reopened.path).profiles.map((p) => p.applicationKey)).toEqual([
      'K005rotatedSecret',
      'K005homeSecretValue',
    ]);
  });

  it('treats names case-sensitively and returns undefined for a missing one', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile({ ...home, name: 'Work' });
    expect(store.listProfiles().map((p) => p.name)).toEqual(['work', 'Work']);
    expect(store.getProfile('WORK')).toBeUndefined();
  });

  it('keeps the secret on disk when a profile from getProfile is saved back', () => {
    // getProfile's object serialises redacted; saving it must still store the real key.
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    const loaded = store.getProfile('work');
    expect(loaded).toBeDefined();
    if (loaded === undefined) return;
    store.saveProfile({ ...loaded, endpoint: 'https://api.backblazeb2.com' });
    store.saveProfile(loaded);
    expect(onDisk(store.path).profiles[0]?.applicationKey).toBe(work.applicationKey);
  });

  it('rejects invalid fields with ConfigValueError naming the field, without writing', () => {
    const store = openConfig({ dir: tempDir() });
    const before = fs.readFileSync(store.path, 'utf8');
    const cases: [Record<string, string>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(65) }, 'name'],
      [{ name: 'tab\there' }, 'name'],
      [{ name: ' padded' }, 'name'],
      [{ applicationKeyId: '' }, 'applicationKeyId'],
      [{ applicationKey: 'has space' }, 'applicationKey'],
      [{ endpoint: 'ftp://example.com' }, 'endpoint'],
    ];
    for (const [change, field] of cases) {
      const error = thrown(() => store.saveProfile({ ...work, ...change }));
      expect(error).toBeInstanceOf(ConfigValueError);
      expect((error as ConfigValueError).field).toBe(field);
    }
    expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
    // 64 code points is the limit, whatever the script.
    expect(store.saveProfile({ ...work, name: 'ü'.repeat(64) })).toBe('added');
    expect(store.listProfiles()).toHaveLength(1);
  });

  it('renames a profile, and refuses a taken or missing name', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile(home);
    store.renameProfile('work', 'office');
    expect(store.listProfiles().map((p) => p.name)).toEqual(['office', 'home']);
    expect(store.getProfile('office')?.applicationKey).toBe(work.applicationKey);

    const taken = thrown(() => store.renameProfile('office', 'home'));
    expect(taken).toBeInstanceOf(ProfileError);
    expect((taken as ProfileError).kind).toBe('already-exists');
    const missing = thrown(() => store.renameProfile('work', 'x'));
    expect((missing as ProfileError).kind).toBe('not-found');
    expect((missing as ProfileError).message).toContain('"office", "home"');
    expect((thrown(() => store.renameProfile('home', '')) as ConfigValueError).field).toBe('name');
  });

  it('deletes a profile and refuses a missing one', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile(home);
    store.deleteProfile('work');
    expect(store.listProfiles().map((p) => p.name)).toEqual(['home']);
    expect(onDisk(store.path).profiles.map((p) => p.name)).toEqual(['home']);
    expect((thrown(() => store.deleteProfile('work')) as ProfileError).kind).toBe('not-found');
  });

  it('sees changes made by another open store (another b2c process)', () => {
    const dir = tempDir();
    const a = openConfig({ dir });
    const b = openConfig({ dir });
    a.saveProfile(work);
    expect(b.getProfile('work')?.applicationKeyId).toBe(work.applicationKeyId);
  });
});

describe('default profile consistency', () => {
  it('makes the first saved profile the default and keeps an existing default', () => {
    const store = openConfig({ dir: tempDir() });
    expect(store.getDefaultProfileName()).toBeNull();
    store.saveProfile(work);
    expect(store.getDefaultProfileName()).toBe('work');
    store.saveProfile(home);
    expect(store.getDefaultProfileName()).toBe('work');
  });

  it('follows a rename of the default profile', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile(home);
    store.renameProfile('work', 'office');
    expect(store.getDefaultProfileName()).toBe('office');
    expect(onDisk(store.path).settings.defaultProfile).toBe('office');
    store.renameProfile('home', 'house');
    expect(store.getDefaultProfileName()).toBe('office');
  });

  it('on deleting the default: the single remaining profile, else none', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile(home);
    store.saveProfile({ ...work, name: 'third' });
    store.deleteProfile('work');
    expect(store.getDefaultProfileName()).toBeNull();
    store.setDefaultProfile('home');
    store.deleteProfile('third');
    expect(store.getDefaultProfileName()).toBe('home');
    store.deleteProfile('home');
    expect(store.getDefaultProfileName()).toBeNull();
    expect(store.listProfiles()).toEqual([]);
  });

  it('setDefaultProfile accepts existing names and null only', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(work);
    store.saveProfile(home);
    store.setDefaultProfile('home');
    expect(openConfig({ dir: path.dirname(store.path) }).getDefaultProfileName()).toBe('home');
    const error = thrown(() => store.setDefaultProfile('nope'));
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).available).toEqual(['work', 'home']);
    store.setDefaultProfile(null);
    expect(store.getDefaultProfileName()).toBeNull();
  });
});
