/**
 * Compare (c) and sync (C) in the file manager at 80×24 in a pty, against the built-in server
 * over real HTTP: the compare marks and footer counts of both panes, a dry run that sends nothing,
 * a sync local → B2 that uploads, replaces and hides, and a second sync with nothing to do (the
 * server gets no upload); and B2 → local, where hiding is greyed and delete removes.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, see } from './tui-helpers.js';

const T = 1_700_000_000_250;
let base = '';
let server: TestServer | null = null;
let tui: PtySession | null = null;
let bucket = { name: '', id: '' };

async function localFile(rel: string, data: string, mtimeMs: number): Promise<void> {
  const path = join(base, 'work', rel);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, data);
  await utimes(path, (mtimeMs + 0.0005) / 1000, (mtimeMs + 0.0005) / 1000);
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-sync-'));
  server = await startTestServer();
  bucket = await server.createBucket('sync');
  await server.upload(bucket.id, 'same.txt', 'same', { mtimeMs: T });
  await server.upload(bucket.id, 'changed.txt', 'old', { mtimeMs: T });
  await server.upload(bucket.id, 'old.txt', 'only on B2', { mtimeMs: T });
  await localFile('same.txt', 'same', T);
  await localFile('changed.txt', 'new content', T + 60_000);
  await localFile('a.txt', 'alpha', T);
  await localFile('sub/b.txt', 'beta', T);
});

afterEach(async () => {
  await killAll([tui]);
  tui = null;
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

/** Lines of the left and right pane lists (80 columns: 40 each, borders included). */
function paneRows(text: string, side: 'left' | 'right'): string[] {
  return text
    .split('\n')
    .slice(3, -5)
    .map((l) => (side === 'left' ? l.slice(0, 40) : l.slice(40)));
}

/** `name action` of every version in the bucket, newest first per name. */
async function versions(): Promise<string[]> {
  const r = await server?.api<{ files: Array<{ fileName: string; action: string }> }>('b2_list_file_versions', {
    bucketId: bucket.id,
    maxFileCount: 100,
  });
  return (r?.files ?? []).map((f) => `${f.fileName} ${f.action}`);
}

const uploadsAfter = (mark: number): string[] =>
  (server?.log ?? []).slice(mark).filter((l) => /b2_upload_file|b2_upload_part|b2_hide_file|b2_delete/.test(l));

/** Starts b2c on the server (80×24, no colour) with the bucket open in the right pane, which is active. */
async function startOnBucket(): Promise<PtySession> {
  if (!server) throw new Error('no server');
  const s = spawnB2c([], {
    cwd: join(base, 'work'),
    env: {
      B2_APPLICATION_KEY_ID: server.emu.masterKeyId,
      B2_APPLICATION_KEY: server.emu.masterKey,
      B2_ENDPOINT: server.endpoint,
      B2C_CONFIG_DIR: join(base, 'config'),
      NO_COLOR: '1',
    },
  });
  tui = s;
  await see(s, bucket.name);
  await cursorTo({ s, cwd: base, close: () => Promise.resolve() }, bucket.name);
  s.write(KEYS.enter);
  await s.waitFor((t) => paneRows(t, 'right').some((l) => l.includes('old.txt')));
  s.write(`/\x15${KEYS.enter}`);
  await s.waitFor((t) => !t.includes('filter "'));
  return s;
}

it('c marks both panes; C syncs local → B2 with hide; a second C has nothing to do', async () => {
  if (!server) throw new Error('no server');
  const s = await startOnBucket();
  s.write(KEYS.tab);

  // Compare: the marker column says it without colour; the footers count.
  s.write('c');
  const marked = await see(s, '2 only here · 1 newer · 1 same', '1 only here · 1 older · 1 same');
  const left = paneRows(marked, 'left').join('\n');
  const right = paneRows(marked, 'right').join('\n');
  expect(left).toMatch(/\+sub\//);
  expect(left).toMatch(/\+a\.txt/);
  expect(left).toMatch(/>changed\.txt/);
  expect(left).toMatch(/=same\.txt/);
  expect(right).toMatch(/\+old\.txt/);
  expect(right).toMatch(/<changed\.txt/);
  s.write('c');
  await see(s, '1 folder, 3 files, 20 B', '3 files, 17 B');

  // Dry run: the plan, then nothing sent.
  const mark = server.log.length;
  s.write('C');
  await see(s, 'Copy 2 (9 B) · replace 1 (11 B) · 1 only there, kept · 1 same', '+ a.txt', '~ changed.txt');
  s.write('d');
  await see(s, 'Sync (dry run)', 'Dry run on');
  s.write(KEYS.enter);
  await see(s, 'Dry run, nothing was changed. Would copy 2 (9 B), replace 1 (11 B), keep 0.');
  expect(uploadsAfter(mark)).toEqual([]);

  // The sync, hiding what only B2 has.
  s.write('C');
  await see(s, '1 only there, kept');
  s.write('r');
  await see(s, 'Only there: hide', 'hide 1 (10 B)', '- old.txt');
  s.write(KEYS.enter);
  await s.waitFor(
    (t) =>
      paneRows(t, 'right').some((l) => l.includes('a.txt')) && !paneRows(t, 'right').some((l) => l.includes('old.txt')),
  );
  await s.waitFor(() => uploadsAfter(mark).filter((l) => / 200 /.test(l)).length === 4);
  expect((await versions()).sort()).toEqual(
    [
      'a.txt upload',
      'changed.txt upload',
      'changed.txt upload',
      'old.txt hide',
      'old.txt upload',
      'same.txt upload',
      'sub/b.txt upload',
    ].sort(),
  );

  // Again: nothing to do, and the server gets no upload.
  const again = server.log.length;
  s.write('C');
  await see(s, 'Nothing to do: the other pane is like this one.');
  s.write(KEYS.enter);
  await see(s, 'Nothing to do: the other pane is like this one.');
  expect(uploadsAfter(again)).toEqual([]);
}, 60_000);

it('C from the B2 pane makes the local folder like it: hide is greyed there, delete removes', async () => {
  const s = await startOnBucket();
  s.write('C');
  await see(s, 'Make /', 'Copy 1 (10 B) · replace 1 (3 B) · 2 only there, kept · 1 same', '+ old.txt', '~ changed.txt');
  s.write('r');
  await see(s, 'Only there: hide', 'Not allowed: Only B2 files can be hidden.');
  s.write(KEYS.enter);
  await see(s, 'Only there: hide');
  s.write('r');
  await see(s, 'Only there: delete', 'delete 2 (9 B)', '- a.txt', '- sub/b.txt');
  s.write(KEYS.enter);
  await s.waitFor(
    (t) =>
      paneRows(t, 'left').some((l) => l.includes('old.txt')) && !paneRows(t, 'left').some((l) => l.includes('a.txt')),
  );
  expect(await readFile(join(base, 'work', 'changed.txt'), 'utf8')).toBe('old');
  expect(await readFile(join(base, 'work', 'old.txt'), 'utf8')).toBe('only on B2');
  expect(existsSync(join(base, 'work', 'sub', 'b.txt'))).toBe(false);
  expect(existsSync(join(base, 'work', 'a.txt'))).toBe(false);
  s.write('C');
  await see(s, 'Nothing to do: the other pane is like this one.');
}, 60_000);
