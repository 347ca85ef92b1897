/**
 * A vitest reporter for `npm run test:times`: when every test file passed, it records how long
 * each took (its imports, tests and hooks, in seconds) in the table longest-first.ts orders the
 * files by (file-times.ts). Run it after adding or greatly changing a slow test file; the table
 * only decides the order. A run that did not pass leaves the table as it was: a file that failed
 * early would be recorded as short.
 */
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import { FILE_TIMES_PATH, writeFileTimes } from './file-times.js';

/** The part of vitest's test module this reporter reads. */
type TimedModule = Pick<TestModule, 'relativeModuleId' | 'diagnostic'>;

export default class FileTimesReporter implements Reporter {
  private readonly rows: Array<[string, number]> = [];

  private readonly table: string;

  /** vitest passes a reporter's options here; `table` names another file to write (for tests). */
  constructor(options: { table?: string } = {}) {
    this.table = options.table ?? FILE_TIMES_PATH;
  }

  onTestModuleEnd(testModule: TimedModule): void {
    const d = testModule.diagnostic();
    const seconds = Math.round((d.collectDuration + d.duration) / 100) / 10;
    this.rows.push([testModule.relativeModuleId.split('\\').join('/'), seconds]);
  }

  onTestRunEnd(_modules: unknown, _errors: unknown, reason: TestRunEndReason): void {
    if (reason !== 'passed') {
      console.error(`test-times: the run did not pass (${reason}); ${this.table} is unchanged.`);
      return;
    }
    writeFileTimes(this.rows, this.table);
    console.log(`test-times: ${this.rows.length} files recorded in ${this.table}.`);
  }
}
