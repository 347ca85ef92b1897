/**
 * Real temporary directories for config tests, removed when the test that made them ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh empty directory under the OS temp dir, removed when the calling test ends. (Per test, not
 * an `afterEach` of this module: test files share modules in a worker, and a hook registered as
 * the module loads belongs to the first file that loaded it, so the others' folders stayed behind.)
 * @throws outside a running test
 */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-config-test-'));
  onTestFinished(() => {
    // Tests may leave a directory without permissions; give them back so rm can clean up.
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes `content` to `<dir>/config.json` with `mode` and returns the file path. */
export function writeConfigFile(dir: string, content: string, mode = 0o600): string {
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
  return file;
}

/** The permission bits of `p` (e.g. 0o600). */
export function modeOf(p: string): number {
  return fs.statSync(p).mode & 0o777;
}

/** The error `fn` throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, got none');
}

/** A v1 config file's text (as b2c writes it), for tests that start from an existing file. */
export function v1File(data: { profiles?: unknown; settings?: unknown }, version = '1.0.0'): string {
  return JSON.stringify({ ...data, __internal__: { migrations: { version } } }, null, '\t');
}
