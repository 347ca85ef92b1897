/**
 * Keys typed while a pane shows "Loading…" are kept and applied once its rows are there (issue 11,
 * bug 9): `Down Enter` right after start opens the second bucket. The bucket list is held by a
 * proxy in front of the built-in server (real sockets) until the keys have been typed; the keys
 * go in through Ink's stdin, which hands them to the controller before `press` returns.
 */
import { afterEach, describe, it } from 'vitest';
import { connectB2 } from '../../../src/providers/b2/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { startStallProxy, type StallProxy } from '../../support/net-faults.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
let proxy: StallProxy | null = null;
let release: () => void = () => undefined;
afterEach(async () => {
  release();
  await f?.close();
  await proxy?.close();
  f = null;
  proxy = null;
});

/** The TUI with the right pane on profile `slow`, whose bucket list waits for `release()`. */
async function startHeld(): Promise<TuiFixture> {
  const released = new Promise<void>((r) => (release = r));
  return startTui({
    b2: true,
    active: 'right',
    right: () => b2PaneLocation('slow', null),
    before: async (_dir, emu) => {
      if (!emu) throw new Error('no server');
      proxy = await startStallProxy(emu.endpoint, {
        match: (path) => path.includes('b2_list_buckets'),
        at: 'request',
        times: 1,
        release: released,
      });
    },
    profiles: (emu) => [
      {
        name: 'slow',
        label: 'slow',
        source: 'profile',
        endpoint: () => proxy?.endpoint ?? null,
        connect: () =>
          connectB2({
            applicationKeyId: emu?.masterKeyId ?? '',
            applicationKey: emu?.masterKey ?? '',
            endpoint: proxy?.endpoint ?? '',
          }),
      },
    ],
  });
}

describe('keys typed while a pane is loading', () => {
  it('apply once the rows are there: Down Enter opens the second bucket', async () => {
    f = await startHeld();
    await f.see('Loading…');
    await proxy?.firstHold;
    f.h.press(KEYS.down, KEYS.enter);
    release();
    // demo-backups, demo-photos, demo-public: Down from the first lands on demo-photos.
    await f.see('b2://demo-photos/', 'README.txt');
  });

  it('Esc stops the listing and drops what was typed', async () => {
    f = await startHeld();
    await f.see('Loading…');
    await proxy?.firstHold;
    f.h.press(KEYS.down, KEYS.enter, KEYS.escape);
    await f.see('Stopped loading');
    release();
    f.h.press(KEYS.ctrlR);
    await f.see('demo-backups', 'demo-photos');
    await f.h.waitForFrame((t) => t.includes('3 buckets'));
    f.h.press(KEYS.enter);
    // The Enter typed before Esc is gone: this one opens the bucket under the cursor, the first.
    await f.see('b2://demo-backups/');
  });
});
