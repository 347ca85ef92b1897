/**
 * The engine against the built-in B2 server over real HTTP on 127.0.0.1, with the real B2
 * provider (backblaze-b2 underneath) and the real local provider in temp dirs. Faults: 503 on
 * uploads, 429 with Retry-After, expired tokens, connections dropped mid-body.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultOptions } from '../../src/emulator/index.js';
import { connectB2 } from '../../src/providers/b2/index.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';
import { createTransferEngine, type TransferEngine } from '../../src/transfers/engine.js';
import type { EngineOptions } from '../../src/transfers/options.js';
import type { JobView } from '../../src/transfers/types.js';
import { MIN_PART, partsOf, startB2Server, unfinished, uploadedParts, type B2Server } from './helpers/b2-server.js';
import { tree } from './helpers/disk-tree.js';
import { until } from './helpers/memory-provider.js';
import { sha1 } from '../support/hash.js';

const FAULTS: FaultOptions = {
  seed: 11,
  uploadFailureRate: 0.2,
  tooManyRequestsRate: 0.05,
  retryAfterSeconds: 0,
  expireTokenRate: 0.03,
  dropConnectionRate: 0.1,
};

let base = '';
let server: B2Server;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-xfer-b2-'));
  server = await startB2Server();
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

function makeEngine(
  b2: Provider,
  extra: Partial<EngineOptions> = {},
): { engine: TransferEngine; jobs: () => JobView[]; failures: JobView[] } {
  const local = createLocalProvider();
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : b2),
    concurrency: 3,
    partConcurrency: 2,
    partSize: MIN_PART,
    prehashMinBytes: MIN_PART,
    retryBaseMs: 5,
    ...extra,
  });
  const latest = new Map<string, JobView>();
  const failures: JobView[] = [];
  engine.on('job', (j) => {
    latest.set(j.id, j);
    if (j.state === 'failed') failures.push(j);
  });
  return { engine, jobs: () => [...latest.values()], failures };
}

/** Waits for the engine, retrying failed jobs by hand (as a user would) a few rounds. */
async function finish(engine: TransferEngine, rounds = 4): Promise<void> {
  await engine.whenIdle();
  for (let i = 0; i < rounds && engine.retryFailed() > 0; i++) await engine.whenIdle();
}

async function makeTree(): Promise<{ dir: string; files: Record<string, Buffer> }> {
  const dir = join(base, 'src');
  const files: Record<string, Buffer> = {
    'a.txt': Buffer.from('hello b2\n'),
    'docs/report.pdf': randomBytes(50_000),
    'docs/deep/notes ünï.txt': randomBytes(3_000),
    'big.bin': randomBytes(5 * MIN_PART + 1234),
    'zero.dat': Buffer.alloc(0),
  };
  // Enough upload calls (about 30) that the seeded 503 rate meets some of them whatever the
  // order: which call draws which number depends on timing between concurrent jobs.
  for (let i = 0; i < 20; i++) files[`many/f${String(i).padStart(2, '0')}.txt`] = randomBytes(1_000 + i);
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), data);
  }
  await mkdir(join(dir, 'empty'));
  return { dir, files };
}

