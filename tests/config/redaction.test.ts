/**
 * Everything meant for display or serialisation must be free of the application key.
 */
import fs from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  describeCredentials,
  describeProfile,
  redactUrlUserInfo,
  resolveCredentials,
} from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { tempDir, thrown, v1File, writeConfigFile } from './temp-config.js';

const SECRET = 'K005thisMustNeverBeShown';
const profile = {
  name: 'work',
  applicationKeyId: '0051234567890ab0000000001',
  applicationKey: SECRET,
  endpoint: 'http://127.0.0.1:9000',
};

describe('the application key stays out of displayed and serialised forms', () => {
  it('is on disk (so the checks below can fail) but not in any display form', () => {
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(profile);
    expect(fs.readFileSync(store.path, 'utf8')).toContain(SECRET);

    const loaded = store.getProfile('work');
    expect(loaded?.applicationKey).toBe(SECRET); // usable for authorising…
    const resolved = resolveCredentials({ env: {}, config: store });
    expect(resolved.source === 'profile' && resolved.applicationKey).toBe(SECRET);

    const shown = [
      JSON.stringify(store.listProfiles()),
      inspect(store.listProfiles()),
      JSON.stringify(describeProfile(profile)),
      JSON.stringify(loaded),
      JSON.stringify({ profiles: [loaded] }),
      inspect(loaded, { depth: 5 }),
      `${inspect({ nested: { loaded } }, { depth: 5 })}`,
      JSON.stringify(resolved),
      inspect(resolved),
      resolved.source === 'profile' ? JSON.stringify(describeCredentials(resolved)) : '',
    ];
    for (const text of shown) {
      expect(text).not.toContain(SECRET);
      expect(text).toContain('0051234567890ab0000000001');
    }
    expect(JSON.stringify(store.getSettings())).not.toContain(SECRET);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual({
      name: 'work',
      applicationKeyId: '0051234567890ab0000000001',
      endpoint: 'http://127.0.0.1:9000',
    });
  });

  it('env credentials serialise without the key too', () => {
    const resolved = resolveCredentials({
      env: { B2_APPLICATION_KEY_ID: 'id', B2_APPLICATION_KEY: SECRET },
      config: openConfig({ dir: tempDir() }),
    });
    expect(JSON.stringify(resolved)).toBe('{"source":"env","applicationKeyId":"id"}');
    expect(inspect(resolved)).not.toContain(SECRET);
  });

  it('config errors about a file holding the key do not quote it', () => {
    const dir = tempDir();
    writeConfigFile(dir, v1File({ profiles: [{ ...profile, applicationKey: `${SECRET} with space` }] }));
    const invalid = thrown(() => openConfig({ dir })) as ConfigError;
    expect(invalid).toBeInstanceOf(ConfigError);
    expect(invalid.message).toContain('profiles[0].applicationKey');
    writeConfigFile(dir, `{"profiles":[{"applicationKey":"${SECRET}",]}`);
    const broken = thrown(() => openConfig({ dir })) as ConfigError;
    expect(broken.kind).toBe('invalid-json');
    for (const error of [invalid, broken]) {
      expect(`${error.message} ${error.problems.join(' ')} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(
        SECRET,
      );
    }
  });
});

describe('a password in a URL is never shown', () => {
  it('redactUrlUserInfo replaces the user-info of every URL in a text, and nothing else', () => {
    expect(redactUrlUserInfo('http://user:PASS@host:9000/x')).toBe('http://***@host:9000/x');
    expect(redactUrlUserInfo('Cannot use https://PASS@a.example and HTTP://u:p@b.example/?q=1@2.')).toBe(
      'Cannot use https://***@a.example and HTTP://***@b.example/?q=1@2.',
    );
    expect(redactUrlUserInfo('mail me@example.com, see https://host/a@b')).toBe(
      'mail me@example.com, see https://host/a@b',
    );
    expect(redactUrlUserInfo('http://host:9000')).toBe('http://host:9000');
  });

  it('profile and credential summaries show the endpoint without its password', () => {
    const withPassword = { ...profile, endpoint: 'http://admin:PASSWORD-9@127.0.0.1:9000' };
    expect(describeProfile(withPassword).endpoint).toBe('http://***@127.0.0.1:9000');
    const store = openConfig({ dir: tempDir() });
    store.saveProfile(withPassword);
    expect(JSON.stringify(store.listProfiles())).not.toContain('PASSWORD-9');
    expect(store.getProfile('work')?.endpoint).toBe(withPassword.endpoint); // still usable for signing in
    const resolved = resolveCredentials({ env: {}, config: store });
    if (resolved.source === 'none') throw new Error('the profile was not found');
    expect(JSON.stringify(resolved)).not.toContain('PASSWORD-9');
    expect(JSON.stringify(describeCredentials(resolved))).toContain('http://***@127.0.0.1:9000');
  });
});
