/**
 * Pure operations on ConfigData: profiles and the default profile kept consistent, settings
 * patches checked. Each returns new data (inputs are not mutated) or throws a typed error.
 */
import { ConfigValueError, ProfileError } from './errors.js';
import { CREDENTIAL_PATTERN, ENDPOINT_PATTERN, matches, profileNameProblem } from './patterns.js';
import type { ConfigData, Profile, Settings } from './types.js';
import { settingProblem } from './validate.js';

/**
 * A clean copy of `input` holding only the profile fields (whatever else the caller's object
 * carries, including redaction hooks, is dropped); an empty `endpoint` means none.
 * @throws ConfigValueError naming the bad field.
 */
export function cleanProfile(input: Profile): Profile {
  const nameProblem = profileNameProblem(String(input.name));
  if (nameProblem !== null) throw new ConfigValueError('name', nameProblem);
  if (typeof input.applicationKeyId !== 'string' || !matches(CREDENTIAL_PATTERN, input.applicationKeyId)) {
    throw new ConfigValueError('applicationKeyId', 'The application key ID must be non-empty and contain no spaces.');
  }
  if (typeof input.applicationKey !== 'string' || !matches(CREDENTIAL_PATTERN, input.applicationKey)) {
    throw new ConfigValueError('applicationKey', 'The application key must be non-empty and contain no spaces.');
  }
  const endpoint = input.endpoint === undefined || input.endpoint === '' ? undefined : input.endpoint;
  if (endpoint !== undefined && (typeof endpoint !== 'string' || !matches(ENDPOINT_PATTERN, endpoint))) {
    throw new ConfigValueError(
      'endpoint',
      'The endpoint must be an http:// or https:// URL, like https://api.backblazeb2.com.',
    );
  }
  return {
    name: input.name,
    applicationKeyId: input.applicationKeyId,
    applicationKey: input.applicationKey,
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

const names = (data: ConfigData): string[] => data.profiles.map((p) => p.name);

/**
 * Adds `profile`, or replaces the one with the same name in place. When there is no default
 * profile yet, the saved one becomes the default.
 */
export function upsertProfile(data: ConfigData, input: Profile): { data: ConfigData; outcome: 'added' | 'replaced' } {
  const profile = cleanProfile(input);
  const index = data.profiles.findIndex((p) => p.name === profile.name);
  const profiles =
    index === -1 ? [...data.profiles, profile] : data.profiles.map((p, i) => (i === index ? profile : p));
  const defaultProfile = data.settings.defaultProfile ?? profile.name;
  return {
    data: { ...data, profiles, settings: { ...data.settings, defaultProfile } },
    outcome: index === -1 ? 'added' : 'replaced',
  };
}

/**
 * Renames `from` to `to` (case-sensitive; renaming to itself is a no-op). The default follows.
 * @throws ProfileError `not-found` / `already-exists`; ConfigValueError for an invalid new name.
 */
export function renameProfileIn(data: ConfigData, from: string, to: string): ConfigData {
  if (!data.profiles.some((p) => p.name === from)) throw new ProfileError('not-found', from, names(data));
  if (from === to) return data;
  const problem = profileNameProblem(to);
  if (problem !== null) throw new ConfigValueError('name', problem);
  if (data.profiles.some((p) => p.name === to)) throw new ProfileError('already-exists', to, names(data));
  return {
    ...data,
    profiles: data.profiles.map((p) => (p.name === from ? { ...p, name: to } : p)),
    settings: {
      ...data.settings,
      defaultProfile: data.settings.defaultProfile === from ? to : data.settings.defaultProfile,
    },
  };
}

/**
 * Deletes `name`. If it was the default, the default becomes the only remaining profile when
 * exactly one remains, otherwise `null` (b2c does not guess between several keys).
 * @throws ProfileError `not-found`.
 */
export function deleteProfileFrom(data: ConfigData, name: string): ConfigData {
  if (!data.profiles.some((p) => p.name === name)) throw new ProfileError('not-found', name, names(data));
  const profiles = data.profiles.filter((p) => p.name !== name);
  let defaultProfile = data.settings.defaultProfile;
  if (defaultProfile === name) defaultProfile = profiles.length === 1 ? (profiles[0]?.name ?? null) : null;
  return { ...data, profiles, settings: { ...data.settings, defaultProfile } };
}

/**
 * Applies a settings patch (keys with `undefined` values are ignored).
 * @throws ConfigValueError naming the first bad field; ProfileError `not-found` when
 * `defaultProfile` names a profile that does not exist.
 */
export function patchSettings(data: ConfigData, patch: Partial<Settings>): ConfigData {
  const settings: Settings = { ...data.settings };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const problem = settingProblem(key, value);
    if (problem !== null) throw new ConfigValueError(key, `${key} ${problem}.`);
    if (key === 'defaultProfile' && typeof value === 'string' && !data.profiles.some((p) => p.name === value)) {
      throw new ProfileError('not-found', value, names(data));
    }
    (settings as unknown as Record<string, unknown>)[key] = key === 'keymapOverrides' ? structuredClone(value) : value;
  }
  return { ...data, settings };
}
