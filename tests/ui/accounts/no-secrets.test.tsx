/**
 * The secret scan: every Ink frame of every accounts screen and every stdout/stderr line and JSON
 * document of `b2c keys …` (in-process, tests/support/cli.ts), for every demo key kind, checked against every
 * secret the server knows. The only secret that may appear is a newly created key's, and only in
 * the frames of its one-time display ("Created key …").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Profile } from '../../../src/config/index.js';
import { openConfig } from '../../../src/config/store.js';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2 } from '../../../src/providers/b2/index.js';
import { AccountWizard } from '../../../src/ui/accounts/AccountWizard.js';
import { KeysScreen } from '../../../src/ui/accounts/KeysScreen.js';
import { ProfilesScreen } from '../../../src/ui/accounts/ProfilesScreen.js';
import { renderInk, type InkHarness } from '../render-ink.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { allSecrets, expectNoSecret, fastVerify, startDemo } from '../../accounts/helpers.js';

let emu: RunningEmulator;
let dir: string;
/** Every frame of every screen rendered here. */
const frames: string[] = [];
const runs: CliRun[] = [];

beforeAll(async () => {
  emu = await startDemo();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-no-secrets-'));
});
afterAll(async () => {
  await emu.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every key kind: the demo keys, the master key, and a wrong secret. */
function kinds(): { name: string; keyId: string; key: string }[] {
  return [
    { name: 'master', keyId: emu.masterKeyId, key: emu.masterKey },
    ...emu.demoKeys.map((k) => ({ name: k.name, keyId: k.applicationKeyId, key: k.applicationKey })),
    { name: 'wrong-secret', keyId: emu.masterKeyId, key: `${emu.masterKey.slice(0, -2)}zz` },
  ];
}

async function step(h: InkHarness, key: string, until: (f: string) => boolean): Promise<void> {
  h.press(key);
  await h.waitForFrame(until);
}

function collect(h: InkHarness): void {
  frames.push(...h.frames);
  h.unmount();
}

/** Every string inside a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

describe('no secret is ever shown', () => {
  it('the wizard, for every key kind (masked while typed, never drawn after)', async () => {
    const saved: Profile[] = [];
    for (const kind of kinds()) {
      const h = renderInk(<AccountWizard verify={fastVerify} save={(p) => void saved.push(p)} existingNames={[]} />);
      await h.waitForFrame((f) => f.includes('› Application key ID'));
      await step(h, kind.keyId, (f) => f.includes(kind.keyId));
      await step(h, '\r', (f) => /^› Application key {4}/m.test(f));
      await step(h, kind.key, (f) => f.includes('•'.repeat(kind.key.length)));
      await step(h, '\t', (f) => f.includes('› Endpoint'));
      await step(h, emu.endpoint, (f) => f.includes(emu.endpoint));
      await step(h, '\t', (f) => f.includes('› Profile name'));
      await step(h, kind.name, (f) => f.includes(kind.name));
      await step(h, '\r', (f) => f.includes('B2 accepted the key') || f.includes('✗ '));
      if (h.plainFrame().includes('B2 accepted the key')) {
        await step(h, 'G', (f) => f.includes('↑'));
        await step(h, '\r', (f) => f.includes('Saved profile'));
        openConfig({ dir }).saveProfile(saved[saved.length - 1] as Profile);
      }
      collect(h);
    }
    expect(saved.map((p) => p.name)).toEqual([
      'master',
      'read-only',
      'no-delete',
      'write-only',
      'prefix',
      'multi-bucket',
    ]);
  });

  it('the profiles screen, inspecting every saved profile', async () => {
    const config = openConfig({ dir });
    const h = renderInk(<ProfilesScreen store={config} verify={fastVerify} />);
    await h.waitForFrame((f) => f.includes('multi-bucket'));
    for (let i = 0; i < config.listProfiles().length; i++) {
      await step(h, 'i', (f) => f.includes('Key inspector') && f.includes('lines 1–'));
      await step(h, '\x1b', (f) => f.startsWith('Profiles'));
      await step(h, 'j', () => true);
    }
    collect(h);
  });

  it('the keys screen: a new key shown once, only on its own screen', async () => {
    const p = await connectB2({
      applicationKeyId: emu.masterKeyId,
      applicationKey: emu.masterKey,
      endpoint: emu.endpoint,
    });
    const h = renderInk(
      <KeysScreen
        keyInfo={p.keyInfo}
        admin={p.keys}
        listBuckets={() => Promise.resolve([])}
        saveProfile={() => undefined}
        endpoint={emu.endpoint}
      />,
    );
    await h.waitForFrame((f) => f.includes('multi-bucket'));
    await step(h, 'n', (f) => f.includes('New application key'));
    await step(h, 'scan-key', (f) => f.includes('scan-key'));
    await step(h, '\r', (f) => f.includes('Created key scan-key'));
    const secret = /Application key {2}(\S+)/.exec(h.plainFrame())?.[1] ?? '';
    await step(h, '\r', (f) => f.includes('Key scan-key created.'));
    for (const frame of h.frames) if (frame.includes(secret)) expect(frame).toContain('Created key scan-key');
    expect(h.frames.some((f) => f.includes(secret))).toBe(true);
    collect(h);
  });

  it('b2c keys inspect (plain and JSON) and list, for every key kind, and from a profile', async () => {
    for (const kind of kinds()) {
      const env = {
        B2_APPLICATION_KEY_ID: kind.keyId,
        B2_APPLICATION_KEY: kind.key,
        B2_ENDPOINT: emu.endpoint,
        B2C_CONFIG_DIR: dir,
      };
      runs.push(await runCli(['keys', 'inspect'], { env }));
      runs.push(await runCli(['keys', 'inspect', '--json'], { env }));
      runs.push(await runCli(['keys', 'list', '--json'], { env }));
    }
    for (const name of ['read-only', 'prefix'])
      runs.push(await runCli(['keys', 'inspect', '--profile', name, '--json'], { env: { B2C_CONFIG_DIR: dir } }));
    runs.push(await runCli(['keys', 'inspect', '--application-key', emu.masterKey], { env: { B2C_CONFIG_DIR: dir } }));
    expect(new Set(runs.map((r) => r.code))).toEqual(new Set([0, 1, 2]));
  });

  it("finds none of the server's secrets in any frame, output line or JSON value", () => {
    const secrets = allSecrets(emu);
    expect(frames.length).toBeGreaterThan(100);
    expectNoSecret(frames, secrets, 'frame');
    for (const r of runs) {
      const where = `b2c ${r.args.map((a) => (secrets.includes(a) ? '<secret>' : a)).join(' ')}`;
      expectNoSecret([...r.stdout.split('\n'), ...r.stderr.split('\n')], secrets, where);
      if (r.args.includes('--json') && r.stdout.trim() !== '')
        expectNoSecret(strings(JSON.parse(r.stdout)), secrets, `${where} JSON`);
    }
  });
});
