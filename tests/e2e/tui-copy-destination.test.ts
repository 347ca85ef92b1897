/**
 * The copy dialog's destination field through the real binary, against a built-in server in
 * this process: one file copied to B2 under a new name (bytes checked on the server), one copied
 * on the local disk under a new name, and hostile destinations refused in the dialog.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, type RunningEmulator } from '../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import { NotFoundError } from '../../src/providers/errors.js';
import { startTestServer } from '../support/server.js';
import { until } from '../support/poll.js';
import { KEYS } from './pty-harness.js';
import { cursorTo, go, see, startSignedIn, type DemoRun } from './tui-helpers.js';

let emu: RunningEmulator;
let master: B2Provider;
let run: DemoRun | null = null;
const P = DEMO_BUCKETS.photos;
const BYTES = 'upload me under another name\n';

beforeAll(async () => {
  emu = (await startTestServer({ demo: true })).emu;
  master = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
  });
  await master.write(`/${P}/dest-e2e/keep.txt`, Readable.from([Buffer.from('k')]), { size: 1, overwrite: true });
});
afterAll(async () => {
  await run?.close();
  await master.close();
  await emu.close();
});

async function serverText(path: string): Promise<string | null> {
  try {
    const h = await master.openRead(path);
    const chunks: Buffer[] = [];
    for await (const c of h.stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString();
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

describe('copy to an edited destination', () => {
  it('copies one file under a new name to B2 and on the local disk; refuses hostile destinations', async () => {
    run = await startSignedIn(
      { applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint },
      (cwd) => writeFile(join(cwd, 'up.txt'), BYTES),
    );
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
