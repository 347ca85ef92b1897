/**
 * What a local file offers a big upload beyond its stream (ReadHandle.hashParts and readRange;
 * src/providers/local/file-hashes.ts, range-reader.ts): its whole and part SHA1s computed by the
 * hashing threads reading the file themselves, and byte ranges read into memory the caller lends.
 * What must hold: the same SHA1s a plain hash gives, the exact bytes of a range, and a file that
 * changed or a cancelled read reported as such, never hashed or sent as if nothing happened.
 */
import { appendFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider, ReadHandle } from '../../src/providers/types.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';

const dir = useTempDirs('b2c-source-ranges-')();
const PART = 1024 * 1024;
let local: Provider;
let data: Buffer;

beforeAll(async () => {
  local = createLocalProvider();
  // Three whole parts and a short fourth: big enough for the hashing threads (≥ 1 MiB).
  data = Buffer.alloc(3 * PART + 12_345);
  for (let i = 0; i + 4 <= data.length; i += 4) data.writeUInt32BE((i * 2654435761) >>> 0, i);
  await writeFile(join(dir, 'src.bin'), data);
});

async function opened(name = 'src.bin'): Promise<ReadHandle> {
  const h = await local.openRead(join(dir, name));
  h.stream.destroy();
  return h;
}

describe('a local file hashed whole and in parts by the hashing threads', () => {
  it('gives the SHA1 of the whole and of every part, the last one short', async () => {
    const h = await opened();
    const hashes = await h.hashParts!(PART);
    expect(hashes.whole).toBe(sha1(data));
    expect(hashes.parts).toEqual([0, 1, 2, 3].map((i) => sha1(data.subarray(i * PART, (i + 1) * PART))));
  });

  it('a file that changed size since it was opened: IntegrityError, not a SHA1 of other bytes', async () => {
    const name = 'grows.bin';
    await writeFile(join(dir, name), data);
    const h = await opened(name);
    await appendFile(join(dir, name), 'more');
    await expect(h.hashParts!(PART)).rejects.toBeInstanceOf(IntegrityError);
    await truncate(join(dir, name), data.length - 5);
    await expect(h.hashParts!(PART)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('cancelled: CancelledError', async () => {
    const h = await opened();
    const stop = new AbortController();
    stop.abort();
    await expect(h.hashParts!(PART, stop.signal)).rejects.toBeInstanceOf(CancelledError);
  });

  it('only a read of the whole file offers it (and readRange)', async () => {
    const h = await local.openRead(join(dir, 'src.bin'), { range: { start: 0, end: 99 } });
    h.stream.destroy();
    expect(h.hashParts).toBeUndefined();
    expect(h.readRange).toBeUndefined();
  });
});

describe('a byte range read into lent memory', () => {
  it('the exact bytes, however small the memory, then 0 at the end of the range', async () => {
    const h = await opened();
    const range = { start: 1000, end: 2 * PART + 77 };
    const reader = await h.readRange!(range, new AbortController().signal);
    const memory = Buffer.alloc(100_000);
    const got: Buffer[] = [];
    for (let n = await reader.read(memory); n > 0; n = await reader.read(memory))
      got.push(Buffer.from(memory.subarray(0, n)));
    await reader.close();
    expect(Buffer.concat(got).equals(data.subarray(range.start, range.end + 1))).toBe(true);
  });

  it('a range past the end of a file that shrank stops where the file ends', async () => {
    const name = 'shrinks.bin';
    await writeFile(join(dir, name), data);
    const h = await opened(name);
    await truncate(join(dir, name), 5000);
    const reader = await h.readRange!({ start: 4000, end: 9999 }, new AbortController().signal);
    const memory = Buffer.alloc(PART);
    expect(await reader.read(memory)).toBe(1000);
    expect(await reader.read(memory)).toBe(0);
    await reader.close();
  });

  it('cancelled or closed: no more reads', async () => {
    const h = await opened();
    const stop = new AbortController();
    const reader = await h.readRange!({ start: 0, end: data.length - 1 }, stop.signal);
    const memory = Buffer.alloc(1000);
    expect(await reader.read(memory)).toBe(1000);
    stop.abort();
    await expect(reader.read(memory)).rejects.toBeInstanceOf(CancelledError);
    await reader.close();
    await reader.close();
  });
});
