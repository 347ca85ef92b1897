/**
 * The config layer's public API: profiles and settings (conf-backed), credential resolution,
 * secret hygiene and size parsing. Import from here, except `openConfig` (the config file, with
 * conf and ajv): it is ./store.js, imported on its own (statically by the CLI's commands, through
 * `loadConfigStore` elsewhere) so that modules which only need the rest — the file manager before
 * its first frame — do not load that library (tests/e2e/tui-startup-bundle.test.ts).
 */
export { loadConfigStore } from './load-store.js';
export { createMemoryConfig, MEMORY_CONFIG_PATH } from './memory-store.js';
export type { ConfigStore, OpenConfigOptions } from './store.js';
export { resolveConfigDir, CONFIG_DIR_ENV, PROJECT_NAME } from './config-dir.js';
export type { Env } from './config-dir.js';
export { resolveCredentials, describeCredentials, ENV_KEY_ID, ENV_KEY, ENV_ENDPOINT } from './credentials.js';
export type { CredentialSource, ResolveCredentialsInput, ResolvedCredentials, NoCredentials } from './credentials.js';
export { refuseSecretInArgv } from './argv-secrets.js';
export { parseSize } from './size.js';
export { describeProfile, redactUrlUserInfo } from './redact.js';
export { profileNameProblem } from './patterns.js';
export { ConfigError, ConfigValueError, ProfileError, CredentialsError, SizeParseError } from './errors.js';
export type { ConfigErrorKind } from './errors.js';
export { CONFIG_VERSION } from './migrations.js';
export { DEFAULT_SETTINGS, SETTINGS_LIMITS, THEMES, CONFIG_FILE_NAME } from './types.js';
export type { Profile, ProfileSummary, Settings, Theme, ConfigData, Bookmark, BookmarkPlace } from './types.js';
export { bookmarkNameProblem } from './bookmark-ops.js';
