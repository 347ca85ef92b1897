/**
 * Pure validation of the config file's content, the only one (conf is given no schema: see
 * ./store.ts): before conf touches a file, so that a bad file is reported without being
 * rewritten, on every read, and before every write. Problem texts
 * name the place (`profiles[1].applicationKey`) and the rule, never the value (it may be a secret).
 */
import {
  BOOKMARK_PATH_PATTERN,
  CREDENTIAL_PATTERN,
  ENDPOINT_PATTERN,
  KEYMAP_TEXT_PATTERN,
  PROFILE_NAME_PATTERN,
  matches,
} from './patterns.js';
import type { Bookmark, ConfigData, Profile, Settings } from './types.js';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, THEMES } from './types.js';

/** Outcome of {@link checkConfigData}. */
export type CheckResult = { ok: true; data: ConfigData } | { ok: false; problems: string[] };

type Raw = Record<string, unknown>;

/** A plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ROOT_KEYS = new Set(['profiles', 'settings', 'bookmarks', '__internal__']);
const PROFILE_KEYS = new Set(['name', 'applicationKeyId', 'applicationKey', 'endpoint']);

/**
 * Validates parsed file content at the current config version and returns it with settings
 * defaults filled in, or every problem found.
 */
export function checkConfigData(raw: unknown): CheckResult {
  const problems: string[] = [];
  if (!isPlainObject(raw)) return { ok: false, problems: ['the file must contain a JSON object'] };
  for (const key of Object.keys(raw)) {
    if (!ROOT_KEYS.has(key)) problems.push(`${JSON.stringify(key)} is not a known setting`);
  }
  if (raw.__internal__ !== undefined && !isPlainObject(raw.__internal__)) {
    problems.push('__internal__ must be an object');
  }
  const profiles = checkProfiles(raw.profiles, problems);
  const settings = checkSettings(raw.settings, problems);
  const bookmarks = checkBookmarks(raw.bookmarks, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: { profiles, settings, bookmarks } };
}

function checkProfiles(value: unknown, problems: string[]): Profile[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('profiles must be a list');
    return [];
  }
  const seen = new Set<string>();
  const out: Profile[] = [];
  value.forEach((item: unknown, i) => {
    const at = `profiles[${i}]`;
    if (!isPlainObject(item)) {
      problems.push(`${at} must be an object`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!PROFILE_KEYS.has(key)) problems.push(`${at}: ${JSON.stringify(key)} is not a profile field`);
    }
    const ok =
      checkString(item.name, PROFILE_NAME_PATTERN, `${at}.name`, 'must be 1–64 printable characters', problems) &&
      checkString(
        item.applicationKeyId,
        CREDENTIAL_PATTERN,
        `${at}.applicationKeyId`,
        'must be non-empty, without spaces',
        problems,
      ) &&
      checkString(
        item.applicationKey,
        CREDENTIAL_PATTERN,
        `${at}.applicationKey`,
        'must be non-empty, without spaces',
        problems,
      ) &&
      (item.endpoint === undefined ||
        checkString(item.endpoint, ENDPOINT_PATTERN, `${at}.endpoint`, 'must be an http:// or https:// URL', problems));
    if (!ok) return;
    const profile = item as unknown as Profile;
    if (seen.has(profile.name)) problems.push(`${at}.name: the name ${JSON.stringify(profile.name)} is used twice`);
    seen.add(profile.name);
    out.push({
      name: profile.name,
      applicationKeyId: profile.applicationKeyId,
      applicationKey: profile.applicationKey,
      ...(profile.endpoint === undefined ? {} : { endpoint: profile.endpoint }),
    });
  });
  return out;
}

function checkBookmarks(value: unknown, problems: string[]): Bookmark[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('bookmarks must be a list');
    return [];
  }
  const out: Bookmark[] = [];
  value.forEach((item: unknown, i) => {
    const at = `bookmarks[${i}]`;
    const bookmark = checkBookmark(item, at, problems);
    if (bookmark !== null) out.push(bookmark);
  });
  return out;
}

