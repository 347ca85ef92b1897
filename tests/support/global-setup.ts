/**
 * Runs once before any test file: builds dist/ when it is missing, so that the tests that start
 * the real binary (tests/e2e, tests/emulator/cli.test.ts) find it. `npm test` builds first; a
 * stale bundle is not rebuilt here (run `npm run build` after changing src/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (existsSync(join(root, 'dist', 'cli.js'))) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (exit ${String(r.status)})`);
}
