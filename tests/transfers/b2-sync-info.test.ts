/**
 * What every upload carries for other tools (docs/b2-api.md §4.5): `src_last_modified_millis`
 * (the source's mtime in whole ms) on every file, and `large_file_sha1` on every large file —
 * with the engine as the TUI configures it (no prehash threshold of its own), on a server whose
 * smallest part is under B2's 5 MB, where a file between one part (here 256 KiB, the recommended
 * size) and 5 MB becomes a large file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { createTransferEngine } from '../../src/transfers/engine.js';
import { sha1 } from '../support/hash.js';
import { MIN_PART, startB2Server, type B2Server } from './helpers/b2-server.js';

let server: B2Server;
let dir = '';
beforeAll(async () => {
  server = await startB2Server();
  dir = await mkdtemp(join(tmpdir(), 'b2c-sync-info-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

it('small and large uploads carry src_last_modified_millis; the large one large_file_sha1', async () => {
  const small = randomBytes(1000);
  const large = randomBytes(9 * MIN_PART + 17);
  const mtime = 1_700_000_000_123;
  for (const [name, data] of [
    ['small.bin', small],
    ['large.bin', large],
  ] as const) {
    await writeFile(join(dir, name), data);
    await utimes(join(dir, name), (mtime + 0.0005) / 1000, (mtime + 0.0005) / 1000);
  }
  const local = createLocalProvider();
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : server.b2),
    concurrency: 2,
    partConcurrency: 2,
  });
  engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    conflict: 'overwrite',
    items: ['small.bin', 'large.bin'].map((name) => ({ source: join(dir, name), targetDir: `/${server.bucket}` })),
  });
  await engine.whenIdle();
  await engine.close();
  const r = await server.raw<{
    files: Array<{ fileName: string; contentSha1: string; fileInfo: Record<string, string> }>;
  }>('b2_list_file_names', { bucketId: server.bucketId, maxFileCount: 10 });
  const byName = new Map(r.files.map((f) => [f.fileName, f]));
  expect(byName.get('small.bin')?.fileInfo.src_last_modified_millis).toBe(String(mtime));
  expect(byName.get('small.bin')?.contentSha1).toBe(sha1(small));
  expect(byName.get('large.bin')?.contentSha1).toBe('none');
  expect(byName.get('large.bin')?.fileInfo).toMatchObject({
    src_last_modified_millis: String(mtime),
    large_file_sha1: sha1(large),
  });
});
