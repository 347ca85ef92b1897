/**
 * The accounts screens mounted in the TUI: the wizard when there is no profile (keys routed from
 * the TUI's keyboard owner), the key inspector (I), key management (K), profiles (P).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConfigStore } from '../../../src/config/index.js';
import { openConfig } from '../../../src/config/store.js';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
let configDir: string | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
  if (configDir !== null) await rm(configDir, { recursive: true, force: true });
  configDir = null;
});

async function tempConfig(): Promise<ConfigStore> {
  configDir = await mkdtemp(join(tmpdir(), 'b2c-cfg-'));
  return openConfig({ dir: configDir, env: {} });
}

const photos = (profile: string) => () => b2PaneLocation(profile, DEMO_BUCKETS.photos);

describe('accounts screens in the TUI', () => {
  it('I shows what the pane key may do, Esc returns to the panes', async () => {
    f = await startTui({ b2: true, right: photos('demo-no-delete'), active: 'right' });
    await f.see('README.txt');
    f.h.press('I');
    await f.see('Key inspector', 'demo/no-delete', 'restricted application key');
    // Keys reach the inspector through the TUI's keyboard owner: PgDn scrolls it.
    f.h.press(KEYS.pageDown);
    await f.see('✗');
    f.h.press(KEYS.escape);
    await f.see('README.txt', '10Quit');
  });

  it('I, K and P say their keys once: their own footer, no "returns to the panes", no function-key bar', async () => {
    const config = await tempConfig();
    config.saveProfile({
      name: 'spare',
      applicationKeyId: '0041a2b3c4d5e6f0000000000',
      applicationKey: 'K004notusednotusednotusednotuse',
    });
    f = await startTui({ b2: true, config, right: photos('demo'), active: 'right' });
    await f.see('README.txt', '10Quit');
    const once = (frame: string, footer: string): void => {
      expect(frame).not.toContain('returns to the panes');
      expect(frame).not.toMatch(/10(Cancel|Quit)/);
      expect(frame.split(footer)).toHaveLength(2);
    };
    f.h.press('I');
    once(await f.see('Key inspector', 'Esc close'), 'Esc close');
    f.h.press(KEYS.escape);
    await f.see('README.txt', '10Quit');
    f.h.press('K');
    once(await f.see('Application keys', 'read-only', 'Esc Close'), 'Esc Close');
    f.h.press(KEYS.escape);
    await f.see('README.txt', '10Quit');
    f.h.press('P');
    once(await f.see('Profiles', 'spare', 'Esc close'), 'Esc close');
  });

  it('I on the local disk says why there is nothing to inspect', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press('I');
    await f.see('The local disk has no application key');
  });

  it('K lists the account keys for the master key', async () => {
    f = await startTui({ b2: true, right: photos('demo'), active: 'right', size: { columns: 100, rows: 30 } });
    await f.see('README.txt');
    f.h.press('K');
    await f.see('no-delete', 'read-only');
  });

  it('K takes its keys from the TUI keyboard owner: Esc returns to the panes', async () => {
    f = await startTui({ b2: true, right: photos('demo'), active: 'right', size: { columns: 100, rows: 30 } });
    await f.see('README.txt');
    f.h.press('K');
    await f.see('no-delete', 'read-only');
    f.h.press(KEYS.escape);
    await f.see('README.txt', '10Quit');
  });

  it('P takes its keys from the TUI keyboard owner: ↓ and Enter open the chosen profile', async () => {
    const config = await tempConfig();
    f = await startTui({
      b2: true,
      config,
      size: { columns: 100, rows: 30 },
      before: (_dir, emu) => {
        const key = emu?.demoKeys.find((k) => k.name === 'prefix');
        if (!emu || !key) return Promise.reject(new Error('no demo server'));
        config.saveProfile({
          name: 'alpha',
          applicationKeyId: emu.masterKeyId,
          applicationKey: emu.masterKey,
          endpoint: emu.endpoint,
        });
        config.saveProfile({
          name: 'beta',
          applicationKeyId: key.applicationKeyId,
          applicationKey: key.applicationKey,
          endpoint: emu.endpoint,
        });
        return Promise.resolve();
      },
    });
    await f.see('a.txt');
    f.h.press('P');
    await f.see('alpha', 'beta', 'Esc');
    f.h.press(KEYS.down, KEYS.enter);
    // The prefix key may look only under photos/: the pane opens there, through profile beta.
    await f.see('b2://demo-photos/photos/');
    expect(f.store.getSnapshot().app.panes.left.location).toMatchObject({ kind: 'b2', profile: 'beta' });
  });

  it('P without a config file says so', async () => {
    f = await startTui();
    await f.see('a.txt');
    f.h.press('P');
    await f.see('Profiles are kept in the config file');
  });

  it('the wizard saves a profile and the right pane opens it', async () => {
    const config = await tempConfig();
    f = await startTui({ b2: true, config, size: { columns: 100, rows: 30 } });
    await f.see('a.txt');
    const emu = f.emu;
    const key = emu?.demoKeys.find((k) => k.name === 'prefix');
    if (!emu || !key) throw new Error('no demo server');
    f.store.dispatch({ type: 'app', action: { type: 'openWizard' } });
    await f.see('Application key ID');
    f.h.press(key.applicationKeyId, KEYS.enter);
    await f.see(key.applicationKeyId);
    f.h.press(key.applicationKey, KEYS.enter);
    f.h.press(emu.endpoint, KEYS.enter);
    await f.see(emu.endpoint);
    f.h.press(KEYS.enter);
    await f.see('B2 accepted the key');
    f.h.press(KEYS.enter);
    // The wizard closes and the right pane opens the new profile where its key may look.
    await f.see('b2://demo-photos/photos/', '[default]');
    expect(config.listProfiles().map((p) => p.name)).toEqual(['default']);
    expect(f.h.frames.join('\n')).not.toContain(key.applicationKey);
  });
});
