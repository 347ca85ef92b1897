/**
 * Where the config lives, and creating that directory privately. conf would create it with
 * `mkdirSync(dir, {recursive: true})` (mode 0777 minus umask, usually 0755); we create it first
 * with 0700 so the listing of profile files is not world-readable either.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unwritable } from './messages.js';
import { CONFIG_FILE_NAME } from './types.js';

/** conf's `projectName`; also the directory name under the platform's config directory. */
export const PROJECT_NAME = 'b2-commander';

/** Environment variable naming the config directory (for users and e2e tests). */
export const CONFIG_DIR_ENV = 'B2C_CONFIG_DIR';

/** Environment as a plain record (process.env or a test's object). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The config directory: `explicitDir`, else `$B2C_CONFIG_DIR`, else the platform's user config
 * directory as conf would choose it (env-paths with `projectName: 'b2-commander'`, no suffix):
 * `$XDG_CONFIG_HOME/b2-commander` or `~/.config/b2-commander` on Linux,
 * `~/Library/Preferences/b2-commander` on macOS, `%APPDATA%\b2-commander\Config` on Windows.
 * Relative paths are resolved against the current directory. Pure apart from `os.homedir()`.
 */
export function resolveConfigDir(
  explicitDir: string | undefined,
  env: Env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const chosen = explicitDir ?? nonEmpty(env[CONFIG_DIR_ENV]);
  if (chosen !== undefined) return path.resolve(chosen);
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', PROJECT_NAME);
  if (platform === 'win32') {
    return path.join(nonEmpty(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'), PROJECT_NAME, 'Config');
  }
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(base, PROJECT_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Creates `dir` (and missing parents) with mode 0700 when it does not exist. An existing directory
 * is handled by file-guard.ts's tightenDirMode (tightened when it is b2c's alone, else a notice).
 * @throws ConfigError (`unwritable`) when it cannot be created.
 */
export function ensureConfigDir(dir: string): void {
  try {
    if (fs.existsSync(dir)) return;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask; chmod is not, so the directory really ends up 0700.
    fs.chmodSync(dir, 0o700);
  } catch (error) {
    throw unwritable(path.join(dir, CONFIG_FILE_NAME), error);
  }
}
