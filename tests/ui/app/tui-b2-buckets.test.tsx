/**
 * Buckets in the bucket list (issue 11): i on a bucket shows its type and the settings the
 * server reports for this key — lifecycle, encryption, Object Lock — saying "unknown" where the key
 * may not read one; F5 on a bucket copies everything in it into a local folder named after it
 * (bytes compared); info shows where a thing is as `b2://bucket/name`. Against the built-in server
 * over real HTTP, at 80×24.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const bucketList = (profile: string) => () => b2PaneLocation(profile, null);

/** The info dialog's rows as "Label value" with the frame and the wrapping taken out. */
function infoText(frame: string): string {
  return frame
    .split('\n')
    .map((l) => /║ (.*?)\s*║/.exec(l)?.[1] ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The server's own answer for a bucket, through the master key (the oracle for what is shown). */
async function serverBucket(fx: TuiFixture, name: string): Promise<Record<string, unknown>> {
  const emu = fx.emu;
  if (!emu) throw new Error('no server');
  const auth = await fetch(`${emu.endpoint}/b2api/v2/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${emu.masterKeyId}:${emu.masterKey}`).toString('base64')}` },
  });
  const a = (await auth.json()) as { apiUrl: string; authorizationToken: string; accountId: string };
  const r = await fetch(`${a.apiUrl}/b2api/v2/b2_list_buckets`, {
    method: 'POST',
    headers: { Authorization: a.authorizationToken },
    body: JSON.stringify({ accountId: a.accountId, bucketName: name }),
  });
  const j = (await r.json()) as { buckets: Array<Record<string, unknown>> };
  return j.buckets[0] ?? {};
}

describe('buckets in the bucket list', () => {
  it('i on a bucket: its location, type and settings, as the server reports them', async () => {
    f = await startTui({ b2: true, right: bucketList('demo'), active: 'right' });
    await f.see(DEMO_BUCKETS.backups);
    f.h.press('i');
    const text = infoText(await f.see('Info: demo-backups', 'Object Lock'));
    const server = await serverBucket(f, DEMO_BUCKETS.backups);
    expect(server.lifecycleRules).toEqual([
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
    ]);
    expect(text).toContain('Path b2://demo-backups/');
    expect(text).toContain('Kind bucket');
    expect(text).toContain('Type allPrivate (downloads need a key)');
    expect(text).toContain(`Bucket ID ${String(server.bucketId)}`);
    expect(text).toContain('Files not known: B2 keeps no count');
    expect(text).toContain('Lifecycle all names: deleted 30 days after being hidden');
    expect(text).toContain('Encryption not set');
    expect(text).toContain('Object Lock not enabled');
    expect(server.corsRules).toEqual([]);
    expect(text).toContain('CORS rules none');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame(() => f?.store.getSnapshot().dialog === null);
  });

  it('says "unknown" for a setting the key may not read, never "not set"', async () => {
    f = await startTui({ b2: true, right: bucketList('demo-no-delete'), active: 'right' });
    await f.see(DEMO_BUCKETS.photos);
    f.h.press(KEYS.down, 'i');
    const text = infoText(await f.see('Info: demo-photos', 'Object Lock'));
    expect(text).toContain('Encryption unknown: this key may not read it (needs readBucketEncryption)');
    expect(text).toContain('Object Lock unknown: this key may not read it (needs readBucketRetentions)');
    expect(text).toContain('Lifecycle none: every version is kept until deleted');
  });

  it('F5 on a bucket copies everything in it into a folder named after it', async () => {
    f = await startTui({ b2: true, right: bucketList('demo'), active: 'right' });
    await f.see(DEMO_BUCKETS.public);
    f.h.press(KEYS.end, KEYS.f5);
    const dialog = await f.see('Copy everything in the bucket demo-public');
    expect(dialog.replace(/\s+/g, ' ')).toContain('a bucket into a folder named after it');
    f.h.press(KEYS.enter);
    await f.see('Copy: ');
    await f.h.waitForFrame((fr) => /Copy: \d+ of \d+ files done/.test(fr));
    expect(f.h.plainFrame()).not.toMatch(/failed|skipped/);
    // A public bucket: the server hands the bytes to anyone, the oracle for what arrived.
    const emu = f.emu;
    if (!emu) throw new Error('no server');
    const serverIndex = Buffer.from(
      await (await fetch(`${emu.endpoint}/file/${DEMO_BUCKETS.public}/index.html`)).arrayBuffer(),
    );
    expect(serverIndex.length).toBeGreaterThan(0);
    expect(await readFile(join(f.dir, 'demo-public', 'index.html'))).toEqual(serverIndex);
  });

  it('a key limited to a name prefix may not copy a whole bucket: the reason, nothing copied', async () => {
    f = await startTui({ b2: true, right: bucketList('demo-prefix'), active: 'right' });
    // The key opens at its prefix: go up to its bucket list.
    await f.see('b2://demo-photos/photos/', 'cats/');
    void f.navigator.open('right', b2PaneLocation('demo-prefix', null));
    await f.see('<BKT>');
    f.h.press(KEYS.f5);
    await f.h.waitForFrame(() => f?.store.getSnapshot().app.status !== null);
    expect(f.store.getSnapshot().dialog).toBeNull();
    expect(f.store.getSnapshot().app.status?.text).toMatch(/names starting with photos\//);
  });

  it('info on a file says where it is as b2://bucket/name', async () => {
    f = await startTui({
      size: { columns: 100, rows: 30 },
      b2: true,
      right: () => b2PaneLocation('demo', DEMO_BUCKETS.photos, 'docs/'),
      active: 'right',
    });
    await f.see('report.pdf');
    f.h.press(KEYS.end, 'i');
    const text = infoText(await f.see('Info: report.pdf'));
    expect(text).toContain('Path b2://demo-photos/docs/report.pdf');
    expect(text).not.toContain(' /demo-photos/docs/report.pdf');
  });
});
