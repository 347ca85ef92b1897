/**
 * The B2 download stream (download-stream.ts) over real HTTP: a dropped response is continued by
 * file ID from the byte where it broke off; a consumer that simply stops reading is not a stall;
 * cancelling mid-download ends the stream with CancelledError and leaves nothing on disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/providers/errors.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let bucket: string;
const log: string[] = [];
const put = (path: string, data: Buffer, partSize = MIN_PART) =>
  f.master.write(path, Readable.from([data], { objectMode: false }), {
    size: data.length,
    overwrite: true,
    sha1: sha1(data),
    partSize,
    partConcurrency: 2,
  });
const drain = async (s: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of s as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
};
const downloads = (): string[] => log.filter((l) => /^GET \/(file\/|b2api\/v\d\/b2_download_file_by_id)/.test(l));

beforeAll(async () => {
  f = await startB2({ log: (l) => log.push(l) });
  bucket = (await f.bucket('resume')).name;
});
beforeEach(() => {
  f.emu.setFaults({});
  log.length = 0;
});
afterAll(() => f.close());

describe('B2 download stream', () => {
  it('a response cut mid-body is continued by file ID with a byte range: bytes and SHA1 exact', async () => {
    const data = randomBytes(8 * MIN_PART + 99);
    await put(`/${bucket}/cut.bin`, data);
    log.length = 0;
    // Every by-name download is cut halfway; the continuation (by ID) is not.
    f.emu.setFaults({ seed: 3, dropConnectionRate: 1, only: ['b2_download_file_by_name'] });
    const h = await f.master.openRead(`/${bucket}/cut.bin`);
    expect(h.sha1).toBe(sha1(data));
    const back = await drain(h.stream);
    expect(back.length).toBe(data.length);
    expect(sha1(back)).toBe(sha1(data));
    const seen = downloads().map((l) => l.split(' ').slice(1, 3).join(' '));
    expect(seen[0]).toMatch(/^\/file\/\S+\/cut\.bin 200$/);
    expect(seen.slice(1)).toEqual(['/b2api/v4/b2_download_file_by_id 206']);
  });

  it('a consumer that stops reading for longer than the idle timeout is not a stall: one request', async () => {
    // 250 ms, not less: the server runs in this process, so a busy machine that holds the event loop
    // for a moment must not look like a silent server.
    const p: B2Provider = await f.connect(f.emu.masterKeyId, f.emu.masterKey, {
      retry: { baseDelayMs: 1, idleTimeoutMs: 250 },
    });
    // Far more than the stream's and the sockets' buffers, so the server really has to wait.
    const data = randomBytes(24 * 1024 * 1024);
    await put(`/${bucket}/slow.bin`, data, 4 * 1024 * 1024);
    log.length = 0;
    const h = await p.openRead(`/${bucket}/slow.bin`);
    const it = (h.stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    const first = await it.next();
    const parts: Buffer[] = first.done === true ? [] : [first.value];
    // Deliberately slow consumer (not synchronisation): 4 idle timeouts without reading.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let r = await it.next(); r.done !== true; r = await it.next()) parts.push(r.value);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect(downloads()).toHaveLength(1);
  });

  it('cancelling mid-download errors the stream with CancelledError; local.write leaves no file', async () => {
    const data = randomBytes(16 * 1024 * 1024);
    await put(`/${bucket}/cancel.bin`, data, 4 * 1024 * 1024);
    const dir = await mkdtemp(join(tmpdir(), 'b2c-dl-cancel-'));
    try {
      const ac = new AbortController();
      const h = await f.master.openRead(`/${bucket}/cancel.bin`, { signal: ac.signal });
      let written = 0;
      const writing = createLocalProvider().write(join(dir, 'cancel.bin'), h.stream, {
        size: h.size,
        signal: ac.signal,
        onProgress: (n) => {
          written += n;
          ac.abort();
        },
      });
      await expect(writing).rejects.toBeInstanceOf(CancelledError);
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(data.length);
      expect(h.stream.destroyed).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a signal aborted while the stream is idle ends it with CancelledError', async () => {
    const data = randomBytes(3 * MIN_PART);
    await put(`/${bucket}/idle-cancel.bin`, data);
    const ac = new AbortController();
    const h = await f.master.openRead(`/${bucket}/idle-cancel.bin`, { signal: ac.signal });
    const it = (h.stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    await it.next();
    ac.abort();
    await expect(it.next()).rejects.toBeInstanceOf(CancelledError);
  });

  it('an empty file and a one-byte range read exactly', async () => {
    await put(`/${bucket}/empty.bin`, Buffer.alloc(0));
    const e = await f.master.openRead(`/${bucket}/empty.bin`);
    expect(e.size).toBe(0);
    expect((await drain(e.stream)).length).toBe(0);
    const data = randomBytes(1_000);
    await put(`/${bucket}/range.bin`, data);
    const r = await f.master.openRead(`/${bucket}/range.bin`, { range: { start: 999, end: 999 } });
    expect((await drain(r.stream)).equals(data.subarray(999))).toBe(true);
  });
});
