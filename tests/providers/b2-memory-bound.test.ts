/**
 * The large-upload memory bound over real HTTP (built-in server): at most `concurrency` part
 * buffers, each reused for later parts, and the bytes that arrive are exact even when parts are
 * retried after dropped connections (a retry re-sends the buffer it holds).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B2Session } from '../../src/providers/b2/session.js';
import { uploadLarge, type PartBufferStats } from '../../src/providers/b2/upload-large.js';
import { UploadUrlPool } from '../../src/providers/b2/upload-url-pool.js';
import { partBufferMemory } from '../../src/providers/b2/part-splitter.js';
import { DEFAULT_RETRY } from '../../src/providers/b2/retry.js';
import { FAST_RETRY, MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let bucket: { name: string; id: string };
let session: B2Session;
const log: string[] = [];

/** Uneven chunks, as a file read would give. */
const source = (data: Buffer): Readable =>
  Readable.from(
    (function* () {
      for (let off = 0; off < data.length; off += 40_000) yield data.subarray(off, off + 40_000);
    })(),
    { objectMode: false },
  );

async function upload(key: string, data: Buffer, concurrency: number): Promise<PartBufferStats> {
  let stats: PartBufferStats | null = null;
  const pool = new UploadUrlPool(session);
  await uploadLarge(session, pool, {
    bucket,
    key,
    path: `/${bucket.name}/${key}`,
    source: source(data),
    size: data.length,
    partSize: MIN_PART,
    concurrency,
    contentType: 'application/octet-stream',
    info: { large_file_sha1: sha1(data) },
    expectedSha1: sha1(data),
    onPartBuffers: (s) => (stats = s),
  });
  if (stats === null) throw new Error('onPartBuffers was not called');
  return stats;
}

async function download(key: string): Promise<Buffer> {
  const h = await f.master.openRead(`/${bucket.name}/${key}`);
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  f = await startB2({ log: (l) => log.push(l) });
  bucket = await f.bucket('bound');
  session = await B2Session.open({
    endpoint: f.emu.endpoint,
    applicationKeyId: f.emu.masterKeyId,
    applicationKey: f.emu.masterKey,
    userAgent: 'b2c-test',
    policy: { ...DEFAULT_RETRY, ...FAST_RETRY },
  });
});
afterAll(() => f.close());

describe('large uploads hold at most concurrency × partSize of parts', () => {
  it('12 parts through 3 slots use exactly 3 part buffers; the file arrives intact', async () => {
    const data = randomBytes(11 * MIN_PART + 4_321);
    const live = partBufferMemory().liveBytes;
    const stats = await upload('twelve.bin', data, 3);
    expect(stats).toEqual({ partSize: MIN_PART, allocated: 3, peakInFlight: 3 });
    expect(partBufferMemory().liveBytes).toBe(live); // let go when the upload is over
    const back = await download('twelve.bin');
    expect(sha1(back)).toBe(sha1(data));
  });

  it('with one slot, one buffer serves every part', async () => {
    const data = randomBytes(4 * MIN_PART + 1);
    expect(await upload('serial.bin', data, 1)).toEqual({ partSize: MIN_PART, allocated: 1, peakInFlight: 1 });
    expect((await download('serial.bin')).equals(data)).toBe(true);
  });

  it('parts retried after dropped connections and 503s still arrive exact, within the bound', async () => {
    log.length = 0;
    f.emu.setFaults({
      seed: 21,
      dropConnectionRate: 0.3,
      uploadFailureRate: 0.2,
      retryAfterSeconds: 0,
      only: ['b2_upload_part'],
    });
    const data = randomBytes(9 * MIN_PART + 77);
    let stats: PartBufferStats;
    try {
      stats = await upload('faulty.bin', data, 4);
    } finally {
      f.emu.setFaults({});
    }
    // The faults really happened: some part uploads were refused and sent again.
    expect(log.filter((l) => / \/b2api\/v\d\/b2_upload_part\/\S+ 503 /.test(l)).length).toBeGreaterThan(0);
    expect(stats.allocated).toBeLessThanOrEqual(4);
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
    expect(sha1(await download('faulty.bin'))).toBe(sha1(data));
  });
});

describe('buffering uploads together stay within partConcurrency × partSize', () => {
  it('three large uploads from streams at once never hold more part buffers than one is allowed', async () => {
    const p = await f.connect(f.emu.masterKeyId, f.emu.masterKey, { partSize: MIN_PART, partConcurrency: 2 });
    const files = [0, 1, 2].map(() => randomBytes(6 * MIN_PART + 99));
    // The gauge's peak is process-wide (earlier tests held more): sample what is held now. Without
    // the shared bound, the three would hold 6 part buffers for most of their run.
    const base = partBufferMemory().liveBytes;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, partBufferMemory().liveBytes - base)), 1);
    try {
      await Promise.all(
        files.map((data, i) =>
          p.write(`/${bucket.name}/together-${i}.bin`, source(data), {
            size: data.length,
            sha1: sha1(data),
            overwrite: true,
          }),
        ),
      );
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2 * MIN_PART);
    for (const [i, data] of files.entries()) expect(sha1(await download(`together-${i}.bin`))).toBe(sha1(data));
    await p.close();
  });
});
