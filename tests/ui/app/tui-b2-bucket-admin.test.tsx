/**
 * Managing buckets from the bucket list (issue 12, item 9): F7 creates one (name checked as B2
 * checks it, private or public), `p` makes it public or private after asking, F8 deletes an empty
 * one and says so when B2 refuses a bucket that is not empty; a key without the capability sees
 * the keys greyed with the reason. Against the built-in server over real HTTP; what happened is
 * read back from the server with the master key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { connectB2 } from '../../../src/providers/b2/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const bucketList = (profile: string) => () => b2PaneLocation(profile, null);

/** The server's buckets and their types, read with the master key. */
async function serverBuckets(fx: TuiFixture): Promise<Map<string, string | undefined>> {
  const emu = fx.emu;
  if (!emu) throw new Error('no server');
  const p = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
  });
  const out = new Map<string, string | undefined>();
  for await (const page of p.list('/')) for (const b of page) out.set(b.name, b.bucketType);
  await p.close();
  return out;
}

/** The status line (the row above the function-key bar). */
function status(fx: TuiFixture): string {
  return fx.store.getSnapshot().app.status?.text ?? '';
}

describe('buckets: create, public/private, delete', () => {
  it('F7 checks the name as B2 does, creates a public bucket, p makes it private, F8 deletes it', async () => {
    f = await startTui({ b2: true, right: bucketList('demo'), active: 'right' });
    await f.see(DEMO_BUCKETS.backups);
    f.h.press(KEYS.f7);
    await f.see('Create bucket', '( ) Public');
    f.h.press('b2-made', KEYS.enter);
    await f.see('may not begin with "b2-"');
    f.h.press('\x15', 'my bucket', KEYS.enter);
    await f.see('only letters, digits and hyphens');
    f.h.press('\x15', 'made-here', KEYS.down, KEYS.enter);
    await f.h.waitForFrame(() => status(f as TuiFixture) === 'Created the public bucket made-here.');
    await f.see('made-here');
    expect((await serverBuckets(f)).get('made-here')).toBe('allPublic');

    // The cursor is on the new bucket: p asks, Enter makes it private.
    f.h.press('p');
    await f.see('Make private', 'Make the bucket made-here private?');
    f.h.press(KEYS.enter);
    await f.h.waitForFrame(() => status(f as TuiFixture) === 'Bucket made-here is now private.');
    expect((await serverBuckets(f)).get('made-here')).toBe('allPrivate');

    f.h.press(KEYS.f8);
    await f.see('Delete bucket', 'Delete the bucket made-here?');
    f.h.press(KEYS.enter);
    await f.h.waitForFrame(() => status(f as TuiFixture) === 'Deleted bucket made-here.');
    expect((await serverBuckets(f)).has('made-here')).toBe(false);
  });

  it('F8 on a bucket that holds files: B2 refuses, and the status line says it is not empty', async () => {
    f = await startTui({ b2: true, right: bucketList('demo'), active: 'right' });
    await f.see(DEMO_BUCKETS.photos);
    const rows = f.store.getSnapshot().app.panes.right.view.map((e) => e.name);
    for (let i = 0; i < rows.indexOf(DEMO_BUCKETS.photos); i++) f.h.press(KEYS.down);
    f.h.press(KEYS.f8);
    await f.see(`Delete the bucket ${DEMO_BUCKETS.photos}?`);
    f.h.press(KEYS.enter);
    await f.see(`Bucket ${DEMO_BUCKETS.photos} is not empty`);
    expect(status(f)).toContain('is not empty: hidden versions and unfinished uploads count.');
    expect((await serverBuckets(f)).has(DEMO_BUCKETS.photos)).toBe(true);
  });

  it('a key without writeBuckets and deleteBuckets: F7, F8 and p only say why', async () => {
    f = await startTui({ b2: true, right: bucketList('demo-no-delete'), active: 'right' });
    await f.see(DEMO_BUCKETS.photos);
    f.h.press(KEYS.f7);
    await f.see('Create bucket needs the writeBuckets capability');
    f.h.press(KEYS.f8);
    await f.see('Delete bucket needs the deleteBuckets capability');
    f.h.press('p');
    await f.see('needs the writeBuckets capability');
    expect(f.store.getSnapshot().dialog).toBe(null);
  });
});
