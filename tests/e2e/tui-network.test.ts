/**
 * The file manager on a B2 server that stops answering (issue 10, item 1), at 80×24 in a pty:
 * the built-in server behind a proxy that never answers b2_list_file_names (real sockets).
 * Esc stops the stuck listing at once and the status line says so; without Esc the listing ends
 * after the network bound with the reason in the status line, and the TUI stays usable.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startTestServer } from '../support/server.js';
import { connectB2 } from '../../src/providers/b2/index.js';
import { startStallProxy, type StallProxy } from '../support/net-faults.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { cursorTo, see } from './tui-helpers.js';

let base = '';
let emu: RunningEmulator | null = null;
let proxy: StallProxy | null = null;
let tui: PtySession | null = null;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-net-'));
  await mkdir(join(base, 'work'));
  emu = (await startTestServer()).emu;
  const b2 = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
  });
  await b2.createBucket('stuck-bucket');
  await b2.close();
  proxy = await startStallProxy(emu.endpoint, { match: (path) => path.includes('b2_list_file_names'), at: 'request' });
});

afterEach(async () => {
  if (tui) {
    tui.kill('SIGKILL');
    await tui.exited;
  }
  tui = null;
  await proxy?.close();
  await emu?.close();
  await rm(base, { recursive: true, force: true });
});

/** Starts b2c (80×24) on the proxy and opens the stuck bucket in the right pane. */
async function openStuckBucket(timeoutSeconds?: string): Promise<PtySession> {
  if (!emu || !proxy) throw new Error('not started');
  const env: Record<string, string> = {
    B2_APPLICATION_KEY_ID: emu.masterKeyId,
    B2_APPLICATION_KEY: emu.masterKey,
    B2_ENDPOINT: proxy.endpoint,
    B2C_CONFIG_DIR: join(base, 'config'),
    NO_COLOR: '1',
  };
  if (timeoutSeconds !== undefined) env.B2C_NETWORK_TIMEOUT = timeoutSeconds;
  const s = spawnB2c([], { cwd: join(base, 'work'), env });
  tui = s;
  await see(s, 'stuck-bucket');
  // The right pane (the account) is the active one at start.
  await cursorTo({ s, cwd: base, close: () => Promise.resolve() }, 'stuck-bucket');
  s.write(KEYS.enter);
  await see(s, 'Loading…');
  await proxy.firstHold;
  return s;
}

it('Esc stops a listing B2 never answers: the status line says so and the pane goes back', async () => {
  const s = await openStuckBucket();
  s.write(KEYS.escape);
  const screen = await see(s, 'Stopped loading b2://stuck-bucket/: Ctrl+R tries again.');
  // Back on the bucket list, usable: the status line is the last thing above the key bar.
  expect(screen).not.toContain('Loading…');
  expect(screen).toContain('stuck-bucket');
  s.write(KEYS.f1);
  await see(s, 'Panes · Navigate', 'Esc closes');
}, 60_000);

it('without Esc the listing ends after the bound, with what, where and how long in the status line', async () => {
  const started = performance.now();
  const s = await openStuckBucket('0.5');
  const screen = await see(s, 'sent no data for 0.5 s during b2_list_file_names');
  // Two silent tries and a backoff of at most 1.5 s, plus drawing on a busy machine.
  expect(performance.now() - started).toBeLessThan(2 * 500 + 1500 + 8000);
  expect(screen).toMatch(/B2 at 127\.0\.0\.1:\d+ sent no data/);
  s.write(KEYS.tab);
  s.write(KEYS.f1);
  await see(s, 'Panes · Navigate', 'Esc closes');
}, 60_000);
