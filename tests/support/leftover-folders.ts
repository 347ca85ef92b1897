/**
 * The run's check that tests remove what they make (tests/support/global-setup.ts): every
 * test-made folder in the OS temp dir starts `b2c-`, and one that was not there when the run
 * started and is still there when it ends was left behind.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The test-made folders (`b2c-…`) in `dir`. */
const ours = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('b2c-'));

/**
 * Notes the `b2c-` folders in `dir` (the OS temp dir) now; the function returned lists those
 * there at the time of its call that were not, sorted.
 */
export function watchLeftoverFolders(dir: string = tmpdir()): () => string[] {
  const before = new Set(ours(dir));
  return () =>
    ours(dir)
      .filter((name) => !before.has(name))
      .sort();
}