describe('engine ↔ built-in B2 server', () => {
  it('uploads and downloads a tree under injected faults: every file arrives with the right SHA1, nothing partial stays', async () => {
    const { dir, files } = await makeTree();
    const { engine, jobs, failures } = makeEngine(server.b2);
    server.emu.setFaults(FAULTS);
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: dir, targetDir: `/${server.bucket}` }],
    });
    await finish(engine);
    // Failures along the way were reported as retryable, with a sentence.
    for (const f of failures)
      expect(f.failure).toMatchObject({ retryable: true, message: expect.any(String) as string });
    expect(
      jobs()
        .filter((j) => j.kind === 'upload')
        .map((j) => j.state),
    ).toEqual(Object.keys(files).map(() => 'done'));

    // The faults really happened (the server's own request log says so).
    // Which call meets which seeded fault depends on timing between concurrent jobs, so assert on
    // the fault kind that is all but certain with this many uploads (503) and on the total.
    const statuses = server.log.map((l) => l.split(' ')[2]);
    expect(statuses).toContain('503');
    expect(statuses.filter((s) => s === '401' || s === '429' || s === '503').length).toBeGreaterThanOrEqual(3);
    server.emu.setFaults({});
    for (const [rel, data] of Object.entries(files)) {
      const entry = await server.b2.stat(`/${server.bucket}/src/${rel}`);
      expect([rel, entry.size, entry.sha1]).toEqual([rel, data.length, sha1(data)]);
    }
    expect((await server.b2.stat(`/${server.bucket}/src/empty`)).kind).toBe('dir');
    expect(await unfinished(server)).toEqual([]);

    server.emu.setFaults({ ...FAULTS, seed: 12 });
    const dl = join(base, 'dl');
    engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'ask',
      items: [{ source: `/${server.bucket}/src`, targetDir: dl }],
    });
    await finish(engine);
    expect(await tree(join(dl, 'src'))).toEqual(await tree(dir));
    const downloads = jobs().filter((j) => j.kind === 'download');
    expect(downloads.map((j) => [j.state, j.verified])).toEqual(Object.keys(files).map(() => ['done', 'sha1']));
    await engine.close();
  });

  it('reports failures the provider could not absorb as retryable, and a retry completes them', async () => {
    const src = join(base, 'flaky');
    await mkdir(src);
    const files = Array.from({ length: 12 }, (_, i) => randomBytes(5_000 + i));
    for (const [i, d] of files.entries()) await writeFile(join(src, `f${i}`), d);
    // A small file is read in one piece (whole-body 503/drops); a provider with few retries gives up.
    const b2 = await connectB2({
      applicationKeyId: server.emu.masterKeyId,
      applicationKey: server.emu.masterKey,
      endpoint: server.emu.endpoint,
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1, maxUploadAttempts: 1 },
    });
    const { engine, jobs, failures } = makeEngine(b2, { autoRetries: 0 });
    server.emu.setFaults({ seed: 5, uploadFailureRate: 0.5, dropConnectionRate: 0.3, only: ['b2_upload_file'] });
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: src, targetDir: `/${server.bucket}` }],
    });
    await engine.whenIdle();
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures)
      expect(f.failure).toMatchObject({
        kind: 'transient',
        retryable: true,
        message: 'B2 was busy or the connection dropped; it can be retried.',
      });
    server.emu.setFaults({});
    expect(engine.retryFailed()).toBe(failures.length);
    await engine.whenIdle();
    expect(
      jobs()
        .filter((j) => j.kind === 'upload')
        .map((j) => j.state),
    ).toEqual(files.map(() => 'done'));
    for (const [i, d] of files.entries())
      expect((await server.b2.stat(`/${server.bucket}/flaky/f${i}`)).sha1).toBe(sha1(d));
    await engine.close();
    await b2.close();
  });

  it('keeps going when every token expires mid-run', async () => {
    const src = join(base, 'many');
    await mkdir(src);
    for (let i = 0; i < 8; i++) await writeFile(join(src, `f${i}`), randomBytes(2_000 + i));
    const { engine, jobs } = makeEngine(server.b2, { concurrency: 2 });
    let expired = false;
    engine.on('job', (j) => {
      if (!expired && j.state === 'done' && j.kind === 'upload') {
        expired = true;
        server.emu.expireAllTokens();
      }
    });
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: src, targetDir: `/${server.bucket}` }],
    });
    await engine.whenIdle();
    expect(expired).toBe(true);
    expect(jobs().filter((j) => j.kind === 'upload' && j.state === 'done')).toHaveLength(8);
    await engine.close();
  });

  it('refuses hostile B2 names on download: nothing is written outside (or inside) for them', async () => {
    const hostile = [
      'd/../../escape.txt',
      'd/..\\..\\escape2.txt',
      'd/C:escape3.txt',
      '/rooted.txt',
      'd/sub/../../../escape4.txt',
    ];
    const put = (key: string, text: string): Promise<unknown> =>
      server.b2.write(`/${server.bucket}/${key}`, Readable.from([Buffer.from(text)]), { size: text.length });
    for (const key of hostile) await put(key, 'pwned');
    await put('d/good.txt', 'good');
    const dl = join(base, 'inner', 'dl');
    await mkdir(dl, { recursive: true });
    const { engine, jobs } = makeEngine(server.b2);
    engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'ask',
      items: [{ source: `/${server.bucket}`, targetDir: dl }],
    });
    await engine.whenIdle();
    // The whole temp area: only the good file exists anywhere.
    const everything = Object.keys(await tree(base)).filter((k) => !k.endsWith('/'));
    expect(everything).toEqual([`inner/dl/${server.bucket}/d/good.txt`]);
    const refused = jobs().filter((j) => j.failure?.kind === 'invalid-name');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(
      refused.every(
        (j) => j.state === 'failed' && j.failure?.message === 'The name cannot be used here; nothing was written.',
      ),
    ).toBe(true);
    await engine.close();
  });

  it('a paused large upload resumes from the parts already on the server', async () => {
    const file = join(base, 'large.bin');
    const data = randomBytes(24 * MIN_PART + 99);
    await writeFile(file, data);
    const totalParts = 25;
    const { engine, jobs } = makeEngine(server.b2, { partConcurrency: 1 });
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 5, 'five parts on the server', 1_000_000);
    const upload = jobs().find((j) => j.kind === 'upload');
    expect(engine.pause(upload?.id ?? '')).toBe(true);
    await engine.whenIdle();
    expect(jobs().find((j) => j.kind === 'upload')?.state).toBe('paused');

    const [pending] = await unfinished(server);
    expect(pending?.fileName).toBe('large.bin');
    const onServer = await partsOf(server, pending?.fileId ?? '');
    expect(onServer.length).toBeGreaterThanOrEqual(5);
    const before = uploadedParts(server.log);

    engine.resume(upload?.id ?? '');
    await engine.whenIdle();
    expect(jobs().find((j) => j.kind === 'upload')).toMatchObject({ state: 'done', verified: 'sha1' });
    // Only the missing parts went up again.
    expect(uploadedParts(server.log) - before).toBe(totalParts - onServer.length);
    expect(await unfinished(server)).toEqual([]);
    expect((await server.b2.stat(`/${server.bucket}/large.bin`)).sha1).toBe(sha1(data));
    await engine.close();
  });
});
