/**
 * Queue persistence end to end (issue 5): `b2c` uploads a large file to the built-in server
 * started by the test (tests/support/server.ts, with --data's persistence, so nothing depends on
 * the TUI process), is killed
 * with SIGKILL in the middle (the server's link is slowed so that there is a middle), and on the next start offers the unfinished transfer; Resume
 * completes it, and the bytes on the server equal the local file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openConfig } from '../../src/config/store.js';
import { connectB2 } from '../../src/providers/b2/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, openFolder } from './tui-helpers.js';
import { until } from '../support/poll.js';

const PART = 5_000_000;
/** Parts in the file: sent one at a time over a slow link (below), the upload takes seconds. */
const PARTS = 10;
const SIZE = PARTS * PART + 4321;
/**
 * The link's bytes per second per connection: a part takes ¼ s, so the TUI (which saves the queue
 * ~¼ s after the copy starts) is caught with some parts on the server and most still to send,
 * without hashing and storing hundreds of megabytes to make the upload long.
 */
const LINK_BYTES_PER_SECOND = 20_000_000;

let base = '';
let server: TestServer | null = null;
let tui: PtySession | null = null;
afterEach(async () => {
  await killAll([tui]);
  tui = null;
  await server?.close();
  server = null;
  if (base !== '') await rm(base, { recursive: true, force: true });
  base = '';
});

/** The server, keeping its store in `data`, with parts of PART bytes; its master key and request log. */
async function startEmulator(
  data: string,
): Promise<{ endpoint: string; masterKeyId: string; masterKey: string; log: string[] }> {
  server = await startTestServer({ dataDir: data, partSize: PART, bandwidth: LINK_BYTES_PER_SECOND });
  const { endpoint, masterKeyId, masterKey } = server.emu;
  return { endpoint, masterKeyId, masterKey, log: server.log };
}

function uploadedParts(log: string[]): number {
  return log.filter((l) => /b2_upload_part\S* 200 /.test(l)).length;
}

it('a TUI killed mid-upload offers the transfer at the next start, and Resume completes it', async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-resume-'));
  const data = join(base, 'server');
  const cfg = join(base, 'config');
  const work = join(base, 'work');
  await mkdir(work);
  const bytes = randomBytes(SIZE);
  await writeFile(join(work, 'large.bin'), bytes);
  const emu = await startEmulator(data);
  const b2 = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
  });
  await b2.createBucket('uploads');
  // Small parts, one at a time (settings), so the upload is long enough to be caught in the middle.
  openConfig({ dir: cfg, env: {} }).updateSettings({ partSize: PART, partConcurrency: 1 });
  const env = {
    B2_APPLICATION_KEY_ID: emu.masterKeyId,
    B2_APPLICATION_KEY: emu.masterKey,
    B2_ENDPOINT: emu.endpoint,
    B2C_CONFIG_DIR: cfg,
    NO_COLOR: '1',
  };
  const queueFile = join(cfg, 'queue.json');

  tui = spawnB2c([], { cols: 120, rows: 30, cwd: work, env });
  await tui.waitFor((t) => t.includes('large.bin') && t.includes('uploads'));
  // Right pane (the account): open the bucket; Tab to the left pane, cursor on large.bin, F5.
  const run = { s: tui, cwd: work, close: () => Promise.resolve() };
  await openFolder(run, 'uploads');
  tui.write(KEYS.tab);
  await cursorTo(run, 'large.bin');
  tui.write(KEYS.f5);
  await tui.waitFor((t) => t.includes('(•)'));
  tui.write(KEYS.enter);
  await until(() => existsSync(queueFile) && uploadedParts(emu.log) >= 2, 'the queue file and the first parts', {
    timeoutMs: 30_000,
  });
  tui.kill('SIGKILL');
  await tui.exited;
  const partsBeforeKill = uploadedParts(emu.log);
  // Caught in the middle: some parts are on the server, not all of them.
  expect(partsBeforeKill).toBeLessThan(PARTS);
  const saved = await readFile(queueFile, 'utf8');
  expect(saved).toContain('b2:env');
  expect(saved).not.toContain(emu.masterKey);

  tui = spawnB2c([], { cols: 120, rows: 30, cwd: work, env });
  await tui.waitFor(
    (t) => t.includes('1 transfer (1 file, ') && t.includes('was not finished.') && t.includes('Resume'),
  );
  tui.write(KEYS.enter);
  await tui.waitFor((t) => t.includes('Resumed 1 transfer'));
  await until(
    async () =>
      !existsSync(queueFile) &&
      (await b2.stat('/uploads/large.bin').then(
        () => true,
        () => false,
      )),
    'the resumed upload to finish',
    { timeoutMs: 60_000 },
  );
  const h = await b2.openRead('/uploads/large.bin');
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  // Parts already on the server were not sent again.
  expect(uploadedParts(emu.log)).toBeLessThan(PARTS + partsBeforeKill);
  await b2.close?.();
}, 120_000);
