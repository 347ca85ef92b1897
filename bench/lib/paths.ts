/** Where things are: the repository root and the directory of the bundled benchmark entries. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (set by bench/run.mjs; falls back to the working directory). */
export function repoRoot(): string {
  return process.env.B2C_REPO_ROOT ?? process.cwd();
}

/** The folder holding main.mjs, provider-child.mjs and emulator-entry.mjs (all bundled together). */
export function benchBundleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * The CLI to measure: `bin/b2c.js` (the real binary), or the script named by B2C_BENCH_CLI (e.g.
 * another checkout's bin/b2c.js, to compare two builds against the same rclone).
 */
export function b2cBin(): string {
  return resolve(repoRoot(), process.env.B2C_BENCH_CLI ?? 'bin/b2c.js');
}
