/**
 * The table of test-file times that orders a run (longest-first.ts) and that
 * `npm run test:times` records (file-times-reporter.ts): test file, relative to the repository
 * and `/`-separated, → seconds (its imports, tests and hooks) in a full run that passed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the table is kept. */
export const FILE_TIMES_PATH = join(import.meta.dirname, 'file-times.json');

export type FileTimes = Readonly<Record<string, number>>;

/** The table at `path`, or an empty one when it is missing or unreadable (the order is then vitest's). */
export function readFileTimes(path: string = FILE_TIMES_PATH): FileTimes {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FileTimes;
  } catch {
    return {};
  }
}

/** Writes `rows` as the table at `path`, longest first (ties by name, so a re-record diffs small). */
export function writeFileTimes(rows: ReadonlyArray<readonly [string, number]>, path: string = FILE_TIMES_PATH): void {
  const sorted = [...rows].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  writeFileSync(path, `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
}

/**
 * `items` longest first by `times[fileOf(item)]`; an item whose file is not in the table counts as
 * longest (a new file starts first). Stable: items of equal time keep their order in `items`.
 * Compared, not subtracted: Infinity − Infinity is NaN, which a sort reads as "equal" only by luck.
 */
export function longestFirst<T>(items: readonly T[], times: FileTimes, fileOf: (item: T) => string): T[] {
  const seconds = (item: T): number => times[fileOf(item)] ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => {
    const [ta, tb] = [seconds(a), seconds(b)];
    return ta === tb ? 0 : ta > tb ? -1 : 1;
  });
}
