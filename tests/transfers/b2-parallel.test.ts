/**
 * Big files through the engine and the built-in B2 server, the way `b2c cp` and F5 move them:
 * an upload from local disk is hashed in one pass and its parts streamed from the file; a big
 * download from a server whose connections are slow (the server's simulated link, 20 MB/s per
 * connection) comes in parallel byte ranges of the same version, written in place and verified
 * by SHA1 as written — also when connections drop mid-range. The server's request log shows how.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { RANGED_MIN_BYTES } from '../../src/providers/local/ranged-write.js';
import { createTransferEngine, type TransferEngine } from '../../src/transfers/engine.js';
import type { JobView } from '../../src/transfers/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import { sha1 } from '../support/hash.js';
import { startTestServer } from '../support/server.js';
import { useTempDirs } from '../support/temp-dirs.js';

const MIN_PART = 64 * 1024;

/** The server behind a slow link, a provider for it, a bucket and the request log. */
interface Server {
  emu: RunningEmulator;
  b2: B2Provider;
  bucket: string;
  log: string[];
  close(): Promise<void>;
}

async function startSlowServer(): Promise<Server> {
  const server = await startTestServer({
    recommendedPartSize: 4 * MIN_PART,
    absoluteMinimumPartSize: MIN_PART,
    bandwidth: 20_000_000,
  });
  const bucket = await server.createBucket('par');
  return {
    emu: server.emu,
    b2: await server.connect(),
    bucket: bucket.name,
    log: server.log,
    close: () => server.close(),
  };
}

let server: Server;
const base = useTempDirs('b2c-parallel-')();
let data: Buffer;
/** Download requests (by name and by ID) of one clean download of big.bin. */
let cleanRequests = 0;
/** Part uploads of one clean upload of big.bin. */
let cleanParts = 0;

beforeAll(async () => {
  server = await startSlowServer();
  data = Buffer.alloc(RANGED_MIN_BYTES + 5 * 1024 * 1024 + 777);
  for (let i = 0; i + 4 <= data.length; i += 4) data.writeUInt32BE((i * 2654435761) >>> 0, i);
  await writeFile(join(base, 'big.bin'), data);
});
afterAll(async () => {
  await server.close();
});

/** Copies `source` into `targetDir` (overwriting) and waits until the engine is idle. */
async function copyAndWait(
  e: TransferEngine,
  from: 'local' | 'b2',
  to: 'local' | 'b2',
  source: string,
  targetDir: string,
): Promise<void> {
  e.submit({ operation: 'copy', from, to, conflict: 'overwrite', items: [{ source, targetDir }] });
  await e.whenIdle();
}

function engine(): { engine: TransferEngine; jobs: () => JobView[] } {
  const local = createLocalProvider();
  const e = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : server.b2),
    concurrency: 2,
    partConcurrency: 4,
    partSize: 16 * MIN_PART * 16, // 16 MiB parts: a few of them
    prehashMinBytes: MIN_PART,
    retryBaseMs: 5,
  });
  const latest = new Map<string, JobView>();
  e.on('job', (j) => latest.set(j.id, j));
  return { engine: e, jobs: () => [...latest.values()] };
}

const count = (pattern: RegExp, from: number): number => server.log.slice(from).filter((l) => pattern.test(l)).length;

describe('big files through the engine', () => {
  it('up: one pass hashes it (large_file_sha1), the parts go up from the file; down: parallel ranges, verified', async () => {
    const { engine: e, jobs } = engine();
    const upMark = server.log.length;
    await copyAndWait(e, 'local', 'b2', join(base, 'big.bin'), `/${server.bucket}`);
    cleanParts = count(/b2_upload_part\//, upMark);
    expect(cleanParts).toBeGreaterThan(1);
    const up = jobs().find((j) => j.kind === 'upload');
    expect([up?.state, up?.verified]).toEqual(['done', 'sha1']);
    const entry = await server.b2.stat(`/${server.bucket}/big.bin`);
    expect(entry.info?.large_file_sha1).toBe(sha1(data));

    const mark = server.log.length;
    const dl = join(base, 'dl');
    await copyAndWait(e, 'b2', 'local', `/${server.bucket}/big.bin`, dl);
    const down = jobs().find((j) => j.kind === 'download');
    expect([down?.state, down?.verified]).toEqual(['done', 'sha1']);
    expect(sha1(await readFile(join(dl, 'big.bin')))).toBe(sha1(data));
    // The first range by name, the rest of that same version by file ID, several of them.
    expect(count(/GET \/file\//, mark)).toBe(1);
    expect(count(/b2_download_file_by_id/, mark)).toBeGreaterThanOrEqual(2);
    cleanRequests = count(/GET \/file\/|b2_download_file_by_id/, mark);
    expect(await readdir(dl)).toEqual(['big.bin']);
    await e.close();
  });

  it('up with connections dropped mid-part: each part is read from the file again, the stored file is intact', async () => {
    const { engine: e, jobs } = engine();
    server.emu.setFaults({ seed: 4, dropConnectionRate: 0.3, only: ['b2_upload_part'] });
    const mark = server.log.length;
    try {
      await copyAndWait(e, 'local', 'b2', join(base, 'big.bin'), `/${server.bucket}/faults`);
    } finally {
      server.emu.setFaults({});
      await e.close();
    }
    expect(
      jobs()
        .filter((j) => j.kind === 'upload')
        .map((j) => [j.state, j.verified]),
    ).toEqual([['done', 'sha1']]);
    const stored = await server.b2.openRead(`/${server.bucket}/faults/big.bin`);
    const chunks: Buffer[] = [];
    for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
    expect(sha1(Buffer.concat(chunks))).toBe(sha1(data));
    expect(stored.sha1).toBe(sha1(data));
    // Parts did fail: more part requests than a clean upload makes (a failed part sent again).
    expect(count(/b2_upload_part\//, mark)).toBeGreaterThan(cleanParts);
  });

  it('down with connections dropped mid-range: each range resumes, the file is intact', async () => {
    const { engine: e, jobs } = engine();
    server.emu.setFaults({
      seed: 5,
      dropConnectionRate: 0.3,
      only: ['b2_download_file_by_id', 'b2_download_file_by_name'],
    });
    const mark = server.log.length;
    try {
      const dl = join(base, 'dl-faults');
      await copyAndWait(e, 'b2', 'local', `/${server.bucket}/big.bin`, dl);
      expect(
        jobs()
          .filter((j) => j.kind === 'download')
          .map((j) => [j.state, j.verified]),
      ).toEqual([['done', 'sha1']]);
      expect(sha1(await readFile(join(dl, 'big.bin')))).toBe(sha1(data));
      expect(await readdir(dl)).toEqual(['big.bin']);
      // Connections did drop: more requests than a clean download makes (the rest of a range asked again).
      expect(count(/GET \/file\/|b2_download_file_by_id/, mark)).toBeGreaterThan(cleanRequests);
    } finally {
      server.emu.setFaults({});
      await e.close();
    }
    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toEqual([]);
  });
});
