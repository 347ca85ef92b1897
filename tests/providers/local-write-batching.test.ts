/**
 * Local writes batch chunks into few write calls with one in flight, and start background
 * datasyncs on big files (src/providers/local/write.ts). What a user sees must not change: exact
 * bytes, progress adding up to the size, and nothing left behind when the source fails or the
 * write is cancelled while a batch is being written.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError, TransientError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';
import { sha1 } from '../support/hash.js';

let dir = '';
let local: Provider;

/** `count` chunks of `size` bytes with distinct contents (chunk i is filled with i and its index). */
function chunk(i: number, size: number): Buffer {
  const b = Buffer.alloc(size, i & 0xff);
  b.writeUInt32BE(i, 0);
  return b;
}
function chunks(count: number, size: number, failAt = -1): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        if (i === failAt) throw new Error('the source broke');
        yield chunk(i, size);
      }
    })(),
    { objectMode: false },
  );
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-batch-'));
  local = createLocalProvider();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('batched local writes', () => {
  it('40 MiB in 64 KiB chunks (several batches, a background datasync): exact bytes and progress', async () => {
    const count = 640;
    const size = 64 * 1024;
    const expected = createHash('sha1');
    for (let i = 0; i < count; i++) expected.update(chunk(i, size));
    let progress = 0;
    const calls: number[] = [];
    const entry = await local.write(join(dir, 'big.bin'), chunks(count, size), {
      size: count * size,
      sha1: expected.copy().digest('hex'),
      onProgress: (n) => {
        progress += n;
        calls.push(n);
      },
    });
    expect(entry.size).toBe(count * size);
    expect(sha1(await readFile(join(dir, 'big.bin')))).toBe(expected.digest('hex'));
    expect(progress).toBe(count * size);
    // Progress comes per written batch, not per chunk, and never more than a batch at a time.
    expect(calls.length).toBeLessThan(count);
    expect(Math.max(...calls)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(await readdir(dir)).toEqual(['big.bin']);
  });

  it('100,000 one-byte chunks arrive in order', async () => {
    const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff));
    const src = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i++) yield data.subarray(i, i + 1);
      })(),
      { objectMode: false },
    );
    await local.write(join(dir, 'tiny.bin'), src, { size: data.length });
    expect((await readFile(join(dir, 'tiny.bin'))).equals(data)).toBe(true);
  });

  it('a source that breaks while a batch is being written: TransientError, no file, no temp', async () => {
    const err = await local.write(join(dir, 'broken.bin'), chunks(200, 64 * 1024, 150), { size: 200 * 64 * 1024 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransientError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('too many bytes fail before the excess is written; nothing is left', async () => {
    await expect(
      local.write(join(dir, 'over.bin'), chunks(100, 64 * 1024), { size: 100 * 64 * 1024 - 1 }),
    ).rejects.toBeInstanceOf(IntegrityError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cancelled after the first batch is written: CancelledError, nothing left', async () => {
    const ac = new AbortController();
    const writing = local.write(join(dir, 'cancel.bin'), chunks(1_000, 64 * 1024), {
      size: 1_000 * 64 * 1024,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expect(writing).rejects.toBeInstanceOf(CancelledError);
    expect(await readdir(dir)).toEqual([]);
  });
});
