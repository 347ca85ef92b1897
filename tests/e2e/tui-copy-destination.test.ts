/**
 * The copy dialog's destination field through the real binary, against a built-in server in
 * this process: one file copied to B2 under a new name (bytes checked on the server), one copied
 * on the local disk under a new name, and hostile destinations refused in the dialog.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../src/emulator/index.js';
import { until } from '../support/poll.js';
import { keyEnv, useDemoServer } from './demo-server.js';
import { KEYS } from './pty-harness.js';
import { cursorTo, go, see, startSignedIn, type DemoRun } from './tui-helpers.js';

const server = useDemoServer();
let run: DemoRun | null = null;
const P = DEMO_BUCKETS.photos;
const BYTES = 'upload me under another name\n';

beforeAll(() => server.put(`/${P}/dest-e2e/keep.txt`, 'k'));
afterAll(async () => {
  await run?.close();
});

/** The text of file `path` on the server, or null when there is none. */
async function serverText(path: string): Promise<string | null> {
  return (await server.exists(path)) ? server.text(path) : null;
}

describe('copy to an edited destination', () => {
  it('copies one file under a new name to B2 and on the local disk; refuses hostile destinations', async () => {
    run = await startSignedIn(keyEnv(server.masterKey()), {
      cols: 120,
      rows: 30,
      prepare: (cwd) => writeFile(join(cwd, 'up.txt'), BYTES),
    });
    const { s, cwd } = run;
    await see(s, '10Quit');
    await go(s, `b2://${P}/dest-e2e/`);
    await see(s, 'keep.txt');
    s.write(KEYS.tab);
    await cursorTo(run, 'up.txt');

    // To B2, under a new name: the field starts as the other pane's folder and the file's name.
    s.write(KEYS.f5);
    await see(s, 'to (a folder, or a folder and a new name):', `b2://${P}/dest-e2e/up.txt`);
    s.write(`\x17renamed.txt${KEYS.enter}`);
    await until(async () => (await serverText(`/${P}/dest-e2e/renamed.txt`)) === BYTES, 'renamed.txt on the server');
    expect(await serverText(`/${P}/dest-e2e/up.txt`)).toBeNull();
    await see(s, 'Copy: 1 of 1 file done');

    // Hostile destinations stay in the dialog with the reason; nothing is copied.
    s.write(KEYS.f5);
    await see(s, `b2://${P}/dest-e2e/up.txt`);
    s.write(`\x15b2://${P}/dest-e2e/../x.txt${KEYS.enter}`);
    await see(s, 'cannot go through ".."');
    s.write(`\x15b2://${P}/dest-e2e//x.txt${KEYS.enter}`);
    await see(s, 'empty folder name');
    s.write(`\x15b2://${P}/dest-e2e/..${KEYS.enter}`);
    await see(s, 'cannot be used as a name');
    s.write(KEYS.escape);
    await s.waitFor((t) => !t.includes('to (a folder'));
    expect(await serverText(`/${P}/x.txt`)).toBeNull();

    // Local to local under a new name (a name with a space).
    s.write(KEYS.f5);
    await see(s, 'to (a folder');
    s.write(`\x15${cwd}/copy of up.txt${KEYS.enter}`);
    await until(
      async () => (await readFile(join(cwd, 'copy of up.txt'), 'utf8').catch(() => null)) === BYTES,
      'the local copy under its new name',
    );
    expect(await readFile(join(cwd, 'up.txt'), 'utf8')).toBe(BYTES);
  });
});
