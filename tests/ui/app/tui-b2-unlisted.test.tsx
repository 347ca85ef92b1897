/**
 * Places a key may write to but not list (issue 9, the write-only drop box), against the built-in
 * server over real HTTP: the pane stands there without rows and says so, uploads, moves and new
 * folders go in, and the server never answers 401 to anything b2c sent.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, type RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { cursorEntry } from '../../../src/state/pane/pane-selectors.js';
import { KEYS } from '../../e2e/pty-harness.js';
import type { ProfileSpec } from '../../../src/tui/providers/provider-registry.js';
import { until } from '../../support/poll.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const WIDE = { columns: 100, rows: 30 };

function server(fx: TuiFixture): RunningEmulator {
  if (!fx.emu) throw new Error('no server');
  return fx.emu;
}

function master(emu: RunningEmulator): Promise<B2Provider> {
  return connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
}

/** The bytes of `path` on the server (read with the master key). */
async function bytesOn(emu: RunningEmulator, path: string): Promise<Buffer> {
  const m = await master(emu);
  const h = await m.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  await m.close?.();
  return Buffer.concat(chunks);
}

/** The active pane's state. */
function activePane(fx: TuiFixture) {
  const app = fx.store.getSnapshot().app;
  return app.panes[app.active];
}

/**
 * Filters the active pane to `name` and puts the cursor on it. Each step waits: for the pane's
 * listing to end (a listing that ends later puts the cursor back), for the screen, and for the
 * cursor to be on `name`.
 */
async function filterTo(fx: TuiFixture, name: string): Promise<void> {
  await until(() => activePane(fx).load.stage !== 'loading', 'the listing to end');
  fx.h.press('/');
  await fx.see('Filter:');
  fx.h.press('\x15', name);
  await fx.see(`Filter: ${name}`);
  fx.h.press(KEYS.enter);
  await fx.see(`filter "${name}"`);
  fx.h.press(KEYS.end);
  await until(() => cursorEntry(activePane(fx))?.name === name, `the cursor on ${name}`);
}

/** A profile whose key the master key makes when it first connects. */
function keyProfile(
  name: string,
  capabilities: string[],
  bucket?: string,
): (emu: RunningEmulator | null) => ProfileSpec[] {
  return (emu) => [
    {
      name,
      label: name,
      source: 'profile',
      endpoint: () => emu?.endpoint ?? null,
      connect: async () => {
        if (!emu) throw new Error('no server');
        const m = await master(emu);
        const bucketIds = bucket === undefined ? null : [(await m.stat(`/${bucket}`)).bucketId ?? ''];
        const made = await m.keys.createKey({ keyName: name, capabilities, bucketIds });
        return connectB2({
          applicationKeyId: made.applicationKeyId,
          applicationKey: made.applicationKey,
          endpoint: emu.endpoint,
        });
      },
    },
  ];
}

describe('a place the key may write to but not list', () => {
  it('write-only: Enter on a bucket stands in it without rows; F5 and F6 upload into it, F7 makes a folder', async () => {
    f = await startTui({ size: WIDE, b2: true, right: () => b2PaneLocation('demo-write-only', null) });
    const emu = server(f);
    await f.see(DEMO_BUCKETS.public, '3 buckets');
    // Right pane: Enter on demo-public (the last bucket).
    f.h.press(KEYS.tab, KEYS.end, KEYS.enter);
    await f.see('b2://demo-public/', 'This key may upload here but not list.', 'May upload, make folders; not list');
    expect(f.store.getSnapshot().app.panes.right.load.stage).toBe('unlisted');

    // F5 from the local pane: only Overwrite is offered (the others must look names up first).
    f.h.press(KEYS.tab);
    await filterTo(f, 'a.txt');
    f.h.press(KEYS.f5);
    const dialog = await f.see(
      'Copy a.txt',
      'b2://demo-public/a.txt',
      '(•) Overwrite',
      'Ask — not allowed with this key',
    );
    expect(dialog).toContain('Keep both — not allowed with this key');
    f.h.press(KEYS.enter);
    await f.see('Copy: 1 of 1 file done');
    expect((await bytesOn(emu, `/${DEMO_BUCKETS.public}/a.txt`)).toString()).toBe('hello');

    // F6 moves: uploaded, then the local file is gone.
    await filterTo(f, 'big.bin');
    f.h.press(KEYS.f6);
    await f.see('Move big.bin', '(•) Overwrite');
    f.h.press(KEYS.enter);
    await f.see('Move: 1 of 1 file done');
    expect((await bytesOn(emu, `/${DEMO_BUCKETS.public}/big.bin`)).length).toBe(2_000);
    await expect(stat(join(f.dir, 'big.bin'))).rejects.toThrow();

    // F7 in the drop box: a .bzEmpty placeholder, and the pane still stands there without rows.
    f.h.press(KEYS.tab, KEYS.f7);
    await f.see('Name of the new folder');
    f.h.press('drop', KEYS.enter);
    await f.see('Made folder drop.');
    expect((await bytesOn(emu, `/${DEMO_BUCKETS.public}/drop/.bzEmpty`)).length).toBe(0);
    expect(f.store.getSnapshot().app.panes.right.load.stage).toBe('unlisted');

    expect(emu.stats().unauthorized).toBe(0);
  });

  it('F9 b2://bucket/folder/ goes there', async () => {
    f = await startTui({ size: WIDE, b2: true, right: () => b2PaneLocation('demo-write-only', null), active: 'right' });
    const emu = server(f);
    await f.see('3 buckets');
    f.h.press(KEYS.f9);
    await f.see('Go to');
    f.h.press('b2://demo-backups/server1/', KEYS.enter);
    await f.see('b2://demo-backups/server1/', 'This key may upload here but not list.');
    expect(emu.stats().unauthorized).toBe(0);
  });

  it('a key that may neither list nor write there does not go there, says why and sends nothing', async () => {
    f = await startTui({
      size: WIDE,
      b2: true,
      right: () => b2PaneLocation('reader', null),
      active: 'right',
      profiles: keyProfile('reader', ['listBuckets', 'readFiles']),
    });
    const emu = server(f);
    await f.see('3 buckets');
    f.h.press(KEYS.end, KEYS.enter);
    await f.see('List needs the listFiles capability; this key has readFiles.');
    f.h.press(KEYS.f9);
    await f.see('Go to');
    f.h.press('b2://demo-backups/server1/', KEYS.enter);
    const frame = await f.see('List needs the listFiles capability');
    expect(frame).toContain('b2:// ');
    expect(f.store.getSnapshot().app.panes.right.location).toEqual(b2PaneLocation('reader', null));
    expect(emu.stats().unauthorized).toBe(0);
  });

  it('a write-only key limited to one bucket starts inside it', async () => {
    const profile = keyProfile('drop', ['writeFiles'], DEMO_BUCKETS.backups);
    f = await startTui({ size: WIDE, b2: true, right: () => b2PaneLocation('drop', null), profiles: profile });
    const emu = server(f);
    await f.see('b2://demo-backups/', 'This key may upload here but not list.', 'May upload, make folders; not list');
    await filterTo(f, 'a.txt');
    f.h.press(KEYS.f5);
    await f.see('(•) Overwrite');
    f.h.press(KEYS.enter);
    await f.see('Copy: 1 of 1 file done');
    expect((await bytesOn(emu, `/${DEMO_BUCKETS.backups}/a.txt`)).toString()).toBe(
      await readFile(join(f.dir, 'a.txt'), 'utf8'),
    );
    expect(emu.stats().unauthorized).toBe(0);
  });
});
