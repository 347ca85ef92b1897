/**
 * The order vitest starts the test files in: longest first, by the wall times a full run recorded
 * in `file-times.json` (`npm run test:times` writes it from a report). vitest's own order does the
 * same from a cache that a clean clone does not have, and without it starts the largest files
 * first, by bytes — which put the permission oracle (a short file that runs 4,000 cases) at the
 * end of the run, alone on one core while the other idled. Started early, a long file overlaps
 * with the short ones, and the short ones fill the cores at the end.
 *
 * A file that is not in the table (a new one) starts first, as vitest does with files it has not
 * timed. The table only decides the order: a stale one makes a run slower, never wrong.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The recorded table: test file (relative to the repository, `/`-separated) → seconds. */
const FILE_TIMES_PATH = join(import.meta.dirname, 'file-times.json');

function readTimes(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(FILE_TIMES_PATH, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const times = readTimes();
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number =>
      times[relative(root, spec.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    const bySize = await super.sort(files);
    // Array.prototype.sort is stable: files with equal times (or none, both first) keep vitest's
    // own order. Compared, not subtracted: Infinity − Infinity is NaN.
    return bySize.sort((a, b) => {
      const [ta, tb] = [seconds(a), seconds(b)];
      return ta === tb ? 0 : ta > tb ? -1 : 1;
    });
  }
}
