/**
 * Large uploads from a source that can be read again by range (WriteOptions.reopen, a local file;
 * src/providers/b2/upload-from-source.ts), over real HTTP against the built-in server: one pass
 * hashes the whole file and every part, then the parts are streamed from the file, many at once,
 * with no part held in memory. Checked on the server: `large_file_sha1`, the bytes, which parts
 * were sent; and a file that changes after the pass is refused by B2's own part check.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { partBufferMemory } from '../../src/providers/b2/part-splitter.js';
import type { ByteRange, Provider, WriteOptions } from '../../src/providers/types.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
let bucket: { name: string; id: string };
const dir = useTempDirs('b2c-upsrc-')();
const local: Provider = createLocalProvider();
const log: string[] = [];

/** Deterministic bytes (distinct everywhere). */
function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** A local file and its reopen, counting range reads (the first is the hash pass) and the most open at once. */
async function fileSource(
  name: string,
  data: Buffer,
): Promise<{
  path: string;
  reopen: NonNullable<WriteOptions['reopen']>;
  stats: { calls: number; open: number; peak: number };
}> {
  const path = join(dir, name);
  await writeFile(path, data);
  const stats = { calls: 0, open: 0, peak: 0 };
  const reopen = async (range: Required<ByteRange>, signal: AbortSignal): Promise<Readable> => {
    stats.calls++;
    const h = await local.openRead(path, { range, signal });
    stats.open++;
    stats.peak = Math.max(stats.peak, stats.open);
    h.stream.once('close', () => stats.open--);
    return h.stream;
  };
  return { path, reopen, stats };
}

const fileInfo = async (fileId: string) =>
  (await f.raw<{ fileInfo: Record<string, string> }>('b2_get_file_info', { fileId })).json.fileInfo;
const partRequests = (): number => log.filter((l) => /b2_upload_part\S* 200 /.test(l)).length;

async function readBack(path: string): Promise<Buffer> {
  const h = await f.master.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  f = await startB2({ log: (l) => log.push(l) });
  bucket = await f.bucket('src');
});
afterAll(async () => {
  await f.close();
});

