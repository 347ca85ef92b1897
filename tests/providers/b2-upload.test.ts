/**
 * B2 provider uploads over HTTP: the large-file API with tiny parts (bytes and SHA1 verified on
 * download, fileInfo as recorded on the server), part-size limits, and resuming an interrupted
 * large upload where only the missing parts are sent (checked with b2_list_parts).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError, TransientError } from '../../src/providers/errors.js';
import type { WriteOptions } from '../../src/providers/types.js';
import { MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let bucket: { name: string; id: string };

/** Uneven chunks, as a real file read would give. */
const source = (data: Buffer): Readable =>
  Readable.from(
    (function* () {
      for (let off = 0; off < data.length; off += 40_000) yield data.subarray(off, off + 40_000);
    })(),
    { objectMode: false },
  );
const readBack = async (path: string, fileId?: string): Promise<{ data: Buffer; sha1: string | null }> => {
  const h = await f.master.openRead(path, { fileId });
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return { data: Buffer.concat(chunks), sha1: h.sha1 };
};
const fileInfo = async (fileId: string) =>
  (
    await f.raw<{ contentSha1: string; contentType: string; fileInfo: Record<string, string> }>('b2_get_file_info', {
      fileId,
    })
  ).json;
type Part = { partNumber: number; contentSha1: string; uploadTimestamp: number };
const partsOf = async (fileId: string): Promise<Part[]> =>
  (await f.raw<{ parts: Part[] }>('b2_list_parts', { fileId, maxPartCount: 1000 })).json.parts;

beforeAll(async () => {
  f = await startB2();
  bucket = await f.bucket('up');
});
afterAll(() => f.close());

describe('large files', () => {
  it('tiny parts in parallel; bytes, SHA1, fileInfo and content type arrive intact', async () => {
    const data = randomBytes(16 * MIN_PART + 123);
    const path = `/${bucket.name}/big/movie.mp4`;
    let progress = 0;
    const e = await f.master.write(path, source(data), {
      size: data.length,
      sha1: sha1(data),
      mtimeMs: 1_234_567_890_123,
      partSize: MIN_PART,
      partConcurrency: 3,
      onProgress: (n) => (progress += n),
    });
    expect(progress).toBe(data.length);
    expect(e).toMatchObject({
      kind: 'file',
      size: data.length,
      sha1: sha1(data),
      mtimeMs: 1_234_567_890_123,
      contentType: 'video/mp4',
    });
    const info = await fileInfo(e.fileId ?? '');
    expect(info.contentSha1).toBe('none');
    expect(info.fileInfo).toMatchObject({
      large_file_sha1: sha1(data),
      src_last_modified_millis: '1234567890123',
      b2c_size: String(data.length),
      b2c_part_size: String(MIN_PART),
    });
    const back = await readBack(path);
    expect(back.sha1).toBe(sha1(data));
    expect(back.data.equals(data)).toBe(true);
  });

  it('without a SHA1 up front: no large_file_sha1, parts still verified, bytes intact', async () => {
    const data = randomBytes(3 * MIN_PART + 5);
    const path = `/${bucket.name}/big/nosha.bin`;
    const e = await f.master.write(path, source(data), { size: data.length, partSize: MIN_PART });
    expect((await fileInfo(e.fileId ?? '')).fileInfo.large_file_sha1).toBeUndefined();
    const back = await readBack(path);
    expect(back.sha1).toBeNull();
    expect(back.data.equals(data)).toBe(true);
  });

  it('a part size below absoluteMinimumPartSize is raised to it; small files go up in one call', async () => {
    const data = randomBytes(2 * MIN_PART + 1);
    const e = await f.master.write(`/${bucket.name}/big/clamped.bin`, source(data), {
      size: data.length,
      partSize: 1_000,
    });
    expect((await fileInfo(e.fileId ?? '')).fileInfo.b2c_part_size).toBe(String(MIN_PART));
    const small = randomBytes(MIN_PART);
    const s = await f.master.write(`/${bucket.name}/big/small.bin`, source(small), {
      size: small.length,
      partSize: MIN_PART,
    });
    expect((await fileInfo(s.fileId ?? '')).contentSha1).toBe(sha1(small));
  });

  it('a wrong SHA1 → IntegrityError, and the unfinished large file is cancelled', async () => {
    const data = randomBytes(3 * MIN_PART);
    const path = `/${bucket.name}/bad/wrong.bin`;
    await expect(
      f.master.write(path, source(data), { size: data.length, sha1: sha1(Buffer.from('x')), partSize: MIN_PART }),
    ).rejects.toBeInstanceOf(IntegrityError);
    expect(await f.master.unfinishedUploads(`/${bucket.name}/bad`)).toEqual([]);
  });
});

