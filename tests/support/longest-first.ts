/**
 * The order vitest starts the test files in: longest first, by the times a full run recorded in
 * `file-times.json` (`npm run test:times` writes it through file-times-reporter.ts). vitest's own
 * order does the same from a cache that a clean clone does not have, and without it starts the
 * largest files first, by bytes — which put the permission oracle (a short file that runs 4,000
 * cases) at the end of the run, alone on one core while the other idled. Started early, a long
 * file overlaps with the short ones, and the short ones fill the cores at the end.
 *
 * A file that is not in the table (a new one) starts first, as vitest does with files it has not
 * timed. The table only decides the order: a stale one makes a run slower, never wrong.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { longestFirst, readFileTimes } from './file-times.js';

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    // vitest's order (by bytes) first: files of equal time, or none, keep it.
    return longestFirst(await super.sort(files), readFileTimes(), (spec) =>
      relative(root, spec.moduleId).split('\\').join('/'),
    );
  }
}
