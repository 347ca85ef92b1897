/**
 * Progress you can watch (issue 11): while an upload runs, the status line updates on its own —
 * bytes counted as they are sent, speed and time left from a moving window, "—" until they mean
 * something. The real binary in a pty at 80×24, signed in through the environment to the
 * built-in server of this test, which reads upload bodies slowly (`uploadBytesPerSecond`).
 * With no key pressed in between, a later frame shows more bytes.
 */
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, see } from './tui-helpers.js';

const tempDir = useTempDirs('b2c-e2e-progress-');
let server: TestServer | null = null;
let tui: PtySession | null = null;

afterEach(async () => {
  await killAll([tui]);
  tui = null;
  await server?.close();
  server = null;
});

const MIB = 1024 * 1024;
/** The status line's progress: "Transfers: 0/1 files, 12.3 MiB of 96.0 MiB (12%), 4.1 MiB/s, 20s left". */
const PROGRESS =
  /Transfers: 0\/1 files, ([\d.]+) (B|KiB|MiB) of 96\.0 MiB \((\d+)%\), (—|[\d.]+ (?:B|KiB|MiB))\/s, (—|[\dhms ]+) left/;
const UNIT: Record<string, number> = { B: 1, KiB: 1024, MiB: MIB };

function progressOf(screen: string): { bytes: number; speed: string; left: string } | null {
  const m = PROGRESS.exec(screen);
  if (m === null) return null;
  return { bytes: Number(m[1]) * (UNIT[m[2] ?? 'B'] ?? 1), speed: m[4] ?? '', left: m[5] ?? '' };
}

it('the status line counts an upload’s bytes as they are sent, on its own, without a key', async () => {
  server = await startTestServer();
  const bucket = (await server.createBucket('up')).name;
  // A slow link: the upload takes about half a minute, far longer than the test looks at it.
  server.emu.setFaults({ uploadBytesPerSecond: 3 * MIB });
  const work = tempDir();
  // Sparse: 96 MiB to read and send, nothing to write.
  await writeFile(join(work, 'big.bin'), '');
  await truncate(join(work, 'big.bin'), 96 * MIB);
  const env = {
    B2_APPLICATION_KEY_ID: server.emu.masterKeyId,
    B2_APPLICATION_KEY: server.emu.masterKey,
    B2_ENDPOINT: server.endpoint,
    B2C_CONFIG_DIR: join(tempDir(), 'config'),
    NO_COLOR: '1',
  };
  const s = spawnB2c([], { cwd: work, env });
  tui = s;
  const run = { s, cwd: work, close: () => Promise.resolve() };
  // The right pane (the account) is active at start: open the bucket, then copy from the left.
  await see(s, bucket, 'big.bin');
  await cursorTo(run, bucket);
  s.write(KEYS.enter);
  await see(s, `b2://${bucket}/`);
  s.write(KEYS.tab);
  await cursorTo(run, 'big.bin');
  s.write(KEYS.f5);
  await see(s, 'Copy');
  s.write(KEYS.enter);

  const first = progressOf(await s.waitFor((t) => (progressOf(t)?.bytes ?? 0) > 0, 30_000));
  // No key pressed: the count grows on its own. Waited for, not timed: a fixed interval failed
  // once on a loaded 2-core machine, where the process may not run for half a second.
  const second = progressOf(await s.waitFor((t) => (progressOf(t)?.bytes ?? 0) > (first?.bytes ?? Infinity), 30_000));
  expect(first).not.toBeNull();
  expect(second).not.toBeNull();
  expect(second?.bytes ?? 0).toBeGreaterThan(first?.bytes ?? 0);
  expect(second?.bytes ?? 0).toBeLessThan(96 * MIB);

  // Once a second of progress is measured, speed and time left are numbers, not "—".
  const later = progressOf(await s.waitFor((t) => /MiB\/s, [\dhms ]+ left/.test(t), 30_000));
  expect(later?.speed).toMatch(/^[\d.]+ (KiB|MiB)$/);
  expect(later?.left).toMatch(/^\d+[hms]/);
  const line = s.screen().find((l) => l.startsWith('Transfers:')) ?? '';
  expect(line.length).toBeLessThanOrEqual(80);
}, 90_000);
