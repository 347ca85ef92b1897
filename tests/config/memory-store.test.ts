/**
 * The in-memory config of `b2c --demo`: profiles and settings follow the file's rules (the same
 * pure operations), nothing is written anywhere, and a secret never shows in what is listed.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryConfig, ProfileError } from '../../src/config/index.js';

const P = {
  name: 'demo',
  applicationKeyId: '0041a2b3c4d5e6f0000000000',
  applicationKey: 'K004SECRETSECRETSECRETSECRETSECR',
  endpoint: 'http://127.0.0.1:9',
};

describe('memory config', () => {
  it('saves, renames, deletes and defaults profiles as the file does, and says it lives in memory', () => {
    const c = createMemoryConfig();
    expect(c.inMemory).toBe(true);
    expect(c.path).toContain('in memory');
    expect(c.saveProfile(P)).toBe('added');
    expect(c.getDefaultProfileName()).toBe('demo');
    expect(c.saveProfile({ ...P, name: 'other' })).toBe('added');
    expect(c.saveProfile({ ...P, name: 'other' })).toBe('replaced');
    c.renameProfile('demo', 'renamed');
    expect(c.getDefaultProfileName()).toBe('renamed');
    expect(c.listProfiles()).toEqual([
      { name: 'renamed', applicationKeyId: P.applicationKeyId, endpoint: P.endpoint },
      { name: 'other', applicationKeyId: P.applicationKeyId, endpoint: P.endpoint },
    ]);
    expect(JSON.stringify(c.listProfiles())).not.toContain('SECRET');
    expect(c.getProfile('other')?.applicationKey).toBe(P.applicationKey);
    expect(() => c.renameProfile('nope', 'x')).toThrow(ProfileError);
    c.deleteProfile('renamed');
    expect(c.getDefaultProfileName()).toBe('other');
    expect(c.updateSettings({ concurrency: 8 }).concurrency).toBe(8);
    expect(() => c.updateSettings({ concurrency: 0 })).toThrow();
  });
});
