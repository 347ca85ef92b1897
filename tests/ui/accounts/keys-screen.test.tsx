/**
 * The keys screen through real key presses against the built-in server: the list with scopes,
 * creating a multi-bucket key (the secret shown once, saved as a profile, then forgotten),
 * deleting after confirmation, and a key without key management greyed with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/config/index.js';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';
import { KeysScreen } from '../../../src/ui/accounts/KeysScreen.js';
import { renderInk, type InkHarness } from '../render-ink.js';
import { allSecrets, demoKey, expectNoSecret, startDemo } from '../../accounts/helpers.js';

let emu: RunningEmulator;
let master: B2Provider;
beforeAll(async () => {
  emu = await startDemo();
  master = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
  });
});
afterAll(async () => {
  await emu.close();
});

async function bucketsOf(p: B2Provider): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for await (const page of p.list('/')) for (const e of page) out.push({ id: e.bucketId ?? '', name: e.name });
  return out;
}

function mount(p: B2Provider, saved: Profile[], onClose?: () => void): InkHarness {
  return renderInk(
    <KeysScreen
      keyInfo={p.keyInfo}
      admin={p.keys}
      listBuckets={() => bucketsOf(p)}
      saveProfile={(profile) => {
        saved.push({ ...profile });
      }}
      endpoint={emu.endpoint}
      existingProfileNames={['default']}
      onClose={onClose}
    />,
  );
}

/** Presses one key and waits until the frame shows its effect. */
async function step(h: InkHarness, key: string, until: (f: string) => boolean): Promise<string> {
  h.press(key);
  return h.waitForFrame(until);
}

