/**
 * The profiles screen on a real config store (temp dir) and the built-in server: list with the
 * default marked, make default, rename, inspect (verifying the key over HTTP), delete after
 * confirmation, add through the wizard, choose; with no profile the wizard opens at once.
 */
import { describe, expect, it } from 'vitest';
import { type ConfigStore } from '../../../src/config/index.js';
import { openConfig } from '../../../src/config/store.js';
import { ProfilesScreen } from '../../../src/ui/accounts/ProfilesScreen.js';
import { renderInk, type InkHarness } from '../render-ink.js';
import { allSecrets, demoKey, expectNoSecret, fastVerify, useDemoServer } from '../../accounts/helpers.js';

const server = useDemoServer('b2c-profiles-ui-');

function store(): ConfigStore {
  return openConfig({ dir: server.tempDir() });
}

function saveDemo(config: ConfigStore, name: string, demo: string): void {
  const k = demoKey(server.emu(), demo);
  config.saveProfile({
    name,
    applicationKeyId: k.applicationKeyId,
    applicationKey: k.applicationKey,
    endpoint: server.emu().endpoint,
  });
}

async function step(h: InkHarness, key: string, until: (f: string) => boolean): Promise<string> {
  h.press(key);
  return h.waitForFrame(until);
}

const rowLine = (f: string): string => f.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('profiles screen', () => {
  it('makes a profile the default, renames, inspects and deletes it, and chooses one', async () => {
    const config = store();
    saveDemo(config, 'work', 'read-only');
    saveDemo(config, 'photos', 'prefix');
    const chosen: string[] = [];
    const h = renderInk(<ProfilesScreen store={config} verify={fastVerify} onChoose={(n) => chosen.push(n)} />);
    const first = await h.waitForFrame((f) => f.includes('photos'));
    expect(first).toMatch(/^›\* work\s+\S+\s+http:\/\/127\.0\.0\.1:\d+/m);

    await step(h, 'j', (f) => rowLine(f).includes('photos'));
    await step(h, '*', (f) => f.includes('photos is now the default profile.'));
    expect(config.getDefaultProfileName()).toBe('photos');
    expect(rowLine(h.plainFrame())).toMatch(/^›\* photos/);

    await step(h, 'r', (f) => f.includes('Rename photos to'));
    await step(h, '\x15', (f) => !/Rename photos to\s+photos/.test(f));
    await step(h, 'pics', (f) => f.includes('pics'));
    await step(h, '\r', (f) => f.includes('Renamed photos to pics.'));
    expect(config.listProfiles().map((p) => p.name)).toEqual(['work', 'pics']);
    expect(config.getDefaultProfileName()).toBe('pics');

    // "lines 1–" appears once the inspector's effects ran, i.e. once it reads keys.
    const inspector = await step(h, 'i', (f) => f.includes('Key inspector') && f.includes('lines 1–'));
    expect(inspector).toMatch(/Profile\s+pics/);
    expect(inspector).toMatch(/Buckets\s+one bucket: demo-photos/);
    await step(h, '\x1b', (f) => f.includes('Profiles') && !f.includes('Key inspector'));

    await step(h, 'd', (f) => f.includes('Delete profile pics?'));
    await step(h, 'y', (f) => f.includes('Deleted profile pics.'));
    expect(config.listProfiles().map((p) => p.name)).toEqual(['work']);

    await step(h, '\r', () => chosen.length > 0);
    expect(chosen).toEqual(['work']);
    expectNoSecret(h.frames, allSecrets(server.emu()), 'frame');
    h.unmount();
  });

  it('says why a profile cannot be inspected (expired key) and refuses a taken name on rename', async () => {
    const config = store();
    saveDemo(config, 'old', 'expired');
    saveDemo(config, 'new', 'no-delete');
    const h = renderInk(<ProfilesScreen store={config} verify={fastVerify} />);
    await h.waitForFrame((f) => f.includes('old'));
    await step(h, 'i', (f) => f.includes('This application key has expired'));
    await step(h, 'r', (f) => f.includes('Rename old to'));
    await step(h, '\x15', (f) => !/Rename old to\s+old/.test(f));
    await step(h, 'new', (f) => /Rename old to\s+new/.test(f));
    await step(h, '\r', (f) => f.includes('A profile with that name exists already.'));
    expect(config.listProfiles().map((p) => p.name)).toEqual(['old', 'new']);
    h.unmount();
  });

  it('adds a profile through the wizard, and opens the wizard at once when there is none', async () => {
    const config = store();
    let closed = false;
    const h = renderInk(<ProfilesScreen store={config} verify={fastVerify} onClose={() => (closed = true)} />);
    await h.waitForFrame((f) => f.includes('Add a Backblaze B2 account'));
    const k = demoKey(server.emu(), 'multi-bucket');
    await step(h, k.applicationKeyId, (f) => f.includes(k.applicationKeyId));
    await step(h, '\r', (f) => /^› Application key {4}/m.test(f));
    await step(h, k.applicationKey, (f) => f.includes('•'.repeat(k.applicationKey.length)));
    await step(h, '\r', (f) => f.includes('› Endpoint'));
    await step(h, server.emu().endpoint, (f) => f.includes(server.emu().endpoint));
    await step(h, '\r', (f) => f.includes('› Profile name'));
    await step(h, 'multi', (f) => f.includes('multi'));
    await step(h, '\r', (f) => f.includes('B2 accepted the key'));
    const list = await step(h, '\r', (f) => f.includes('Saved profile multi.') && f.startsWith('Profiles'));
    expect(rowLine(list)).toMatch(/^›\* multi/);
    expect(config.getProfile('multi')?.applicationKey).toBe(k.applicationKey);
    expect(config.getDefaultProfileName()).toBe('multi');
    expectNoSecret(h.frames, allSecrets(server.emu()), 'frame');
    h.unmount();

    const empty = store();
    const h2 = renderInk(<ProfilesScreen store={empty} verify={fastVerify} onClose={() => (closed = true)} />);
    await h2.waitForFrame((f) => f.includes('Add a Backblaze B2 account'));
    h2.press('\x1b');
    await h2.waitForFrame(() => closed);
    h2.unmount();
  });
});
