/**
 * The account wizard through real key presses against the built-in server: typing, masking (the
 * secret is in no frame), failure and retry of one field, success, save and the duplicate question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import type { Profile } from '../../../src/config/index.js';
import { AccountWizard } from '../../../src/ui/accounts/AccountWizard.js';
import { renderInk, type InkHarness } from '../render-ink.js';
import { allSecrets, demoKey, expectNoSecret, fastVerify, startDemo } from '../../accounts/helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startDemo();
});
afterAll(async () => {
  await emu.close();
});

const ENTER = '\r';
const ESC = '\x1b';

/** Types `text` into the focused field and waits until the field shows it (or its mask). */
async function type(h: InkHarness, text: string, shown: (frame: string) => boolean): Promise<void> {
  h.press(text);
  await h.waitForFrame(shown);
}

/** The line of the field whose label is `label` (labels are padded to 18 columns). */
function fieldLine(frame: string, label: string): string {
  return frame.split('\n').find((l) => l.slice(2, 20) === label.trim().padEnd(18)) ?? '';
}

function mount(saved: Profile[], existingNames: string[] = []): InkHarness {
  return renderInk(
    <AccountWizard
      verify={fastVerify}
      save={(p) => {
        saved.push({ ...p });
      }}
      existingNames={existingNames}
    />,
  );
}

async function fillCredentials(h: InkHarness, keyId: string, key: string, endpoint: string): Promise<void> {
  await h.waitForFrame((f) => fieldLine(f, 'Application key ID').includes('›'));
  await type(h, keyId, (f) => f.includes(keyId));
  h.press(ENTER);
  await h.waitForFrame((f) => fieldLine(f, 'Application key ').startsWith('›'));
  await type(h, key, (f) => fieldLine(f, 'Application key ').includes('•'.repeat(key.length)));
  h.press(ENTER);
  await h.waitForFrame((f) => fieldLine(f, 'Endpoint').startsWith('›'));
  await type(h, endpoint, (f) => f.includes(endpoint));
  h.press(ENTER);
  await h.waitForFrame((f) => fieldLine(f, 'Profile name').startsWith('›'));
}

describe('account wizard', () => {
  it('verifies a key, shows the inspector and saves it as the suggested profile; the secret is never drawn', async () => {
    const k = demoKey(emu, 'prefix');
    const saved: Profile[] = [];
    const h = mount(saved);
    await fillCredentials(h, k.applicationKeyId, k.applicationKey, emu.endpoint);
    h.press(ENTER);
    const review = await h.waitForFrame((f) => f.includes('B2 accepted the key'));
    expect(review).toContain(k.applicationKeyId);
    expect(review).toContain('one bucket: demo-photos');
    expect(review).toContain('photos/');
    expect(review).toContain('Save as profile default?');
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('Saved profile default.'));
    expect(saved).toEqual([
      {
        name: 'default',
        applicationKeyId: k.applicationKeyId,
        applicationKey: k.applicationKey,
        endpoint: emu.endpoint,
      },
    ]);
    expectNoSecret(h.frames, allSecrets(emu), 'frame');
    h.unmount();
  });

  it('says why a wrong key failed, keeps every other field, and succeeds after fixing only the key', async () => {
    const k = demoKey(emu, 'read-only');
    const saved: Profile[] = [];
    const h = mount(saved);
    const missing = k.applicationKey.slice(-3);
    await fillCredentials(h, k.applicationKeyId, k.applicationKey.slice(0, -3), emu.endpoint);
    h.press(ENTER);
    const failed = await h.waitForFrame((f) => f.includes('✗'));
    expect(failed).toContain('B2 rejected the application key ID or key');
    expect(fieldLine(failed, 'Application key ').startsWith('›')).toBe(true);
    expect(failed).toContain(k.applicationKeyId);
    expect(failed).toContain(emu.endpoint);
    await type(h, missing, (f) => fieldLine(f, 'Application key ').includes('•'.repeat(k.applicationKey.length)));
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('B2 accepted the key'));
    expectNoSecret(h.frames, allSecrets(emu), 'frame');
    h.unmount();
  });

  it('sends the user to the endpoint field when the endpoint cannot be reached', async () => {
    const k = demoKey(emu, 'read-only');
    const h = mount([]);
    await fillCredentials(h, k.applicationKeyId, k.applicationKey, 'http://127.0.0.1:1');
    h.press(ENTER);
    const failed = await h.waitForFrame((f) => f.includes('✗'));
    expect(failed).toContain('Cannot reach B2 at 127.0.0.1:1');
    expect(fieldLine(failed, 'Endpoint').startsWith('›')).toBe(true);
    h.unmount();
  });

  it('says an expired key has expired', async () => {
    const k = demoKey(emu, 'expired');
    const h = mount([]);
    await fillCredentials(h, k.applicationKeyId, k.applicationKey, emu.endpoint);
    h.press(ENTER);
    expect(await h.waitForFrame((f) => f.includes('✗'))).toContain('This application key has expired');
    h.unmount();
  });

  it('asks before replacing a profile with the same name, and saves only after yes', async () => {
    const k = demoKey(emu, 'no-delete');
    const saved: Profile[] = [];
    const h = mount(saved, ['work']);
    await fillCredentials(h, k.applicationKeyId, k.applicationKey, emu.endpoint);
    await type(h, 'work', (f) => fieldLine(f, 'Profile name').includes('work'));
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('Save as profile work?'));
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('already exists. Replace it? (y/n)'));
    expect(saved).toEqual([]);
    h.press('y');
    await h.waitForFrame((f) => f.includes('Saved profile work.'));
    expect(saved.map((p) => p.name)).toEqual(['work']);
    h.unmount();
  });

  it('a paste of key ID, Tab, secret, Tab, endpoint, Tab, name in ONE write puts each part in its own field', async () => {
    const k = demoKey(emu, 'read-only');
    const saved: Profile[] = [];
    const h = mount(saved);
    await h.waitForFrame((f) => fieldLine(f, 'Application key ID').includes('›'));
    // One chunk on stdin, as a terminal delivers a paste: no frame between its keys.
    h.press(`${k.applicationKeyId}\t${k.applicationKey}\t${emu.endpoint}\tpasted`);
    const frame = await h.waitForFrame((f) => fieldLine(f, 'Profile name').includes('pasted'));
    expect(fieldLine(frame, 'Application key ID')).toContain(k.applicationKeyId);
    expect(fieldLine(frame, 'Application key ID')).not.toContain('•');
    expect(fieldLine(frame, 'Application key ')).toContain('••••••••');
    expect(fieldLine(frame, 'Endpoint')).toContain(emu.endpoint);
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('Save as profile pasted?'));
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('Saved profile pasted.'));
    expect(saved).toEqual([
      {
        name: 'pasted',
        applicationKeyId: k.applicationKeyId,
        applicationKey: k.applicationKey,
        endpoint: emu.endpoint,
      },
    ]);
    expectNoSecret(h.frames, allSecrets(emu), 'frame');
    h.unmount();
  });

  it('refuses an empty key ID in place and leaves on Escape', async () => {
    let cancelled = false;
    const h = renderInk(
      <AccountWizard verify={fastVerify} save={() => undefined} onCancel={() => (cancelled = true)} />,
    );
    await h.waitForFrame((f) => fieldLine(f, 'Application key ID').includes('›'));
    h.press(ENTER);
    await h.waitForFrame((f) => f.includes('Enter the application key ID'));
    h.press(ESC);
    await h.waitForFrame(() => cancelled);
    h.unmount();
  });
});
