/**
 * F3 on a 300 MB B2 file (issue 12, item 1), the built binary at 80×24 in a pty against the
 * built-in server: the first screen shows, End shows the last screen, and the server — which
 * counts the file bytes it sends in download bodies — sent a few blocks, not the file.
 */
import { createHash } from 'node:crypto';
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
 * The whole file, 1 MB (10,000 lines) at a time, never held in memory at once: each chunk is a
 * copy of one template of 10,000 lines with the line numbers written in (3 million lines built as
 * strings cost a second and a half of CPU; this is the same bytes in a fraction of it).
 */
function* chunks(): Generator<Buffer> {
  const perChunk = 10_000;
  const template = Buffer.from(line(0).repeat(perChunk), 'latin1');
  const digitsAt = 'line '.length;
  for (let first = 1; first <= LINES; first += perChunk) {
    const count = Math.min(perChunk, LINES - first + 1);
    const chunk = Buffer.from(template.subarray(0, count * LINE_BYTES));
    for (let i = 0; i < count; i++)
      chunk.write(String(first + i).padStart(9, '0'), i * LINE_BYTES + digitsAt, 'latin1');
    yield chunk;
  }
}

let base = '';
let server: TestServer | null = null;
let bucket = '';
let tui: PtySession | null = null;

/** Uploads the big file with b2_upload_file, streamed, its SHA1 sent after the data (docs/b2-api.md §5.1). */
async function uploadBig(s: TestServer, bucketId: string): Promise<void> {
  const up = await s.api<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', { bucketId });
  const hash = createHash('sha1');
  const source = chunks();
  // Pulled a chunk at a time, as the connection takes them.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = source.next();
      if (next.done === true) {
        controller.enqueue(Buffer.from(hash.digest('hex')));
        controller.close();
        return;
      }
      hash.update(next.value);
      controller.enqueue(next.value);
    },
  });
  const res = await fetch(up.uploadUrl, {
    method: 'POST',
    headers: {
      Authorization: up.authorizationToken,
      'X-Bz-File-Name': 'big.log',
      'Content-Type': 'text/plain',
      'Content-Length': String(SIZE + 40),
      'X-Bz-Content-Sha1': 'hex_digits_at_end',
    },
    body,
    duplex: 'half',
  });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-view-'));
  await mkdir(join(base, 'work'));
  // Blobs on disk: the 300 MB stay out of the test's memory.
  server = await startTestServer({ dataDir: join(base, 'data') });
  const b = await server.createBucket('view');
  bucket = b.name;
  await uploadBig(server, b.id);
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
