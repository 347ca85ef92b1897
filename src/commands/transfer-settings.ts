/**
 * The transfer settings `cp` and `rm` run with (concurrency, part concurrency, part size).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, openConfig, resolveConfigDir, type Settings } from '../config/index.js';
import type { SignedIn } from '../session/index.js';
import type { CliDeps, Output } from './kit/index.js';

/**
 * From the signed-in session's config, else from the config file when one exists, else the
 * defaults. A config file that cannot be read gives the defaults with a warning: environment
 * credentials must work with a broken config.
 */
export function transferSettings(session: SignedIn | null, deps: CliDeps, out: Output): Settings {
  if (session?.config) return session.config.getSettings();
  let dir: string;
  try {
    dir = resolveConfigDir(undefined, deps.env);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (!existsSync(join(dir, CONFIG_FILE_NAME))) return { ...DEFAULT_SETTINGS };
  try {
    return openConfig({ env: deps.env }).getSettings();
  } catch (error) {
    out.warn(`Using default transfer settings: ${error instanceof Error ? error.message : String(error)}`);
    return { ...DEFAULT_SETTINGS };
  }
}