describe('progress', () => {
  it('counts bytes as the body goes out, slice by slice, not once the file is stored', async () => {
    const data = randomBytes(200_000);
    const deltas: number[] = [];
    await f.master.write(`/${bucket.name}/progress/small.bin`, source(data), {
      size: data.length,
      onProgress: (n) => deltas.push(n),
    });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((n) => n > 0 && n <= 64 * 1024)).toBe(true);
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(data.length);
  });

  it('a failed attempt takes its bytes back, so the count never passes the size and ends at it', async () => {
    f.emu.setFaults({
      seed: 3,
      uploadFailureRate: 0.5,
      retryAfterSeconds: 0,
      only: ['b2_upload_file', 'b2_upload_part'],
    });
    try {
      for (const [name, size] of [
        ['small.bin', 200_000],
        ['large.bin', 5 * MIN_PART],
      ] as const) {
        const data = randomBytes(size);
        const deltas: number[] = [];
        let sum = 0;
        let most = 0;
        await f.master.write(`/${bucket.name}/progress/retried-${name}`, source(data), {
          size,
          partSize: MIN_PART,
          partConcurrency: 2,
          onProgress: (n) => {
            deltas.push(n);
            sum += n;
            most = Math.max(most, sum);
          },
        });
        expect(
          deltas.some((n) => n < 0),
          name,
        ).toBe(true);
        expect(most).toBeLessThanOrEqual(size);
        expect(sum).toBe(size);
        expect((await readBack(`/${bucket.name}/progress/retried-${name}`)).data.equals(data)).toBe(true);
      }
    } finally {
      f.emu.setFaults({});
    }
  });
});

describe('resume', () => {
  it('continues an interrupted upload, sending only the parts that are missing', async () => {
    const data = randomBytes(10 * MIN_PART + 100);
    const path = `/${bucket.name}/resume/archive.tar`;
    const opts: WriteOptions = {
      size: data.length,
      mtimeMs: 1_700_000_000_000,
      sha1: sha1(data),
      partSize: MIN_PART,
      partConcurrency: 1,
    };

    // 1. Interrupted after four parts: with one part at a time, the fifth part's first bytes go
    // out only once the fourth is stored (progress counts bytes as they are sent).
    const ac = new AbortController();
    let sent = 0;
    const first = f.master.write(path, source(data), {
      ...opts,
      signal: ac.signal,
      onProgress: (n) => (sent += n) > 4 * MIN_PART && ac.abort(),
    });
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const [unfinished, ...others] = await f.master.unfinishedUploads(`/${bucket.name}/resume`);
    expect(others).toEqual([]);
    expect(unfinished).toMatchObject({ path, size: data.length, mtimeMs: 1_700_000_000_000, partSize: MIN_PART });
    expect(unfinished?.partsUploaded).toBeGreaterThanOrEqual(4);
    const before = await partsOf(unfinished?.fileId ?? '');
    const resumedAt = Date.now();

    // 2. Resume, but make the final b2_finish_large_file fail so the parts can be inspected.
    f.emu.setFaults({ only: ['b2_finish_large_file'], tooManyRequestsRate: 1, retryAfterSeconds: 3600 });
    await expect(f.master.write(path, source(data), { ...opts, resume: true })).rejects.toBeInstanceOf(TransientError);
    f.emu.setFaults({});
    const after = await partsOf(unfinished?.fileId ?? '');
    expect(after.map((p) => p.partNumber)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    for (const p of after) {
      const old = before.find((b) => b.partNumber === p.partNumber);
      if (old !== undefined) expect(p.uploadTimestamp).toBe(old.uploadTimestamp); // re-used, not sent again
      else expect(p.uploadTimestamp).toBeGreaterThanOrEqual(resumedAt); // sent by the resume
      expect(p.contentSha1).toBe(sha1(data.subarray((p.partNumber - 1) * MIN_PART, p.partNumber * MIN_PART)));
    }

    // 3. Resume again: every part is already there, so it just finishes.
    let progress = 0;
    const e = await f.master.write(path, source(data), { ...opts, resume: true, onProgress: (n) => (progress += n) });
    expect(progress).toBe(data.length);
    expect(e.fileId).toBe(unfinished?.fileId);
    expect(await f.master.unfinishedUploads(`/${bucket.name}/resume`)).toEqual([]);
    expect((await readBack(path)).data.equals(data)).toBe(true);
  });

  it('an unfinished upload whose source changed is not resumed, and is cancelled once the new upload started', async () => {
    const data = randomBytes(4 * MIN_PART);
    const path = `/${bucket.name}/resume2/x.bin`;
    const ac = new AbortController();
    const opts: WriteOptions = { size: data.length, mtimeMs: 1_000, partSize: MIN_PART, partConcurrency: 1 };
    let sent = 0;
    await expect(
      f.master.write(path, source(data), {
        ...opts,
        signal: ac.signal,
        onProgress: (n) => (sent += n) > MIN_PART && ac.abort(),
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    const [old] = await f.master.unfinishedUploads(path);
    expect(old?.partsUploaded).toBeGreaterThan(0);
    // Another tool's unfinished upload of the same name is none of b2c's business.
    const theirs = await f.raw<{ fileId: string }>('b2_start_large_file', {
      bucketId: bucket.id,
      fileName: 'resume2/x.bin',
      contentType: 'b2/x-auto',
      fileInfo: {},
    });
    const e = await f.master.write(path, source(data), { ...opts, mtimeMs: 2_000, resume: true });
    expect(e.fileId).not.toBe(old?.fileId);
    expect((await f.master.unfinishedUploads(path)).map((u) => u.fileId)).toEqual([theirs.json.fileId]);
    expect((await readBack(path)).data.equals(data)).toBe(true);
  });
});