describe('large uploads from a source read by range', () => {
  it('carry large_file_sha1, arrive intact, and hold no part in memory', async () => {
    const data = bytes(7 * MIN_PART + 999, 1);
    const src = await fileSource('a.bin', data);
    const source = (await local.openRead(src.path)).stream;
    const gaugeBefore = partBufferMemory().peakBytes;
    const e = await f.master.write(`/${bucket.name}/a.bin`, source, {
      size: data.length,
      mtimeMs: 1_700_000_000_000,
      partSize: MIN_PART,
      partConcurrency: 2,
      reopen: src.reopen,
    });
    expect(e).toMatchObject({ size: data.length, sha1: sha1(data) });
    expect(await fileInfo(e.fileId ?? '')).toMatchObject({
      large_file_sha1: sha1(data),
      b2c_size: String(data.length),
      b2c_part_size: String(MIN_PART),
    });
    expect(sha1(await readBack(`/${bucket.name}/a.bin`))).toBe(sha1(data));
    // One pass for the hashes, then one read per part; `source` itself was never read.
    expect(src.stats.calls).toBe(1 + 8);
    expect(source.destroyed).toBe(true);
    expect(partBufferMemory().peakBytes).toBe(gaugeBefore);
  });

  it('send more parts at once than partConcurrency when partsInFlight allows it', async () => {
    const data = bytes(12 * MIN_PART, 2);
    const src = await fileSource('b.bin', data);
    const e = await f.master.write(`/${bucket.name}/b.bin`, (await local.openRead(src.path)).stream, {
      size: data.length,
      partSize: MIN_PART,
      partConcurrency: 1,
      partsInFlight: () => 6,
      reopen: src.reopen,
    });
    expect(e.sha1).toBe(sha1(data));
    expect(src.stats.peak).toBeGreaterThan(1);
  });

  it('a file that changes after the hash pass is refused by B2, and nothing becomes visible', async () => {
    const data = bytes(4 * MIN_PART, 3);
    const src = await fileSource('c.bin', data);
    let changed = false;
    const reopen: NonNullable<WriteOptions['reopen']> = async (range, signal) => {
      if (src.stats.calls === 1 && !changed) {
        changed = true; // after the pass, before the first part is read
        await writeFile(src.path, bytes(data.length, 99));
      }
      return src.reopen(range, signal);
    };
    await expect(
      f.master.write(`/${bucket.name}/c.bin`, (await local.openRead(src.path)).stream, {
        size: data.length,
        partSize: MIN_PART,
        partConcurrency: 2,
        reopen,
      }),
    ).rejects.toMatchObject({
      kind: 'integrity',
      message: expect.stringContaining('changed while it was being uploaded') as string,
    });
    // Its parts mix two versions of the file: the unfinished large file is cancelled.
    expect(await f.master.unfinishedUploads(`/${bucket.name}/c.bin`)).toEqual([]);
    await expect(f.master.stat(`/${bucket.name}/c.bin`)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a SHA1 the caller knows that the source does not have: IntegrityError before anything starts', async () => {
    const data = bytes(3 * MIN_PART, 4);
    const src = await fileSource('d.bin', data);
    await expect(
      f.master.write(`/${bucket.name}/d.bin`, (await local.openRead(src.path)).stream, {
        size: data.length,
        sha1: sha1(Buffer.from('x')),
        partSize: MIN_PART,
        reopen: src.reopen,
      }),
    ).rejects.toMatchObject({ kind: 'integrity' });
    expect(await f.master.unfinishedUploads(`/${bucket.name}/d.bin`)).toEqual([]);
  });

  it('resumes an interrupted upload: only the missing parts are read and sent again', async () => {
    const data = bytes(6 * MIN_PART + 10, 5);
    const src = await fileSource('e.bin', data);
    const path = `/${bucket.name}/e.bin`;
    const c = new AbortController();
    let sent = 0;
    const first = f.master.write(path, (await local.openRead(src.path)).stream, {
      size: data.length,
      mtimeMs: 1_600_000_000_000,
      partSize: MIN_PART,
      partConcurrency: 1,
      reopen: src.reopen,
      resume: true,
      signal: c.signal,
      onProgress: (n) => {
        sent += n;
        // Progress counts a part's bytes as they go out; one part at a time, so the first byte
        // past two parts is the third part's, sent once the first two are stored.
        if (sent > 2 * MIN_PART) c.abort();
      },
    });
    await expect(first).rejects.toMatchObject({ kind: 'cancelled' });
    const [unfinished] = await f.master.unfinishedUploads(path);
    expect(unfinished?.partsUploaded).toBe(2);
    const before = partRequests();
    src.stats.calls = 0;
    const e = await f.master.write(path, (await local.openRead(src.path)).stream, {
      size: data.length,
      mtimeMs: 1_600_000_000_000,
      partSize: MIN_PART,
      partConcurrency: 1,
      reopen: src.reopen,
      resume: true,
    });
    expect(e.fileId).toBe(unfinished?.fileId);
    expect(partRequests() - before).toBe(5);
    expect(src.stats.calls).toBe(1 + 5);
    expect(sha1(await readBack(path))).toBe(sha1(data));
  });

  it("counts bytes as sent and takes a failed attempt's bytes back: the total never passes the size", async () => {
    const data = bytes(5 * MIN_PART + 3, 9);
    const src = await fileSource('g.bin', data);
    // Connections dropped in the middle of part bodies, so some parts are sent twice.
    f.emu.setFaults({ seed: 3, dropConnectionRate: 0.4 });
    let total = 0;
    let peak = 0;
    let takenBack = 0;
    try {
      await f.master.write(`/${bucket.name}/g.bin`, (await local.openRead(src.path)).stream, {
        size: data.length,
        partSize: MIN_PART,
        partConcurrency: 2,
        reopen: src.reopen,
        onProgress: (n) => {
          if (n < 0) takenBack += -n;
          total += n;
          peak = Math.max(peak, total);
        },
      });
    } finally {
      f.emu.setFaults({});
    }
    expect(takenBack).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(data.length);
    expect(total).toBe(data.length);
    expect(sha1(await readBack(`/${bucket.name}/g.bin`))).toBe(sha1(data));
  });
});
