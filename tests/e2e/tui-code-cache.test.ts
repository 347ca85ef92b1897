/**
 * Where Node has no compile cache for ES modules (before 22.1), the file manager starts from one
 * classic script with V8's code cache (src/start/code-cache.ts): the same screens with or without
 * a cache, the cache 0600 in a 0700 folder under the user's cache directory, named by the build,
 * and a damaged or foreign cache ignored.
 */
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runB2c } from '../support/binary.js';
import { until } from '../support/poll.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { codeCacheFile, userCacheDir } from '../../src/start/code-cache.js';
import { see, startDemo, type DemoRun } from './tui-helpers.js';

const tempDir = useTempDirs('b2c-code-cache-');
const BUILD = /^\/\/ b2c-build ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'cli.script.js'), 'utf8'))?.[1];

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

/**
 * The demo once both panes are listed — its bucket rows and function-key bar, which do not change
 * while the rest is still loading — then quit: a cache not written yet is written at the exit.
 */
async function demoOnce(cacheHome: string): Promise<string[]> {
  run = await startDemo([], { env: { XDG_CACHE_HOME: cacheHome } });
  const screen = await see(run.s, 'demo-photos', '3 buckets', 'empty', '10Quit');
  run.s.write('q');
  expect(await run.s.exited).toBe(0);
  return screen.split('\n').filter((row) => row.includes('<BKT>') || row.includes('10Quit'));
}

/** A fresh cache home (XDG_CACHE_HOME), its b2c folder and this build's cache file there. */
function cacheHome(): { home: string; dir: string; file: string } {
  const home = tempDir();
  const dir = userCacheDir({ XDG_CACHE_HOME: home });
  return { home, dir, file: codeCacheFile(dir, BUILD ?? '') };
}

describe.skipIf('enableCompileCache' in module)('the start from V8 code cache (Node < 22.1)', () => {
  it('writes the cache during the first run, 0600 in a 0700 folder, and draws the same screen from it', async () => {
    const { home, dir, file } = cacheHome();
    expect(BUILD).toBeDefined();
    // Not only at the exit (src/start/code-cache.ts, SAVE_AFTER_MS): written while it runs.
    run = await startDemo([], { env: { XDG_CACHE_HOME: home } });
    await see(run.s, 'demo-photos', '10Quit');
    await until(() => existsSync(file), 'the code cache written while b2c runs');
    run.s.write('q');
    expect(await run.s.exited).toBe(0);
    const first = await demoOnce(home);
    expect(readdirSync(dir)).toEqual([file.slice(dir.length + 1)]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = readFileSync(file);
    const second = await demoOnce(home);
    expect(first).toHaveLength(4);
    expect(second).toEqual(first);
    expect(readFileSync(file).equals(written)).toBe(true);
  });

  it("ignores a damaged cache (and replaces it), and another build's, which it removes", async () => {
    const { home, dir, file } = cacheHome();
    await demoOnce(home);
    writeFileSync(file, 'not V8 code');
    const stale = codeCacheFile(dir, '0000000000000000');
    writeFileSync(stale, 'an older build', { mode: 0o600 });
    // Half-written caches: of a process that ended while writing (removed), of one still writing (kept).
    const ended = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    writeFileSync(`${file}.${ended}.tmp`, 'cut short', { mode: 0o600 });
    const writing = `${file}.${process.pid}.tmp`;
    writeFileSync(writing, 'being written', { mode: 0o600 });
    await demoOnce(home);
    expect(readFileSync(file).toString()).not.toBe('not V8 code');
    expect(readdirSync(dir).sort()).toEqual([file, writing].map((f) => f.slice(dir.length + 1)).sort());
  });

  it('does not use a cache others may write, and the other commands never make one', async () => {
    const { home, file } = cacheHome();
    await demoOnce(home);
    // A good cache, but writable by all: were it used, V8 would accept it and nothing would be
    // written; left unused, the exit writes a new one of the user's alone.
    chmodSync(file, 0o666);
    await demoOnce(home);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const other = tempDir();
    const version = await runB2c(['--version'], { env: { XDG_CACHE_HOME: other } });
    expect(version.code).toBe(0);
    expect(readdirSync(other)).toEqual([]);
  });

  // Node's recursive mkdirSync never returns under /proc: the exit must not wait on it.
  it.runIf(process.platform === 'linux')('starts and exits as usual where no cache folder can be made', async () => {
    for (const home of ['/proc/b2c-no-cache', join(tempDir(), 'missing', 'parent')]) {
      const result = await runB2c(['--demo'], { env: { XDG_CACHE_HOME: home } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('needs an interactive terminal');
      expect(existsSync(userCacheDir({ XDG_CACHE_HOME: home }))).toBe(false);
    }
  });
});
