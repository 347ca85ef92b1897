/**
 * Checks made on an existing config file before conf opens it, because conf writes while opening
 * (it stamps its migration marker and runs migrations before validating): a file that is not JSON,
 * fails validation after migration, or comes from a newer b2c is reported and left byte-for-byte
 * as it was. Also tightens a file that others can read to 0600, and a folder others can open
 * to 0700 when it holds only b2c's files.
 */
import fs from 'node:fs';
import { invalidContent, invalidJson, newerVersion, unreadable } from './messages.js';
import { CONFIG_VERSION, compareVersions, migrateInMemory, parseVersion } from './migrations.js';
import { checkConfigData, isPlainObject } from './validate.js';

/** Mode bits the config file must not have: any access for group or others. */
const NOT_PRIVATE = 0o077;

/**
 * If `file` exists with group/other permission bits, chmods it to 0600.
 * @returns notices for the user (what was changed, or that it could not be); none when all is well.
 */
export function tightenFileMode(file: string): string[] {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    return []; // Missing: conf creates it with 0600. Unreadable: checkExistingFile reports it.
  }
  if ((mode & NOT_PRIVATE) === 0) return [];
  const was = mode.toString(8).padStart(3, '0');
  try {
    fs.chmodSync(file, 0o600);
    return [
      `The config file ${file} was readable by others (mode ${was}); b2c changed it to 600 because it holds application keys.`,
    ];
  } catch {
    return [
      `The config file ${file} is readable by others (mode ${was}) and b2c could not change that; run: chmod 600 '${file}'.`,
    ];
  }
}

/**
 * Names b2c keeps in its config folder: config.json, queue.json and history.json, and the
 * temporary names their atomic writes use beside them (`config.json.tmp-…`, `queue.json.PID.….tmp`).
 */
function isConfigFolderFile(name: string): boolean {
  return /^\.?(config|queue|history)\.json/.test(name);
}

/**
 * If folder `dir` exists with group/other permission bits: chmods it to 0700 when it holds
 * nothing but b2c's own files (it is b2c's folder), else leaves it (a folder named with
 * B2C_CONFIG_DIR may be shared on purpose) and says how to close it. Others who can open the
 * folder see which files it holds and when they change, though not what they contain.
 * @returns notices for the user; none when all is well.
 */
export function tightenDirMode(dir: string): string[] {
  let mode: number;
  let names: string[];
  try {
    mode = fs.statSync(dir).mode & 0o777;
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  if ((mode & NOT_PRIVATE) === 0) return [];
  const was = mode.toString(8).padStart(3, '0');
  const command = `chmod 700 '${dir}'`;
  if (!names.every(isConfigFolderFile)) {
    return [
      `The config folder ${dir} is open to others (mode ${was}) and holds other files too, so b2c leaves it as it is; to keep it private, run: ${command}.`,
    ];
  }
  try {
    fs.chmodSync(dir, 0o700);
    return [
      `The config folder ${dir} was open to others (mode ${was}); b2c changed it to 700 because it holds application keys.`,
    ];
  } catch {
    return [`The config folder ${dir} is open to others (mode ${was}) and b2c could not change that; run: ${command}.`];
  }
}

/**
 * Validates an existing `file` the way opening it would see it (parsed, migrated in memory to
 * CONFIG_VERSION, checked). Does nothing when the file does not exist.
 * @throws ConfigError `unreadable`, `invalid-json`, `invalid-content` or `newer-version`.
 */
export function checkExistingFile(file: string): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return;
    throw unreadable(file, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Only the offset is taken from V8's message; the rest of it quotes the file's text.
    const message = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(message)?.[1];
    const atEnd = message.includes('end of JSON input');
    throw invalidJson(file, text, position !== undefined ? Number(position) : atEnd ? text.length : undefined);
  }
  if (!isPlainObject(parsed)) throw invalidContent(file, ['the file must contain a JSON object']);
  const version = versionMarker(file, parsed);
  if (compareVersions(version, CONFIG_VERSION) > 0) throw newerVersion(file, version, CONFIG_VERSION);
  const result = checkConfigData(migrateInMemory(parsed, version));
  if (!result.ok) throw invalidContent(file, result.problems);
}

/** conf's marker `__internal__.migrations.version`; a missing marker means "before 1.0.0". */
function versionMarker(file: string, data: Record<string, unknown>): string {
  const internal = data.__internal__;
  if (internal === undefined) return '0.0.0';
  const migrations = isPlainObject(internal) ? internal.migrations : undefined;
  const version = isPlainObject(migrations) ? migrations.version : undefined;
  if (migrations === undefined && isPlainObject(internal)) return '0.0.0';
  if (typeof version !== 'string' || parseVersion(version) === null) {
    throw invalidContent(file, ['__internal__.migrations.version must be a version like 1.0.0']);
  }
  return version;
}