/** The form's list line the cursor is on (` › [x] …`). */
const cursorLine = (f: string): string => f.split('\n').find((l) => l.startsWith(' › ')) ?? '';
/** The key-list row the cursor is on (`› name …`; the list has no other `›`). */
const rowLine = (f: string): string => f.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('keys screen', () => {
  it('lists the keys with their scope, creates a multi-bucket key, shows its secret once and forgets it', async () => {
    const saved: Profile[] = [];
    const h = mount(master, saved);
    const list = await h.waitForFrame((f) => f.includes('multi-bucket'));
    expect(list).toMatch(/^ {2}NAME\s+SCOPE\s+EXPIRES \(UTC\)$/m);
    expect(list).toMatch(/prefix\s+demo-photos · prefix photos\/\s+never/);
    expect(list).toMatch(/multi-bucket\s+demo-photos, demo-public\s+never/);
    expect(list).toMatch(/expired\s+all buckets\s+expired \d{4}-\d\d-\d\d$/m);

    await step(h, 'n', (f) => f.includes('New application key'));
    await step(h, 'ui-key', (f) => f.includes('ui-key'));
    await step(h, '\t', (f) => f.includes('› Buckets'));
    // Buckets are sorted: demo-backups, demo-photos, demo-public. Tick photos and public.
    await step(h, 'j', (f) => cursorLine(f).includes('demo-photos'));
    await step(h, ' ', (f) => f.includes('[x] demo-photos'));
    await step(h, 'j', (f) => cursorLine(f).includes('demo-public'));
    await step(h, ' ', (f) => f.includes('[x] demo-public') && f.includes('2 buckets'));
    await step(h, '\t', (f) => f.includes('› Name prefix'));
    await step(h, 'docs/', (f) => f.includes('docs/'));
    // The checklist shows 8 of its rows and says there are more.
    const form = await step(h, '\t', (f) => f.includes('› Capabilities'));
    expect(form).toMatch(/rows 1–8 of \d+ ↓/);
    await step(h, 'G', (f) => /rows \d+–(\d+) of \1 ↑/.test(f));
    await step(h, 'g', (f) => /rows 1–8 of \d+ ↓/.test(f));
    await step(h, 'j', (f) => cursorLine(f).includes('Preset Read-write'));
    await step(h, ' ', (f) => f.includes('6 chosen'));
    await step(h, '\t', (f) => f.includes('› Lifetime'));
    await step(h, '2w', (f) => f.includes('2w'));
    const created = await step(h, '\r', (f) => f.includes('Created key ui-key'));
    const secret = /Application key {2}(\S+)/.exec(created)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(created).toMatch(/Scope\s+buckets demo-photos and demo-public, names starting with\s+docs\//);
    expect(created).toContain('B2 shows the application key only this once.');

    await step(h, 's', (f) => f.includes('› Profile name'));
    await step(h, '\r', (f) => f.includes('Saved as profile ui-key; F9 opens it in a pane.'));
    expect(saved).toEqual([
      { name: 'ui-key', applicationKeyId: expect.any(String), applicationKey: secret, endpoint: emu.endpoint },
    ]);

    const back = await step(h, '\r', (f) => f.includes('Key ui-key created.') && !f.includes('Listing'));
    expect(back).not.toContain(secret);
    expect(back).toMatch(/ui-key\s+demo-photos, demo-public · prefix docs\/\s+\d{4}-\d\d-\d\d$/m);
    // From the first frame after leaving, the secret is in no frame again.
    const shownIn = h.frames.map((f, i) => (f.includes(secret) ? i : -1)).filter((i) => i >= 0);
    const lastShown = Math.max(...shownIn);
    expectNoSecret(h.frames.slice(lastShown + 1), [secret], 'frame after leaving');
    expectNoSecret(h.frames, allSecrets(emu), 'frame');

    // The new key works with what it was given.
    const p = await connectB2({
      applicationKeyId: saved[0]?.applicationKeyId ?? '',
      applicationKey: secret,
      endpoint: emu.endpoint,
    });
    expect(p.keyInfo.buckets?.map((b) => b.name).sort()).toEqual(['demo-photos', 'demo-public']);
    expect(p.keyInfo.namePrefix).toBe('docs/');
    h.unmount();
  });

  it('deletes the selected key only after y', async () => {
    const created = await master.keys.createKey({ keyName: 'to-delete', capabilities: ['listFiles'] });
    const h = mount(master, []);
    await h.waitForFrame((f) => f.includes('to-delete'));
    await step(h, 'G', (f) => rowLine(f).includes('to-delete'));
    await step(h, 'd', (f) => f.includes('Delete key to-delete'));
    await step(h, 'n', (f) => !f.includes('Delete key to-delete'));
    expect((await master.keys.listKeys()).some((k) => k.applicationKeyId === created.applicationKeyId)).toBe(true);
    await step(h, 'd', (f) => f.includes('Delete key to-delete'));
    await step(h, 'y', (f) => f.includes('Deleted key to-delete.'));
    expect((await master.keys.listKeys()).some((k) => k.applicationKeyId === created.applicationKeyId)).toBe(false);
    h.unmount();
  });

  it('greys everything out with the reason for a key without key management', async () => {
    const k = demoKey(emu, 'read-only');
    const p = await connectB2({
      applicationKeyId: k.applicationKeyId,
      applicationKey: k.applicationKey,
      endpoint: emu.endpoint,
    });
    let closed = false;
    const h = mount(p, [], () => (closed = true));
    const frame = (await h.waitForFrame((f) => f.includes('List keys needs'))).replace(/\s+/g, ' ');
    expect(frame).toContain('✗ List keys needs the listKeys capability; this key has no key-management capabilities.');
    expect(frame).toContain('New key ✗');
    await step(h, 'n', (f) => f.includes('Create key needs the writeKeys capability'));
    h.press('\x1b');
    await h.waitForFrame(() => closed);
    h.unmount();
  });

  it('refuses an incomplete key in place, on the field to fix', async () => {
    const h = mount(master, []);
    await h.waitForFrame((f) => f.includes('multi-bucket'));
    await step(h, 'n', (f) => f.includes('New application key'));
    await step(h, '\t', (f) => f.includes('› Buckets'));
    await step(h, '\t', (f) => f.includes('› Name prefix'));
    await step(h, 'a/', (f) => f.includes('a/'));
    const refused = await step(h, '\r', (f) => f.includes('A key needs a name.'));
    expect(refused).toContain('› Name');
    expect(refused).toContain('A name prefix works within chosen buckets');
    await step(h, '\x1b', (f) => f.includes('Application keys') && f.includes('n New key'));
    h.unmount();
  });
});
