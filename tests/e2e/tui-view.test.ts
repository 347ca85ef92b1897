/**
 * F3 on a 300 MB B2 file (issue 12, item 1), the built binary at 80×24 in a pty against the
 * built-in server: the first screen shows, End shows the last screen, and the server — which
 * counts the file bytes it sends in download bodies — sent a few blocks, not the file.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, openFolder, see, serverEnv } from './tui-helpers.js';

const LINE_BYTES = 100;
const LINES = 3_000_000;
const SIZE = LINE_BYTES * LINES;

/** Line `n` (1-based) of the big file: its number, padding, a newline; 100 bytes. */
function line(n: number): string {
  const head = `line ${String(n).padStart(9, '0')} `;
  return head + '.'.repeat(LINE_BYTES - head.length - 1) + '\n';
}

/**
 * The whole file: a template of 10,000 lines copied 300 times with the line numbers written in
 * (3 million lines built as strings cost a second and a half of CPU; this is the same bytes in a
 * fraction of it).
 */
function bigFile(): Buffer {
  const templateLines = 10_000;
  const template = Buffer.from(line(0).repeat(templateLines), 'latin1');
  const file = Buffer.allocUnsafe(SIZE);
  const digitsAt = 'line '.length;
  for (let first = 1; first <= LINES; first += templateLines) {
    const at = (first - 1) * LINE_BYTES;
    const count = Math.min(templateLines, LINES - first + 1);
    template.copy(file, at, 0, count * LINE_BYTES);
    for (let i = 0; i < count; i++)
      file.write(String(first + i).padStart(9, '0'), at + i * LINE_BYTES + digitsAt, 'latin1');
  }
  return file;
}

let base = '';
let server: TestServer | null = null;
let bucket = '';
let tui: PtySession | null = null;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-view-'));
  await mkdir(join(base, 'work'));
  // Blobs on disk: once stored, the 300 MB do not stay in the test's memory.
  server = await startTestServer({ dataDir: join(base, 'data') });
  bucket = (await server.createBucket('view')).name;
  // Straight into the server's store: what is tested is the download side, and 300 MB through
  // b2_upload_file cost the run seconds of CPU on both ends of the connection.
  await server.emu.fixtures.putFile(bucket, 'big.log', bigFile());
}, 240_000);

afterAll(async () => {
  await killAll([tui]);
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

it('F3 on a 300 MB B2 file shows the first screen, End the last, and the server sends a few blocks', async () => {
  if (server === null) throw new Error('not started');
  const emu = server.emu;
  const s = spawnB2c([], { cwd: join(base, 'work'), env: serverEnv(emu, join(base, 'config')) });
  tui = s;
  const run = { s, cwd: base, close: () => Promise.resolve() };
  await openFolder(run, bucket);
  await see(s, 'big.log');
  await cursorTo(run, 'big.log');
  const before = emu.downloadedBytes();
  s.write(KEYS.f3);
  const first = await see(s, `b2://${bucket}/big.log`, 'line 000000001 ', 'line 000000020 ');
  expect(first).not.toContain('line 003000000');
  s.write(KEYS.end);
  const last = await see(s, 'line 003000000 ', '100%');
  expect(last).not.toContain('line 000000001 ');
  const sent = emu.downloadedBytes() - before;
  console.log(`F3 + End on a ${SIZE} byte file: the server sent ${sent} bytes`);
  // The first block and the last (or two): a few hundred KiB of the 300 MB.
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(1024 * 1024);
  // → scrolls the unwrapped lines half a screen sideways, ← back.
  s.write(KEYS.right);
  const sideways = await see(s, 'text, from column 41');
  expect(sideways).not.toContain('line 003000000');
  s.write(KEYS.left);
  await see(s, 'line 003000000 ');
  s.write('q');
  await see(s, 'big.log', '1Help');
}, 120_000);
