// A vitest reporter for `npm run test:times`: when every test file passed, it records how long
// each took (its imports, tests and hooks, in seconds) in tests/support/file-times.json, the table
// tests/support/longest-first.ts orders the files by. Run it after adding or greatly changing a
// slow test file; the table only decides the order.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TABLE = join(import.meta.dirname, '..', 'tests', 'support', 'file-times.json');

export default class TestTimesReporter {
  /** @type {Array<[string, number]>} */
  rows = [];

  onTestModuleEnd(testModule) {
    const d = testModule.diagnostic();
    const seconds = Math.round((d.collectDuration + d.duration) / 100) / 10;
    this.rows.push([testModule.relativeModuleId.split('\\').join('/'), seconds]);
  }

  onTestRunEnd(testModules, errors, reason) {
    if (reason !== 'passed') {
      console.error(`test-times: the run did not pass (${reason}); ${TABLE} is unchanged.`);
      return;
    }
    this.rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    writeFileSync(TABLE, `${JSON.stringify(Object.fromEntries(this.rows), null, 2)}\n`);
    console.log(`test-times: ${this.rows.length} files recorded in ${TABLE}.`);
  }
}
