/**
 * The config store: profiles, settings and bookmarks in one JSON file managed by conf, private to the user
 * (file 0600, directory 0700 when b2c creates it). Every call reads the file afresh (conf does),
 * so two b2c processes see each other's changes. Nothing here logs.
 *
 * conf stores the file (atomic writes, the file mode, migrations); ./validate.ts checks its
 * content on every read and before every write. conf is given no JSON schema: it would compile
 * one with Ajv on every open, ≈ 95 ms of every b2c start (measured: opening the config took
 * 102 ms with the schema and 9 ms without), for rules ./validate.ts already enforces with
 * messages that name the place.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { ensureConfigDir, resolveConfigDir, PROJECT_NAME } from './config-dir.js';
import type { Env } from './config-dir.js';
import { ConfigError } from './errors.js';
import { checkExistingFile, tightenDirMode, tightenFileMode } from './file-guard.js';
import { errorCode, invalidContent, invalidJson, unreadable, unwritable } from './messages.js';
import { CONFIG_VERSION, confMigrations } from './migrations.js';
import { deleteProfileFrom, patchSettings, renameProfileIn, upsertProfile } from './profile-ops.js';
import { describeProfile, guardedProfile } from './redact.js';
import type { ConfFileShape } from './types.js';
import type { Bookmark, ConfigData, Profile, ProfileSummary, Settings } from './types.js';
import { deleteBookmarkFrom, renameBookmarkIn, upsertBookmark } from './bookmark-ops.js';
import { CONFIG_FILE_NAME } from './types.js';
import { checkConfigData } from './validate.js';

/** Options of {@link openConfig}. */
export interface OpenConfigOptions {
  /** Config directory; overrides `B2C_CONFIG_DIR` and the platform default. */
  dir?: string;
  /** Environment to read `B2C_CONFIG_DIR` (and XDG_CONFIG_HOME/APPDATA) from; default process.env. */
  env?: Env;
}

/** An open config. Methods throw ConfigError when the file becomes unreadable/invalid/unwritable. */
export interface ConfigStore {
  /** Absolute path of the config file. */
  readonly path: string;
  /** Things the user should be told about opening (e.g. the file's mode was tightened to 600). */
  readonly notices: readonly string[];
  /** True for a config that lives in memory only and is forgotten on exit (./memory-store.ts). */
  readonly inMemory?: boolean;
  /** All profiles in stored order, without secrets. */
  listProfiles(): ProfileSummary[];
  /** The profile named exactly `name` (with its secret; serialises redacted), or `undefined`. */
  getProfile(name: string): Profile | undefined;
  /**
   * Adds the profile or replaces the one with the same name; if there is no default profile it
   * becomes the default. @throws ConfigValueError for an invalid field.
   */
  saveProfile(profile: Profile): 'added' | 'replaced';
  /** Renames a profile; the default follows. @throws ProfileError, ConfigValueError. */
  renameProfile(from: string, to: string): void;
  /**
   * Deletes a profile. If it was the default, the default becomes the single remaining profile,
   * or `null` when zero or several remain. @throws ProfileError `not-found`.
   */
  deleteProfile(name: string): void;
  /** The default profile's name, or `null`. */
  getDefaultProfileName(): string | null;
  /** Sets (or with `null` clears) the default profile. @throws ProfileError `not-found`. */
  setDefaultProfile(name: string | null): void;
  /** Every setting, defaults filled in. */
  getSettings(): Settings;
  /** Changes the given settings and returns them all. @throws ConfigValueError, ProfileError. */
  updateSettings(patch: Partial<Settings>): Settings;
  /** The bookmarks in stored order. */
  listBookmarks(): Bookmark[];
  /** Adds a bookmark or replaces the one of that name. @throws ConfigValueError. */
  saveBookmark(bookmark: Bookmark): 'added' | 'replaced';
  /** Renames a bookmark. @throws ConfigValueError (missing, invalid or taken name). */
  renameBookmark(from: string, to: string): void;
  /** Deletes a bookmark (a missing one changes nothing). */
  deleteBookmark(name: string): void;
}

/**
 * Opens (creating when missing) the config file in the directory chosen by
 * {@link resolveConfigDir}, migrating an older file to the current version.
 * @throws ConfigError when the file cannot be read, is not valid JSON, fails validation, comes
 * from a newer b2c, or cannot be created. The file is never overwritten or cleared in those cases.
 */
