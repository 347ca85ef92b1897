/**
 * The transfer settings `cp`, `sync` and `rm` run with (concurrency, part concurrency, part size).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, resolveConfigDir, type Settings } from '../config/index.js';
import { openConfig } from '../config/store.js';
import type { B2Provider } from '../providers/b2/index.js';
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

/**
 * The part size a run uses: `--part-size`, else a part size set in the settings; undefined (the
 * default setting) means "B2's recommendation", which the provider takes from the server.
 */
export function effectivePartSize(option: number | undefined, settings: Settings): number | undefined {
  return option ?? (settings.partSize !== DEFAULT_SETTINGS.partSize ? settings.partSize : undefined);
}

/**
 * Uploads at least one part long become B2 large files, whose whole-file SHA1 exists only when
 * the uploader sends `large_file_sha1` up front (docs/b2-api.md §5.2). The engine hashes local files
 * first from a threshold (default 5 MB, B2's smallest part); with smaller parts (the built-in
 * server, or --part-size) the threshold follows the part size so every large file carries it.
 */
export function prehashThreshold(b2: B2Provider | null, partSize: number | undefined): number | undefined {
  if (!b2) return undefined;
  const { recommended, absoluteMinimum } = b2.partSizes;
  const part = Math.max(partSize ?? recommended, absoluteMinimum);
  return Math.min(5_000_000, part);
}
