/** Temporary folders for a test file, removed when it ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Makes temp dirs named `prefix…`; `cleanup()` removes every one made so far. */
export function tempDirs(prefix: string): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** {@link tempDirs} whose folders are removed after the file's last test. Returns `make`. */
export function useTempDirs(prefix: string): () => string {
  const dirs = tempDirs(prefix);
  afterAll(() => dirs.cleanup());
  return () => dirs.make();
}