export function openConfig(options: OpenConfigOptions = {}): ConfigStore {
  const dir = resolveConfigDir(options.dir, options.env ?? process.env);
  const file = path.join(dir, CONFIG_FILE_NAME);
  ensureConfigDir(dir);
  const notices = [...tightenDirMode(dir), ...tightenFileMode(file)];
  checkExistingFile(file);
  let conf: Conf<ConfFileShape>;
  try {
    conf = new Conf<ConfFileShape>({
      projectName: PROJECT_NAME,
      cwd: dir,
      configName: path.basename(CONFIG_FILE_NAME, '.json'),
      migrations: confMigrations(),
      projectVersion: CONFIG_VERSION,
      configFileMode: 0o600,
      // A broken file must be reported, never replaced by an empty one.
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    });
  } catch (error) {
    throw asConfigError(error, file, 'write');
  }
  return new ConfStore(conf, notices);
}

class ConfStore implements ConfigStore {
  readonly path: string;
  readonly notices: readonly string[];
  readonly #conf: Conf<ConfFileShape>;

  constructor(conf: Conf<ConfFileShape>, notices: readonly string[]) {
    this.#conf = conf;
    this.path = conf.path;
    this.notices = notices;
  }

  listProfiles(): ProfileSummary[] {
    return this.#read().profiles.map(describeProfile);
  }

  getProfile(name: string): Profile | undefined {
    const found = this.#read().profiles.find((p) => p.name === name);
    return found === undefined ? undefined : guardedProfile(found);
  }

  saveProfile(profile: Profile): 'added' | 'replaced' {
    const { data, outcome } = upsertProfile(this.#read(), profile);
    this.#write(data);
    return outcome;
  }

  renameProfile(from: string, to: string): void {
    this.#write(renameProfileIn(this.#read(), from, to));
  }

  deleteProfile(name: string): void {
    this.#write(deleteProfileFrom(this.#read(), name));
  }

  getDefaultProfileName(): string | null {
    return this.#read().settings.defaultProfile;
  }

  setDefaultProfile(name: string | null): void {
    this.#write(patchSettings(this.#read(), { defaultProfile: name }));
  }

  getSettings(): Settings {
    return this.#read().settings;
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const data = patchSettings(this.#read(), patch);
    this.#write(data);
    return data.settings;
  }

  listBookmarks(): Bookmark[] {
    return this.#read().bookmarks;
  }

  saveBookmark(bookmark: Bookmark): 'added' | 'replaced' {
    const { data, outcome } = upsertBookmark(this.#read(), bookmark);
    this.#write(data);
    return outcome;
  }

  renameBookmark(from: string, to: string): void {
    this.#write(renameBookmarkIn(this.#read(), from, to));
  }

  deleteBookmark(name: string): void {
    this.#write(deleteBookmarkFrom(this.#read(), name));
  }

  #read(): ConfigData {
    let raw: unknown;
    try {
      raw = this.#conf.store;
    } catch (error) {
      throw asConfigError(error, this.path, 'read');
    }
    const result = checkConfigData(raw);
    if (!result.ok) throw invalidContent(this.path, result.problems);
    return result.data;
  }

  #write(data: ConfigData): void {
    // The operations validate what they change; this keeps a mistake in them out of the file.
    const check = checkConfigData({ profiles: data.profiles, settings: data.settings, bookmarks: data.bookmarks });
    if (!check.ok) throw invalidContent(this.path, check.problems);
    try {
      this.#conf.set({ profiles: data.profiles, settings: data.settings, bookmarks: data.bookmarks });
    } catch (error) {
      throw asConfigError(error, this.path, 'write');
    }
    // atomically chmods its temp file to configFileMode before renaming; this re-check costs one
    // stat and covers the paths where conf falls back to a plain write (Snap, EXDEV).
    tightenFileMode(this.path);
  }
}

/** Maps whatever conf/fs threw to a ConfigError (never with the parser's message, see messages.ts). */
function asConfigError(error: unknown, file: string, during: 'read' | 'write'): ConfigError {
  if (error instanceof ConfigError) return error;
  if (error instanceof SyntaxError) return invalidJson(file, safeRead(file), undefined);
  if (errorCode(error) !== undefined) return during === 'read' ? unreadable(file, error) : unwritable(file, error);
  const reason = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    'invalid-content',
    file,
    `The b2c config file ${file} could not be used: ${reason}. b2c has not changed it.`,
  );
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
