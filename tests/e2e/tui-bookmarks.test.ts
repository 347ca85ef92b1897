/**
 * Bookmarks and Tab completion through the real binary at 80×24 against the built-in server
 * (issue 12, item 6): `B` saves a B2 folder, the bookmark is in the config file (0600) after `q`,
 * and `b` in a new run goes back there; F9's Tab completes a B2 folder that is past the first
 * 1,000 names of its bucket (B2 is asked only for the names that begin with the typed text), and
 * the copy dialog's Tab completes a local folder that the copy then lands in.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, openFolder, see, serverEnv, type DemoRun } from './tui-helpers.js';

/** More names than one listing page (1,000), all sorting before `zebra/`. */
const FILLER = 1_100;

let base = '';
let server: TestServer | null = null;
let bucket = '';
const sessions: PtySession[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-marks-'));
  await mkdir(join(base, 'work', 'inbox'), { recursive: true });
  server = await startTestServer();
  const s = server;
  const b = await s.createBucket('marks');
  bucket = b.name;
  await s.upload(b.id, 'docs/readme.txt', 'read me\n');
  await s.upload(b.id, 'zebra/stripes.txt', 'black and white\n');
  const names = Array.from({ length: FILLER }, (_, i) => `a-${String(i).padStart(4, '0')}.txt`);
  // Put straight in the server's store: 1,100 uploads over HTTP cost about 3 CPU-s.
  for (const name of names) await s.emu.fixtures.putFile(bucket, name, Buffer.from(name));
}, 120_000);

afterAll(async () => {
  await killAll(sessions);
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

/** `b2c` signed in to the test server with the master key, in `work/`, its config in `config/`. */
function start(): DemoRun {
  if (server === null) throw new Error('not started');
  const s = spawnB2c([], { cwd: join(base, 'work'), env: serverEnv(server.emu, join(base, 'config')) });
  sessions.push(s);
  return { s, cwd: join(base, 'work'), close: () => Promise.resolve() };
}

it('B saves a B2 folder; after q the bookmark is in the config file, and b in a new run goes there', async () => {
  const first = start();
  await openFolder(first, bucket, 'docs');
  await see(first.s, 'readme.txt');
  first.s.write('B');
  await see(first.s, `Name for the bookmark of b2://${bucket}/docs/`);
  first.s.write(KEYS.enter);
  await see(first.s, 'Bookmarked "docs"');
  first.s.write('q');
  await first.s.exited;

  const file = join(base, 'config', 'config.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { bookmarks?: { name: string; place: unknown }[] };
  expect(saved.bookmarks).toEqual([
    { name: 'docs', place: expect.objectContaining({ kind: 'b2', bucket, prefix: 'docs/' }) as unknown },
  ]);
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  const second = start();
  await see(second.s, bucket);
  second.s.write('b');
  await see(second.s, 'Bookmarks', '> docs', `b2://${bucket}/docs/`);
  second.s.write(KEYS.enter);
  const there = await see(second.s, `b2://${bucket}/docs/`, 'readme.txt');
  expect(there).not.toContain('Bookmarks');
  second.s.write('q');
  await second.s.exited;
}, 90_000);

it('Tab completes a B2 folder past the first 1,000 names, and a local folder in the copy destination', async () => {
  const run = start();
  const { s } = run;
  await see(s, bucket);
  s.write(KEYS.f9);
  await see(s, 'Go to');
  s.write(`b2://${bucket}/zeb`);
  s.write(KEYS.tab);
  await see(s, `b2://${bucket}/zebra/`);
  s.write(KEYS.enter);
  await see(s, `b2://${bucket}/zebra/`, 'stripes.txt');

  await cursorTo(run, 'stripes.txt');
  s.write(KEYS.f5);
  await see(s, 'Copy stripes.txt');
  s.write(`\x15${join(base, 'work')}/in`);
  s.write(KEYS.tab);
  await see(s, `${join(base, 'work')}/inbox/`);
  s.write(KEYS.enter);
  await see(s, 'Copy: 1 of 1 file done');
  expect(await readFile(join(base, 'work', 'inbox', 'stripes.txt'), 'utf8')).toBe('black and white\n');
  s.write('q');
  await s.exited;
}, 90_000);
