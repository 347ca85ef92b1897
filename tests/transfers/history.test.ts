/**
 * The transfer history (issue 12, item 10): real transfers through the engine against the
 * built-in server are recorded in the history file (0600 in a 0700 folder) as they finish — done
 * and failed, with time, operation, source → target, bytes and reason — the file keeps only the
 * newest HISTORY_CAP entries, and a new engine (a restart) reads and adds to the same file.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { createTransferEngine } from '../../src/transfers/engine.js';
import { HISTORY_CAP, readHistoryFile, type HistoryEntry } from '../../src/transfers/history.js';
import { startB2Server, type B2Server } from './helpers/b2-server.js';

let base = '';
let server: B2Server;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-history-'));
  server = await startB2Server();
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** Uploads `names` from a local folder into the bucket with an engine that keeps `historyFile`. */
async function upload(historyFile: string, names: string[], extra: string[] = []): Promise<void> {
  const src = join(base, 'src');
  await mkdir(src, { recursive: true });
  for (const n of names) await writeFile(join(src, n), `bytes of ${n}`);
  const local = createLocalProvider();
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : server.b2),
    historyFile,
  });
  engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    items: [...names, ...extra].map((n) => ({ source: join(src, n), targetDir: `/${server.bucket}` })),
    conflict: 'overwrite',
  });
  await engine.whenIdle();
  await engine.close();
}

describe('transfer history', () => {
  it('records what a real upload did, done and failed, in a private file', async () => {
    const file = join(base, 'config', 'history.json');
    const before = Date.now();
    await upload(file, ['a.txt', 'b.txt'], ['missing.txt']);
    const entries = await readHistoryFile(file);
    const done = entries.filter((e) => e.result === 'done');
    expect(done.map((e) => e.target).sort()).toEqual([`b2://${server.bucket}/a.txt`, `b2://${server.bucket}/b.txt`]);
    const a = done.find((e) => e.target?.endsWith('/a.txt'));
    expect(a).toMatchObject({
      operation: 'copy',
      kind: 'upload',
      source: join(base, 'src', 'a.txt'),
      bytes: 'bytes of a.txt'.length,
      reason: null,
    });
    expect(a?.at).toBeGreaterThanOrEqual(before);
    // The server holds what the history says was uploaded.
    const listed = await server.raw<{ files: Array<{ fileName: string; contentLength: number }> }>(
      'b2_list_file_names',
      { bucketId: server.bucketId },
    );
    expect(listed.files.map((f) => f.fileName).sort()).toEqual(['a.txt', 'b.txt']);
    const failed = entries.filter((e) => e.result === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.source).toBe(join(base, 'src', 'missing.txt'));
    expect(failed[0]?.reason).toMatch(/no longer exists/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(base, 'config'))).mode & 0o777).toBe(0o700);
  });

  it('survives a restart: the next engine adds to the same file', async () => {
    const file = join(base, 'history.json');
    await upload(file, ['first.txt']);
    await upload(file, ['second.txt']);
    const targets = (await readHistoryFile(file)).map((e) => e.target);
    expect(targets).toEqual([`b2://${server.bucket}/first.txt`, `b2://${server.bucket}/second.txt`]);
  });

  it('keeps only the newest entries', async () => {
    const file = join(base, 'history.json');
    const old: HistoryEntry[] = Array.from({ length: HISTORY_CAP - 1 }, (_, i) => ({
      at: i,
      operation: 'copy',
      kind: 'upload',
      source: `/old/${i}`,
      target: null,
      bytes: i,
      result: 'done',
      reason: null,
    }));
    await writeFile(file, JSON.stringify({ version: 1, entries: old }), { mode: 0o600 });
    await upload(file, ['n1.txt', 'n2.txt', 'n3.txt']);
    const entries = await readHistoryFile(file);
    expect(entries).toHaveLength(HISTORY_CAP);
    // The two oldest made room; the newest three are the upload's.
    expect(entries[0]?.source).toBe('/old/2');
    expect(
      entries
        .slice(-3)
        .map((e) => e.target?.split('/').pop())
        .sort(),
    ).toEqual(['n1.txt', 'n2.txt', 'n3.txt']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });
});
