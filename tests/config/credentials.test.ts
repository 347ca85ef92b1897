import { describe, expect, it } from 'vitest';
import { CredentialsError, resolveCredentials } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import type { ConfigStore } from '../../src/config/index.js';
import { tempDir, thrown } from './temp-config.js';

const work = {
  name: 'work',
  applicationKeyId: '0051234567890ab0000000001',
  applicationKey: 'K005workSecretValue',
  endpoint: 'http://127.0.0.1:9000',
};
const home = { name: 'home', applicationKeyId: '0051234567890ab0000000002', applicationKey: 'K005homeSecretValue' };
const envKey = { B2_APPLICATION_KEY_ID: '005envKeyId', B2_APPLICATION_KEY: 'K005envSecret' };

function storeWith(...profiles: (typeof home)[]): ConfigStore {
  const store = openConfig({ dir: tempDir() });
  for (const p of profiles) store.saveProfile(p);
  return store;
}

/** Plain data, to compare without the redaction hooks getting in the way. */
const plain = (value: object): Record<string, unknown> => ({ ...value });

describe('resolveCredentials', () => {
  it('uses the environment over stored profiles (b2 CLI variable names)', () => {
    const config = storeWith(work, home);
    expect(plain(resolveCredentials({ env: envKey, config }) as object)).toEqual({
      source: 'env',
      applicationKeyId: '005envKeyId',
      applicationKey: 'K005envSecret',
    });
    const withProfile = resolveCredentials({
      env: { ...envKey, B2_ENDPOINT: 'http://127.0.0.1:8000' },
      config,
      profileName: 'home',
    });
    expect(plain(withProfile)).toEqual({
      source: 'env',
      applicationKeyId: '005envKeyId',
      applicationKey: 'K005envSecret',
      endpoint: 'http://127.0.0.1:8000',
      ignoredProfile: 'home',
    });
  });

  it('one variable without the other is an error naming the missing one', () => {
    const config = storeWith(work);
    const noKey = thrown(() => resolveCredentials({ env: { B2_APPLICATION_KEY_ID: 'id' }, config }));
    expect(noKey).toBeInstanceOf(CredentialsError);
    expect((noKey as CredentialsError).kind).toBe('partial-env');
    expect((noKey as CredentialsError).missing).toBe('B2_APPLICATION_KEY');
    expect((noKey as Error).message).toBe(
      'B2_APPLICATION_KEY_ID is set but B2_APPLICATION_KEY is not: set both to use a key from the environment, or unset B2_APPLICATION_KEY_ID to use a stored profile.',
    );
    const noId = thrown(() =>
      resolveCredentials({ env: { B2_APPLICATION_KEY: 'K005envSecret', B2_APPLICATION_KEY_ID: '' }, config }),
    );
    expect((noId as CredentialsError).missing).toBe('B2_APPLICATION_KEY_ID');
    expect((noId as Error).message).not.toContain('K005envSecret');
  });

  it('empty variables count as unset', () => {
    const config = storeWith(home);
    const result = resolveCredentials({
      env: { B2_APPLICATION_KEY_ID: '', B2_APPLICATION_KEY: ' ', B2_ENDPOINT: '' },
      config,
    });
    expect(result.source).toBe('profile');
  });

  it('uses the named profile, else the default, with B2_ENDPOINT overriding its endpoint', () => {
    const config = storeWith(work, home);
    expect(plain(resolveCredentials({ env: {}, config }))).toEqual({
      source: 'profile',
      profileName: 'work',
      applicationKeyId: work.applicationKeyId,
      applicationKey: work.applicationKey,
      endpoint: 'http://127.0.0.1:9000',
    });
    const named = resolveCredentials({ env: {}, config, profileName: 'home' });
    expect(plain(named)).toEqual({
      source: 'profile',
      profileName: 'home',
      applicationKeyId: home.applicationKeyId,
      applicationKey: home.applicationKey,
    });
    const overridden = resolveCredentials({ env: { B2_ENDPOINT: 'https://api.example.test' }, config });
    expect(overridden.source === 'profile' && overridden.endpoint).toBe('https://api.example.test');
  });

  it('an unknown --profile is an error listing the existing names', () => {
    const config = storeWith(work, home);
    const error = thrown(() => resolveCredentials({ env: {}, config, profileName: 'Work' }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).kind).toBe('unknown-profile');
    expect((error as CredentialsError).available).toEqual(['work', 'home']);
    expect((error as Error).message).toBe('The profile "Work" does not exist. Existing profiles: "work", "home".');
    const none = thrown(() => resolveCredentials({ env: {}, config: storeWith(), profileName: 'x' }));
    expect((none as Error).message).toBe('The profile "x" does not exist. There are no profiles yet.');
  });

  it('no profile at all → "none" for the wizard; several without a default → "no-default"', () => {
    expect(resolveCredentials({ env: {}, config: storeWith() })).toEqual({
      source: 'none',
      reason: 'no-profiles',
      profiles: [],
    });
    const several = storeWith(work, home);
    several.setDefaultProfile(null);
    expect(resolveCredentials({ env: {}, config: several })).toEqual({
      source: 'none',
      reason: 'no-default',
      profiles: ['work', 'home'],
    });
    several.deleteProfile('work');
    several.setDefaultProfile(null);
    const single = resolveCredentials({ env: {}, config: several });
    expect(single.source === 'profile' && single.profileName).toBe('home');
  });

  it('a default profile that no longer exists is reported', () => {
    const config = storeWith(work);
    const dangling = {
      ...config,
      listProfiles: () => config.listProfiles(),
      getProfile: (n: string) => config.getProfile(n),
      getDefaultProfileName: () => 'gone',
    };
    const error = thrown(() => resolveCredentials({ env: {}, config: dangling }));
    expect((error as Error).message).toBe('The default profile "gone" does not exist. Existing profiles: "work".');
  });

  it('B2_ENDPOINT must be an http(s) URL', () => {
    const error = thrown(() =>
      resolveCredentials({ env: { ...envKey, B2_ENDPOINT: 'api.backblazeb2.com' }, config: storeWith() }),
    );
    expect((error as CredentialsError).kind).toBe('invalid-endpoint');
  });

  it('does not read process.env', () => {
    const before = { ...process.env };
    const result = resolveCredentials({ env: {}, config: storeWith() });
    expect(result.source).toBe('none');
    expect(process.env).toEqual(before);
  });
});
