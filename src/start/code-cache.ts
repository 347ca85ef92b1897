/**
 * The file manager's start from V8's code cache, where Node has no compile cache for ES modules
 * (before 22.1, which has `module.enableCompileCache`). It compiles about 1.5 MB of JavaScript
 * before its first frame, a fifth of its start-up; V8 can instead read that compiled code back
 * from a cache, but only for classic scripts (`vm.Script` with `cachedData`). So the build also
 * writes the whole program as one classic script (dist/cli.script.js, scripts/classic-script.mjs)
 * and bin/b2c.js runs the file manager from it through here (bench/README.md, "Start-up").
 *
 * The cache is one file per build and Node version under the user's cache directory, 0600 in a
 * 0700 folder, written two seconds into a run without a usable cache, or at its exit if sooner
 * (what V8 compiled by then goes in); the other builds' files are removed then. A cache that cannot be read,
 * is not the user's alone, or that V8 rejects is ignored; any failure before the program starts
 * makes bin/b2c.js load the ES modules instead, as other commands always do.
 */
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { opensFileManager } from '../commands/opens-file-manager.js';
import { PROJECT_NAME } from '../config/config-dir.js';

/** The one-script program beside this module in dist/; its first line names the build. */
const SCRIPT_NAME = 'cli.script.js';
const BUILD_LINE = /^\/\/ b2c-build ([0-9a-f]{16})\n/;
const CACHE_FILE = /^tui-[\w.-]+\.v8$/;
/** A cache file being written (saveCache), by the process whose ID it holds. */
const TEMP_FILE = /^tui-[\w.-]+\.v8\.(\d+)\.tmp$/;

/** The script's main: `async (require, importMetaUrl, importModule)`, see scripts/classic-script.mjs. */
type ScriptMain = (
  require: NodeJS.Require,
  importMetaUrl: string,
  importModule: (specifier: string) => Promise<unknown>,
) => Promise<void>;

/**
 * The user's cache directory for b2c: `$XDG_CACHE_HOME/b2-commander` or `~/.cache/b2-commander`
 * on Linux, `~/Library/Caches/b2-commander` on macOS, `%LOCALAPPDATA%\b2-commander\Cache` on
 * Windows (where env-paths, which the config's library uses, puts them).
 */
export function userCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Caches', PROJECT_NAME);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), PROJECT_NAME, 'Cache');
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.cache'), PROJECT_NAME);
}

/** The cache file of `build` for this Node (V8 rejects another version's code anyway). */
export function codeCacheFile(dir: string, build: string): string {
  return join(dir, `tui-${build}-${process.version}-${process.arch}.v8`);
}

/** True when `path` belongs to this user and no one else may write it (always on Windows). */
function oursAlone(path: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  const stat = statSync(path);
  return stat.uid === uid && (stat.mode & 0o022) === 0;
}

function readCache(file: string): Buffer | undefined {
  try {
    return oursAlone(dirname(file)) && oursAlone(file) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates `dir` 0700 (and its parent, e.g. ~/.cache, when missing), or makes an existing one
 * 0700. Not `mkdirSync(…, { recursive: true })`: on some file systems (/proc) that never returns.
 */
function makePrivateDir(dir: string): void {
  for (const d of [dirname(dir), dir]) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(dir, 0o700);
}

/** True while process `pid` runs (one we may not signal runs too). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `data` as `file` (0600, through a temporary name), in a 0700 folder; removes older
 * builds' files and the temporary files of processes that ended while writing one.
 */
function saveCache(file: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    makePrivateDir(dir);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    for (const name of readdirSync(dir)) {
      const writer = TEMP_FILE.exec(name)?.[1];
      const stale = writer !== undefined ? !running(Number(writer)) : CACHE_FILE.test(name) && join(dir, name) !== file;
      if (stale) unlinkSync(join(dir, name));
    }
  } catch {
    // No cache this time: the next start compiles again.
  }
}

/**
 * How long after the start the code compiled so far is written as the cache: the first frame and
 * the panes' first listings have run by then. Not at the exit alone: V8 drops the compiled code
 * of functions that have not run for a while (bytecode flushing), so after a long first session
 * the cache would lack what the start runs once — the very code it is for.
 */
const SAVE_AFTER_MS = 2_000;

/** Writes `script`'s cache {@link SAVE_AFTER_MS} after the start, or at the exit if that is sooner. */
function saveSoon(file: string, script: vm.Script): void {
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    saveCache(file, script.createCachedData());
  };
  setTimeout(save, SAVE_AFTER_MS).unref();
  process.once('exit', save);
}

/**
 * Starts b2c from the one-script program with the code cache when `argv` opens the file manager.
 * Resolves true once the program has started (it then runs as dist/cli.js would), false when the
 * caller must load dist/cli.js itself: another command, or anything failing before the program
 * started.
 */
export async function startFromCodeCache(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<boolean> {
  if (!opensFileManager(argv)) return false;
  let main: ScriptMain;
  let file: string;
  try {
    file = fileURLToPath(new URL(SCRIPT_NAME, import.meta.url));
    // ASCII only (scripts/classic-script.mjs): latin1 reads it without UTF-8 decoding.
    const source = readFileSync(file, 'latin1');
    const build = BUILD_LINE.exec(source)?.[1];
    if (build === undefined) return false;
    const cacheFile = codeCacheFile(userCacheDir(env), build);
    const cachedData = readCache(cacheFile);
    const script = new vm.Script(source, { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) saveSoon(cacheFile, script);
    main = script.runInThisContext() as ScriptMain;
  } catch {
    return false;
  }
  // The program's dynamic imports (the demo server's module) come back here, to an ES module's.
  await main(createRequire(file), pathToFileURL(file).href, (specifier) => import(specifier));
  return true;
}
