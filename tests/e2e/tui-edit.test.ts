/**
 * F4 on a B2 file (issue 12, item 1), the built binary in a pty against the built-in server, with
 * an EDITOR script: the change is uploaded as a new version with the new bytes; the temp copy
 * was private (0600 in a 0700 folder) and is gone afterwards; when the file changed on B2 while it
 * was edited, b2c asks first (overwrite / keep both / discard). An SSE-C file: without
 * B2C_SSE_C_KEY, F3 and F4 say why they cannot read it; with it, F3 shows it, F4 saves the edit as
 * an SSE-C version under the same key, and F5 copies it to the local disk.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { until } from '../support/poll.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { KEYS, spawnB2c, type PtySession } from './pty-harness.js';
import { killAll, cursorTo, openFolder, see, serverEnv } from './tui-helpers.js';

let base = '';
let server: TestServer | null = null;
let bucket = { name: '', id: '' };
const sessions: PtySession[] = [];

/**
 * The editor: records the file it got and the modes of the file and its folder, waits for
 * `go` when asked to, then appends a line.
 */
const EDITOR_SCRIPT = `#!/bin/sh
dir=$(dirname "$1")
echo "$1 $(stat -c %a "$1") $(stat -c %a "$dir")" > "$EDIT_LOG"
if [ -n "$EDIT_WAIT" ]; then
  while [ ! -f "$EDIT_WAIT" ]; do sleep 0.05; done
fi
printf 'edited by the script\\n' >> "$1"
`;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-e2e-edit-'));
  await mkdir(join(base, 'work'));
  await writeFile(join(base, 'editor.sh'), EDITOR_SCRIPT);
  await chmod(join(base, 'editor.sh'), 0o755);
  server = await startTestServer();
  bucket = await server.createBucket('edit');
});

afterAll(async () => {
  await killAll(sessions);
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

/** Starts b2c on the server with the editor script and puts the cursor on `name` in the bucket. */
async function openOn(name: string, extraEnv: Record<string, string> = {}): Promise<PtySession> {
  if (server === null) throw new Error('not started');
  const emu = server.emu;
  const s = spawnB2c([], {
    cwd: join(base, 'work'),
    env: {
      ...serverEnv(emu, join(base, 'config')),
      VISUAL: undefined,
      EDITOR: join(base, 'editor.sh'),
      EDIT_LOG: join(base, 'edit.log'),
      ...extraEnv,
    },
  });
  sessions.push(s);
  const run = { s, cwd: base, close: () => Promise.resolve() };
  await openFolder(run, bucket.name);
  await see(s, name);
  await cursorTo(run, name);
  return s;
}

async function newest(name: string): Promise<{ data: string; versions: number }> {
  if (server === null) throw new Error('not started');
  const p = await server.connect();
  const h = await p.openRead(`/${bucket.name}/${name}`);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  let versions = 0;
  for await (const page of p.versions?.(`/${bucket.name}/${name}`) ?? []) versions += page.length;
  return { data: Buffer.concat(chunks).toString(), versions };
}

it('F4 edits a B2 file in $EDITOR and uploads the change as a new version; the private temp copy is removed', async () => {
  if (server === null) throw new Error('not started');
  await server.upload(bucket.id, 'notes.txt', 'first line\n');
  const s = await openOn('notes.txt');
  s.write(KEYS.f4);
  await see(s, 'Saved the edit');
  // Back on the alternate screen with the panes.
  await s.waitFor((t) => s.isAltScreen() && t.includes('notes.txt') && t.includes('10Quit'));
  expect(await newest('notes.txt')).toEqual({ data: 'first line\nedited by the script\n', versions: 2 });
  const [file, fileMode, dirMode] = (await readFile(join(base, 'edit.log'), 'utf8')).trim().split(' ');
  expect([fileMode, dirMode]).toEqual(['600', '700']);
  await until(() => !existsSync(file ?? '/'), 'the temp copy to be removed');
  s.write(KEYS.f10);
}, 90_000);

it('when the B2 file changed during the edit, F4 asks; overwrite keeps the other change as an older version', async () => {
  if (server === null) throw new Error('not started');
  const srv = server;
  await srv.upload(bucket.id, 'shared.txt', 'v1\n');
  const go = join(base, 'go');
  const s = await openOn('shared.txt', { EDIT_WAIT: go });
  await rm(join(base, 'edit.log'), { force: true });
  s.write(KEYS.f4);
  await until(() => existsSync(join(base, 'edit.log')), 'the editor to start');
  // Someone else uploads a version while the editor is open.
  await srv.upload(bucket.id, 'shared.txt', 'v2 from elsewhere\n');
  await writeFile(go, '');
  await see(s, 'Changed while you edited', 'Overwrite', 'Keep both', 'Discard the edit');
  expect((await newest('shared.txt')).data).toBe('v2 from elsewhere\n');
  s.write(KEYS.enter);
  await see(s, 'Saved the edit');
  expect(await newest('shared.txt')).toEqual({ data: 'v1\nedited by the script\n', versions: 3 });
  const file = (await readFile(join(base, 'edit.log'), 'utf8')).split(' ')[0] ?? '/';
  await until(() => !existsSync(file), 'the temp copy to be removed');
  s.write(KEYS.f10);
}, 90_000);

it('an SSE-C file: refused without B2C_SSE_C_KEY; with it F3 shows it, F4 saves an SSE-C version, F5 copies it', async () => {
  if (server === null) throw new Error('not started');
  const srv = server;
  const key = randomBytes(32);
  const keyHeaders = {
    'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
    'X-Bz-Server-Side-Encryption-Customer-Key': key.toString('base64'),
    'X-Bz-Server-Side-Encryption-Customer-Key-Md5': createHash('md5').update(key).digest('base64'),
  };
  await srv.upload(bucket.id, 'sealed.txt', 'secret line\n', { headers: keyHeaders });

  const without = await openOn('sealed.txt');
  without.write(KEYS.f3);
  await see(without, 'sealed.txt is encrypted with a customer key (SSE-C): set B2C_SSE_C_KEY');
  without.write(KEYS.f10);
  await without.exited;

  const s = await openOn('sealed.txt', { B2C_SSE_C_KEY: key.toString('base64') });
  s.write(KEYS.f3);
  await see(s, `b2://${bucket.name}/sealed.txt`, 'secret line');
  s.write('q');
  await s.waitFor((t) => t.includes('10Quit'));
  s.write(KEYS.f4);
  await see(s, 'Saved the edit');
  const versions = await srv.api<{ files: { fileName: string; serverSideEncryption?: { mode?: string } }[] }>(
    'b2_list_file_versions',
    { bucketId: bucket.id, startFileName: 'sealed.txt', maxFileCount: 10 },
  );
  const sealed = versions.files.filter((f) => f.fileName === 'sealed.txt');
  expect(sealed.map((f) => f.serverSideEncryption?.mode)).toEqual(['SSE-C', 'SSE-C']);
  const p = await srv.connect(undefined, undefined, { encryption: { customerKey: key } });
  const h = await p.openRead(`/${bucket.name}/sealed.txt`);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe('secret line\nedited by the script\n');

  s.write(KEYS.f5);
  await see(s, 'Copy sealed.txt');
  s.write(KEYS.enter);
  await see(s, 'Copy: 1 of 1 file done');
  expect(await readFile(join(base, 'work', 'sealed.txt'), 'utf8')).toBe('secret line\nedited by the script\n');
  s.write(KEYS.f10);
}, 90_000);
