/**
 * Cancelling a large upload discards its unfinished large file on B2; pausing and quitting keep
 * it for a resume. Real B2 provider against the built-in server on 127.0.0.1, real local
 * provider in a temp dir. The source is held after a few parts (a gate released only by the
 * job's abort), so the upload is mid-way when the test acts, whatever the timing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider, ReadHandle } from '../../src/providers/types.js';
import { createTransferEngine, type TransferEngine } from '../../src/transfers/engine.js';
import type { JobView } from '../../src/transfers/types.js';
import { MIN_PART, startB2Server, uploadedParts, type B2Server } from './helpers/b2-server.js';
import { until } from './helpers/memory-provider.js';

let base = '';
let server: B2Server;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-xfer-cancel-'));
  server = await startB2Server();
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** Yields `limit` bytes of `inner`, then holds until `signal` aborts (then fails like a cut read). */
async function* heldAfter(inner: Readable, limit: number, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  let sent = 0;
  for await (const chunk of inner) {
    const buf = chunk as Buffer;
    if (sent + buf.length > limit) {
      const head = buf.subarray(0, limit - sent);
      if (head.length > 0) yield head;
      inner.destroy();
      await new Promise<void>((resolve) => {
        if (signal?.aborted === true) resolve();
        else signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      throw new Error('source held until the job stopped');
    }
    sent += buf.length;
    yield buf;
  }
}

/** The local provider, but the upload's read (the verified one) holds after `limit` bytes (the first `times` reads). */
function holdingLocal(limit: number, times = Infinity): Provider {
  const local = createLocalProvider();
  let held = 0;
  return Object.assign(Object.create(local) as Provider, {
    async openRead(path: string, options: Parameters<Provider['openRead']>[1]): Promise<ReadHandle> {
      const handle = await local.openRead(path, options);
      if (options?.verify !== true || held >= times) return handle; // the SHA1 pre-pass reads the whole file
      held++;
      return { ...handle, stream: Readable.from(heldAfter(handle.stream, limit, options.signal)) };
    },
  });
}

function makeEngine(local: Provider): { engine: TransferEngine; upload: () => JobView | undefined } {
  const engine = createTransferEngine({
    providers: (ref) => (ref === 'local' ? local : server.b2),
    concurrency: 1,
    partConcurrency: 1,
    partSize: MIN_PART,
    prehashMinBytes: MIN_PART,
  });
  const latest = new Map<string, JobView>();
  engine.on('job', (j) => latest.set(j.id, j));
  return { engine, upload: () => [...latest.values()].find((j) => j.kind === 'upload') };
}

async function largeFile(): Promise<string> {
  const file = join(base, 'large.bin');
  await writeFile(file, randomBytes(8 * MIN_PART + 99));
  return file;
}

const cancels = (): number => server.log.filter((l) => /b2_cancel_large_file 200 /.test(l)).length;

describe('cancelling a large upload to B2', () => {
  it('discards the unfinished large file: nothing visible, nothing unfinished', async () => {
    const file = await largeFile();
    const { engine, upload } = makeEngine(holdingLocal(3 * MIN_PART));
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 3, 'three parts on the server', 1_000_000);
    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toHaveLength(1);

    expect(engine.cancel(upload()?.id ?? '')).toBe(true);
    await engine.whenIdle();
    expect(upload()?.state).toBe('cancelled');
    // Without quitting: the discard runs on its own once the write has stopped.
    await until(() => cancels() === 1, 'b2_cancel_large_file', 1_000_000);

    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toEqual([]);
    await expect(server.b2.stat(`/${server.bucket}/large.bin`)).rejects.toBeInstanceOf(NotFoundError);
    expect(upload()?.note).toBe('Cancelled.');
    await engine.close();
  });

  it('cancelAll then quitting at once still discards (the CLI Ctrl+C path)', async () => {
    const file = await largeFile();
    const { engine, upload } = makeEngine(holdingLocal(2 * MIN_PART));
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 2, 'two parts on the server', 1_000_000);
    engine.cancelAll();
    await engine.whenIdle();
    await engine.close();
    expect(upload()?.state).toBe('cancelled');
    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toEqual([]);
  });

  it('pausing keeps it, and cancelling the paused job then discards it', async () => {
    const file = await largeFile();
    const { engine, upload } = makeEngine(holdingLocal(3 * MIN_PART));
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 3, 'three parts on the server', 1_000_000);
    expect(engine.pause(upload()?.id ?? '')).toBe(true);
    await engine.whenIdle();
    expect(upload()?.state).toBe('paused');
    const [kept] = await server.b2.unfinishedUploads(`/${server.bucket}`);
    expect(kept).toMatchObject({ path: `/${server.bucket}/large.bin`, partsUploaded: 3 });
    expect(cancels()).toBe(0);

    expect(engine.cancel(upload()?.id ?? '')).toBe(true);
    await engine.close();
    expect(upload()?.state).toBe('cancelled');
    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toEqual([]);
  });

  it('a retry right after the cancel uploads afresh and is not hit by the discard', async () => {
    const file = await largeFile();
    const { engine, upload } = makeEngine(holdingLocal(3 * MIN_PART, 1));
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 3, 'three parts on the server', 1_000_000);
    expect(engine.cancel(upload()?.id ?? '')).toBe(true);
    await engine.whenIdle();
    expect(engine.retry(upload()?.id ?? '')).toBe(true);
    await engine.whenIdle();
    expect(upload()).toMatchObject({ state: 'done', verified: 'sha1' });
    expect(cancels()).toBe(1);
    expect(await server.b2.unfinishedUploads(`/${server.bucket}`)).toEqual([]);
    expect((await server.b2.stat(`/${server.bucket}/large.bin`)).size).toBe(8 * MIN_PART + 99);
    await engine.close();
  });

  it('quitting keeps it for the next start', async () => {
    const file = await largeFile();
    const { engine, upload } = makeEngine(holdingLocal(3 * MIN_PART));
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: file, targetDir: `/${server.bucket}` }],
    });
    await until(() => uploadedParts(server.log) >= 3, 'three parts on the server', 1_000_000);
    await engine.close();
    expect(upload()?.state).toBe('queued');
    const left = await server.b2.unfinishedUploads(`/${server.bucket}`);
    expect(left.map((u) => u.path)).toEqual([`/${server.bucket}/large.bin`]);
    expect(cancels()).toBe(0);
  });
});
