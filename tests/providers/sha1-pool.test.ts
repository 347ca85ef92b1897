/**
 * SHA1 off the main thread (src/providers/sha1-pool.ts) and the one-pass whole + part hashes
 * (src/providers/b2/part-hashes.ts): every way bytes reach a worker gives Node's own SHA1, the ways
 * can be mixed in one hash, a file can be hashed by the worker reading it, and a producer that
 * runs ahead is held back. Real worker threads; nothing is mocked.
 */
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hashWholeAndParts } from '../../src/providers/b2/part-hashes.js';
import { createSha1, HIGH_WATER_BYTES, OFF_THREAD_MIN_BYTES, sha1Of } from '../../src/providers/sha1-pool.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';

const dir = useTempDirs('b2c-sha1-')();

/** Deterministic bytes that differ everywhere (a swapped piece changes the hash). */
function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.allocUnsafe(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const big = bytes(3 * 1024 * 1024 + 777);

describe('createSha1', () => {
  it('hashes small inputs inline and big ones in a worker, both as node:crypto does', async () => {
    for (const data of [Buffer.alloc(0), bytes(10), bytes(OFF_THREAD_MIN_BYTES - 1), big]) {
      const h = createSha1(data.length);
      for (let off = 0; off < data.length; off += 65_536) h.update(data.subarray(off, off + 65_536));
      expect(await h.digest()).toBe(sha1(data));
    }
  });

  it('mixes copied, given-away, shared and file bytes in order', async () => {
    const a = bytes(200_000, 2);
    const given = bytes(300_000, 3); // its own ArrayBuffer: transferred, not copied
    const givenCopy = Buffer.from(given);
    const shared = Buffer.from(new SharedArrayBuffer(400_000));
    bytes(400_000, 4).copy(shared);
    const fileBytes = bytes(1_500_000, 5);
    const path = join(dir, 'piece.bin');
    await writeFile(path, Buffer.concat([bytes(1000, 6), fileBytes]));
    const fh = await open(path, 'r');
    try {
      const h = createSha1(Infinity);
      h.update(a);
      h.giveAway(given);
      await h.updateShared(shared);
      await h.updateFromFile(fh.fd, 1000, fileBytes.length);
      expect(await h.digest()).toBe(sha1(Buffer.concat([a, givenCopy, shared, fileBytes])));
      expect(given.byteLength).toBe(0); // it really went to the worker
    } finally {
      await fh.close();
    }
  });

  it('a file shorter than asked fails the hash', async () => {
    const path = join(dir, 'short.bin');
    await writeFile(path, bytes(100));
    const fh = await open(path, 'r');
    try {
      const h = createSha1(Infinity);
      await expect(h.updateFromFile(fh.fd, 0, 1000)).rejects.toThrow(/ended early/);
    } finally {
      await fh.close();
    }
  });

  it('holds a producer that runs ahead: pending never grows past the high-water mark while it waits', async () => {
    const h = createSha1(Infinity);
    let peak = 0;
    for (let off = 0; off < big.length * 4; off += 65_536) {
      h.update(big.subarray(off % big.length, (off % big.length) + 65_536));
      peak = Math.max(peak, h.pending);
      if (h.pending > HIGH_WATER_BYTES) await h.drained();
    }
    expect(peak).toBeLessThanOrEqual(HIGH_WATER_BYTES + 65_536);
    await h.digest();
  });

  it('abandon forgets a hash; digest twice is refused', async () => {
    const gone = createSha1(Infinity);
    gone.update(big);
    gone.abandon();
    const h = createSha1(Infinity);
    h.update(big);
    expect(await h.digest()).toBe(sha1(big));
    await expect(h.digest()).rejects.toThrow(/already/);
  });

  it('sha1Of hashes a SharedArrayBuffer view in place and a plain buffer by copy', async () => {
    const shared = Buffer.from(new SharedArrayBuffer(big.length));
    big.copy(shared);
    expect(await sha1Of(shared)).toBe(sha1(big));
    expect(await sha1Of(big)).toBe(sha1(big));
    expect(await sha1Of(bytes(5))).toBe(sha1(bytes(5)));
  });
});

describe('hashWholeAndParts', () => {
  /** A stream of fresh chunks (as a file read gives), uneven sizes. */
  const chunks = (data: Buffer): Readable =>
    Readable.from(
      (function* () {
        for (let off = 0, n = 1; off < data.length; off += 70_000 + n * 13, n++)
          yield Buffer.from(data.subarray(off, off + 70_000 + n * 13));
      })(),
      { objectMode: false },
    );

  it('gives the SHA1 of the whole and of each part, the last part shorter', async () => {
    const partSize = 1_000_000;
    const got = await hashWholeAndParts(chunks(big), big.length, partSize, '/b/f');
    expect(got.whole).toBe(sha1(big));
    const want: string[] = [];
    for (let off = 0; off < big.length; off += partSize) want.push(sha1(big.subarray(off, off + partSize)));
    expect(got.parts).toEqual(want);
  });

  it('refuses a source of another size (IntegrityError)', async () => {
    await expect(hashWholeAndParts(chunks(big), big.length + 1, 1_000_000, '/b/f')).rejects.toMatchObject({
      kind: 'integrity',
    });
    await expect(hashWholeAndParts(chunks(big), big.length - 1, 1_000_000, '/b/f')).rejects.toMatchObject({
      kind: 'integrity',
    });
  });
});