function checkBookmark(item: unknown, at: string, problems: string[]): Bookmark | null {
  if (!isPlainObject(item) || !isPlainObject(item.place)) {
    problems.push(`${at} must be an object with a name and a place`);
    return null;
  }
  const extra = Object.keys(item).filter((k) => k !== 'name' && k !== 'place');
  const place = item.place;
  const placeKeys = place.kind === 'local' ? ['kind', 'path'] : ['kind', 'profile', 'bucket', 'prefix'];
  const placeExtra = Object.keys(place).filter((k) => !placeKeys.includes(k));
  if (extra.length > 0 || placeExtra.length > 0) {
    problems.push(`${at} has fields a bookmark does not have`);
    return null;
  }
  if (!checkString(item.name, PROFILE_NAME_PATTERN, `${at}.name`, 'must be 1–64 printable characters', problems)) {
    return null;
  }
  const name = item.name as string;
  if (place.kind === 'local') {
    return checkString(place.path, BOOKMARK_PATH_PATTERN, `${at}.place.path`, 'must be an absolute path', problems)
      ? { name, place: { kind: 'local', path: place.path as string } }
      : null;
  }
  const bucketOk = place.bucket === null || (typeof place.bucket === 'string' && place.bucket !== '');
  if (
    place.kind !== 'b2' ||
    !checkString(place.profile, PROFILE_NAME_PATTERN, `${at}.place.profile`, 'must be a profile name', problems) ||
    !bucketOk ||
    typeof place.prefix !== 'string'
  ) {
    problems.push(`${at}.place must be a local path or a B2 profile, bucket and prefix`);
    return null;
  }
  return {
    name,
    place: {
      kind: 'b2',
      profile: place.profile as string,
      bucket: place.bucket as string | null,
      prefix: place.prefix,
    },
  };
}

function checkSettings(value: unknown, problems: string[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, keymapOverrides: {} };
  if (value === undefined) return settings;
  if (!isPlainObject(value)) {
    problems.push('settings must be an object');
    return settings;
  }
  for (const [key, v] of Object.entries(value)) {
    const problem = settingProblem(key, v);
    if (problem !== null) problems.push(`settings.${key}: ${problem}`);
    else (settings as unknown as Raw)[key] = key === 'keymapOverrides' ? structuredClone(v) : v;
  }
  return settings;
}

/**
 * Why `value` is not acceptable for setting `key`, or `null` when it is. Shared with
 * `updateSettings` so the API and the file obey the same rules.
 */
export function settingProblem(key: string, value: unknown): string | null {
  switch (key) {
    case 'defaultProfile':
      return value === null || (typeof value === 'string' && matches(PROFILE_NAME_PATTERN, value))
        ? null
        : 'must be a profile name or null';
    case 'concurrency':
    case 'partConcurrency':
    case 'partSize': {
      const { min, max } = SETTINGS_LIMITS[key];
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : `must be a whole number from ${min} to ${max}${key === 'partSize' ? ' (bytes)' : ''}`;
    }
    case 'keymapOverrides':
      return isPlainObject(value) &&
        Object.entries(value).every(
          ([id, keys]) =>
            matches(KEYMAP_TEXT_PATTERN, id) &&
            Array.isArray(keys) &&
            keys.every((k) => typeof k === 'string' && matches(KEYMAP_TEXT_PATTERN, k)),
        )
        ? null
        : 'must map command ids to lists of key patterns';
    case 'theme':
      return THEMES.some((t) => t === value) ? null : `must be one of ${THEMES.join(', ')}`;
    case 'confirmDelete':
      return typeof value === 'boolean' ? null : 'must be true or false';
    default:
      return 'is not a known setting';
  }
}

function checkString(value: unknown, pattern: string, at: string, rule: string, problems: string[]): boolean {
  if (typeof value === 'string' && matches(pattern, value)) return true;
  problems.push(value === undefined ? `${at} is missing` : `${at} ${rule}`);
  return false;
}
