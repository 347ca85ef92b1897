/**
 * Config file versions and their migrations. The version is the config *schema* version, kept by
 * conf in `__internal__.migrations.version`; it is not the package version, so releasing b2c does
 * not rewrite anybody's file. Each migration is a pure function over the parsed file, run both by
 * conf (for real) and by the open-time check (in memory, to validate before anything is written).
 */
import type Conf from 'conf';
import type { ConfFileShape } from './types.js';
import { parseSize } from './size.js';
import { DEFAULT_SETTINGS } from './types.js';
import { isPlainObject } from './validate.js';

/** The version files are migrated to and written at. */
export const CONFIG_VERSION = '1.0.0';

type Raw = Record<string, unknown>;

/** One step: `migrate` turns a file of the previous version into this `version`. */
export interface Migration {
  version: string;
  migrate: (data: Raw) => Raw;
}

const LEGACY_SETTING_KEYS = Object.keys(DEFAULT_SETTINGS);

/**
 * 1.0.0, the initial migration. Input: a file without a version marker, which is either new
 * (empty) or from a pre-release 0.x build. Those kept profiles as a map
 * `{ "profiles": { NAME: { "keyId", "key", "endpoint"? } } }` and the settings at the top level
 * (`"partSize"` possibly as a human string like "64MiB"). Output: `profiles` as a list of
 * `{name, applicationKeyId, applicationKey, endpoint?}` and every setting under `settings`, with
 * defaults written out so users can see what they may edit. Files already in that shape pass
 * through. Anything it cannot convert is left as found, for validation to report.
 */
export function migrateToV1(data: Raw): Raw {
  const out: Raw = { ...data };
  if (isPlainObject(data.profiles)) {
    out.profiles = Object.entries(data.profiles).map(([name, value]) =>
      isPlainObject(value) ? legacyProfile(name, value) : value,
    );
  } else if (data.profiles === undefined) {
    out.profiles = [];
  }
  const settings: Raw = isPlainObject(data.settings) ? { ...data.settings } : {};
  for (const key of LEGACY_SETTING_KEYS) {
    if (key in data && !(key in settings)) settings[key] = data[key];
    delete out[key];
  }
  if (typeof settings.partSize === 'string') {
    try {
      settings.partSize = parseSize(settings.partSize);
    } catch {
      // Left as a string: validation reports `settings.partSize` with the rule.
    }
  }
  // A `settings` that is not an object stays as found, for validation to report.
  if (data.settings === undefined || isPlainObject(data.settings)) {
    out.settings = { ...DEFAULT_SETTINGS, ...settings };
  }
  return out;
}

function legacyProfile(name: string, value: Raw): Raw {
  const { keyId, key, applicationKeyId, applicationKey, endpoint, ...rest } = value;
  return {
    name,
    applicationKeyId: applicationKeyId ?? keyId,
    applicationKey: applicationKey ?? key,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...rest,
  };
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [{ version: '1.0.0', migrate: migrateToV1 }];

/** `[major, minor, patch]` of a plain `x.y.z` version, or `null` for anything else. */
export function parseVersion(version: string): [number, number, number] | null {
  const m = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})$/.exec(version);
  return m === null ? null : [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (both `x.y.z`). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [0, 0, 0];
  const pb = parseVersion(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Applies, in memory, every migration newer than `fromVersion` (what conf will do on open). */
export function migrateInMemory(data: Raw, fromVersion: string): Raw {
  return MIGRATIONS.filter((m) => compareVersions(m.version, fromVersion) > 0).reduce((acc, m) => m.migrate(acc), data);
}

/** The same migrations in the form conf's `migrations` option expects. */
export function confMigrations(): Record<string, (store: Conf<ConfFileShape>) => void> {
  return Object.fromEntries(
    MIGRATIONS.map((m) => [
      m.version,
      (store: Conf<ConfFileShape>) => {
        store.store = m.migrate(store.store);
      },
    ]),
  );
}
