/**
 * Find (F) through the real binary in a pseudo-terminal, against a built-in server in this
 * process: the results of a search stream into the pane as relative paths, F8 on a result
 * deletes exactly that file on the server, and Esc goes back to the folder searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../src/emulator/index.js';
import { until } from '../support/poll.js';
import { keyEnv, useDemoServer } from './demo-server.js';
import { KEYS } from './pty-harness.js';
import { cursorTo, go, rightRows, see, startSignedIn, type DemoRun } from './tui-helpers.js';

const server = useDemoServer();
let run: DemoRun | null = null;
const P = DEMO_BUCKETS.photos;

beforeAll(async () => {
  for (const [name, text] of [
    ['find-e2e/a/one.log', 'one'],
    ['find-e2e/b/c/two.log', 'two'],
    ['find-e2e/skip.txt', 'skip'],
  ] as const)
    await server.put(`/${P}/${name}`, text);
});
afterAll(async () => {
  await run?.close();
});

describe('find in the panes', () => {
  it('lists matches at any depth, deletes one with F8 on the server, and Esc returns', async () => {
    run = await startSignedIn(keyEnv(server.masterKey()), { cols: 120, rows: 30 });
    const { s } = run;
    await see(s, '10Quit');
    await go(s, `b2://${P}/find-e2e/`);
    await s.waitFor((t) => rightRows(t).some((l) => l.includes('skip.txt')));

    s.write('F');
    await see(s, 'Find files', `Below b2://${P}/find-e2e/`);
    s.write(`\x15*.log${KEYS.enter}`);
    const found = await see(s, 'find "*.log"', '2 files found under');
    const rows = rightRows(found).join('\n');
    expect(rows).toContain('a/one.log');
    expect(rows).toContain('b/c/two.log');
    expect(rows).not.toContain('skip.txt');

    await cursorTo(run, 'b/c/two.log');
    s.write(KEYS.f8);
    await see(s, 'Remove b/c/two.log');
    s.write(KEYS.down);
    s.write(KEYS.down);
    await see(s, '(•) Delete all versions');
    s.write(KEYS.enter);
    await see(s, 'type yes');
    s.write(`yes${KEYS.enter}`);
    await until(async () => !(await server.exists(`/${P}/find-e2e/b/c/two.log`)), 'two.log deleted on the server');
    expect(await server.exists(`/${P}/find-e2e/a/one.log`)).toBe(true);
    // The results are searched again: two.log is gone from them.
    await see(s, '1 file found under');

    s.write(KEYS.escape); // clears the filter
    await s.waitFor((t) => !t.includes('filter "') && rightRows(t).some((l) => l.includes('a/one.log')));
    s.write(KEYS.escape); // back to the folder
    await s.waitFor(
      (t) =>
        !t.includes('find "') &&
        rightRows(t).some((l) => l.includes('skip.txt')) &&
        rightRows(t).some((l) => l.trimStart().startsWith('a/ ')),
    );
  });
});
