/**
 * Runs the real built binary (`node bin/b2c.js …`) with a clean environment: only PATH, HOME, a
 * temporary B2C_CONFIG_DIR and whatever the test adds (B2_APPLICATION_KEY_ID, …). The bundle is
 * the one `npm run build` made (`npm test` builds first; after changing src/, run the build before
 * running these tests alone). Every run is recorded so a test can scan all output for secrets.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const B2C_BIN = path.join(ROOT, 'bin', 'b2c.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli.js');

/**
 * Builds dist/cli.js (as `npm run build` does) only when it is missing. A stale bundle is not
 * rebuilt here: test files run in parallel, and one rebuilding while another spawns the binary
 * would hand it a half-written file.
 */
export function ensureBuilt(): void {
  if (fs.existsSync(BUNDLE)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/** One finished run. */
export interface CliRun {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Every run so far (for the secret scan). */
export const RUNS: CliRun[] = [];

/** Runs `b2c …args` with `env` added to a minimal environment. */
export function runB2c(args: string[], env: Record<string, string>): Promise<CliRun> {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [B2C_BIN, ...args], { env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      if (code === -1) {
        reject(error ?? new Error('no exit code'));
        return;
      }
      const run = { args, code, stdout, stderr };
      RUNS.push(run);
      resolve(run);
    });
  });
}
