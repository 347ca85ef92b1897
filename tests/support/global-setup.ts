/**
 * Runs once before any test file: builds dist/ when it is missing, so that the tests that start
 * the real binary (tests/e2e, tests/emulator/cli.test.ts) find it. `npm test` builds first; a
 * stale bundle is not rebuilt here (run `npm run build` after changing src/).
 *
 * It also makes the run's empty config folder (`inject('emptyConfigDir')`, for the in-process CLI
 * runs that name none) and removes it when the run ends. At the end it fails the run if a test left
 * a temporary folder of its own behind (`b2c-…` in the OS temp dir that was not there at the
 * start): every test removes what it made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { watchLeftoverFolders } from './leftover-folders.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emptyConfigDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const leftovers = watchLeftoverFolders();
  const emptyConfigDir = mkdtempSync(join(tmpdir(), 'b2c-cli-config-'));
  project.provide('emptyConfigDir', emptyConfigDir);
  buildIfMissing();
  return () => {
    rmSync(emptyConfigDir, { recursive: true, force: true });
    const left = leftovers();
    if (left.length === 0) return;
    // vitest reports an error thrown here but still exits 0: the exit code is set too.
    console.error(`tests left temporary folders behind in ${tmpdir()}: ${left.join(', ')}`);
    process.exitCode = 1;
  };
}

function buildIfMissing(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (existsSync(join(root, 'dist', 'cli.js'))) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (exit ${String(r.status)})`);
}
