/**
 * Big local writes in parallel byte ranges (WriteOptions.reopen; src/providers/local/ranged-write.ts),
 * the way a big B2 download is written: here the ranges come from a real source file through the
 * local provider, and the first connection (`source`) is paced like a distant server's, so the
 * write goes parallel; from a fast one it carries on alone. What a user sees: exact bytes,
 * progress adding up, ranges really in parallel (and more of them when `partsInFlight` rises),
 * the whole file checked against its SHA1 as written, and nothing left behind — no target, no
 * temp file — when the SHA1 differs, a range fails or the write is cancelled.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { RANGED_MIN_BYTES } from '../../src/providers/local/ranged-write.js';
import type { ByteRange, Provider, WriteOptions } from '../../src/providers/types.js';
import { sha1 } from '../support/hash.js';
import { useTempDirs } from '../support/temp-dirs.js';

const dir = useTempDirs('b2c-ranged-')();
let local: Provider;
let data: Buffer;
let srcPath = '';

beforeAll(async () => {
  local = createLocalProvider();
  // A little over the threshold, and not a whole number of ranges: the last range is short.
  data = Buffer.alloc(RANGED_MIN_BYTES + 3 * 1024 * 1024 + 12_345);
  for (let i = 0; i + 4 <= data.length; i += 4) data.writeUInt32BE(i >>> 2, i);
  srcPath = join(dir, 'source.bin');
  await writeFile(srcPath, data);
});

/** The source file by range, counting the ranges asked for and the most read at once. */
function rangedSource(
  fail?: { at: number },
  slow = false,
): {
  reopen: NonNullable<WriteOptions['reopen']>;
  stats: { calls: number; open: number; peak: number; ranges: Array<Required<ByteRange>> };
} {
  const stats = { calls: 0, open: 0, peak: 0, ranges: [] as Array<Required<ByteRange>> };
  const reopen = async (range: Required<ByteRange>, signal: AbortSignal): Promise<Readable> => {
    stats.calls++;
    stats.ranges.push(range);
    if (fail !== undefined && stats.calls === fail.at) throw new Error('the range request failed');
    const h = await local.openRead(srcPath, { range, signal });
    stats.open++;
    stats.peak = Math.max(stats.peak, stats.open);
    const stream = slow ? paced(h.stream) : h.stream;
    stream.once('close', () => stats.open--);
    return stream;
  };
  return { reopen, stats };
}

/** The source file as a distant server sends it: at most 20 MB/s. */
async function slowSource(): Promise<Readable> {
  return paced((await local.openRead(srcPath)).stream);
}

/** `stream` at 20 MB/s: slow enough that ranges overlap however fast the machine is. */
function paced(stream: Readable): Readable {
  let due = performance.now();
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      due = Math.max(due, performance.now()) + chunk.length / 20_000;
      setTimeout(() => done(null, chunk), due - performance.now());
    },
  });
  stream.on('error', (e) => out.destroy(e));
  out.once('close', () => stream.destroy());
  return stream.pipe(out);
}

async function leftovers(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((n) => n !== 'source.bin');
}

describe('local write in parallel ranges', () => {
  it('writes the exact bytes from several ranges at once, with progress adding up', async () => {
    const out = join(dir, 'ok', 'copy.bin');
    const { reopen, stats } = rangedSource();
    let progress = 0;
    const source = await slowSource();
    const entry = await local.write(out, source, {
      size: data.length,
      sha1: sha1(data),
      partConcurrency: 4,
      reopen,
      onProgress: (n) => (progress += n),
    });
    expect(sha1(await readFile(out))).toBe(sha1(data));
    expect([entry.size, entry.sha1, progress]).toEqual([data.length, sha1(data), data.length]);
    // The first range comes from `source`; the others were asked for, several at once.
    expect(stats.calls).toBeGreaterThanOrEqual(3);
    expect(stats.peak).toBeGreaterThan(1);
    expect(stats.ranges.every((r) => r.start > 0)).toBe(true);
  });

  it('from a first connection as fast as the local disk: still in ranges (more connections carry more), the bytes intact', async () => {
    const out = join(dir, 'fast.bin');
    const { reopen, stats } = rangedSource();
    const entry = await local.write(out, (await local.openRead(srcPath)).stream, {
      size: data.length,
      sha1: sha1(data),
      partConcurrency: 4,
      reopen,
    });
    expect(entry.sha1).toBe(sha1(data));
    expect(sha1(await readFile(out))).toBe(sha1(data));
    expect(stats.calls).toBeGreaterThanOrEqual(3);
    expect(stats.ranges.every((r) => r.start > 0)).toBe(true);
  });

  it('more ranges at once when partsInFlight rises during the write', async () => {
    const out = join(dir, 'grow.bin');
    // Ranges read as slowly as the main stream, so the ones running overlap with the ones added.
    const { reopen, stats } = rangedSource(undefined, true);
    let limit = 2;
    const source = await slowSource();
    await local.write(out, source, {
      size: data.length,
      sha1: sha1(data),
      reopen,
      partsInFlight: () => limit,
      onProgress: () => (limit = 6),
    });
    expect(sha1(await readFile(out))).toBe(sha1(data));
    expect(stats.peak).toBeGreaterThan(2);
  });

  it('a SHA1 that does not match: IntegrityError, no target, no temp file', async () => {
    const sub = join(dir, 'bad');
    const { reopen } = rangedSource();
    const source = await slowSource();
    await expect(
      local.write(join(sub, 'copy.bin'), source, {
        size: data.length,
        sha1: sha1(Buffer.from('other')),
        partConcurrency: 4,
        reopen,
      }),
    ).rejects.toMatchObject({ kind: 'integrity' });
    expect(await leftovers(sub)).toEqual([]);
  });

  it('a range that fails fails the write, and nothing is left', async () => {
    const sub = join(dir, 'fail');
    const { reopen } = rangedSource({ at: 2 });
    const source = await slowSource();
    await expect(
      local.write(join(sub, 'copy.bin'), source, { size: data.length, sha1: sha1(data), partConcurrency: 4, reopen }),
    ).rejects.toThrow();
    expect(await leftovers(sub)).toEqual([]);
  });

  it('cancelled while ranges run: CancelledError, nothing left', async () => {
    const sub = join(dir, 'cancel');
    const { reopen } = rangedSource();
    const c = new AbortController();
    const source = await slowSource();
    const write = local.write(join(sub, 'copy.bin'), source, {
      size: data.length,
      sha1: sha1(data),
      partConcurrency: 4,
      reopen,
      signal: c.signal,
      onProgress: () => c.abort(),
    });
    await expect(write).rejects.toMatchObject({ kind: 'cancelled' });
    expect(await leftovers(sub)).toEqual([]);
  });

  it('small files, one range allowed or no SHA1 to check: written in order from `source` alone', async () => {
    const { reopen, stats } = rangedSource();
    const small = data.subarray(0, 1_000_000);
    const smallPath = join(dir, 'small-src.bin');
    await writeFile(smallPath, small);
    await local.write(join(dir, 'small.bin'), (await local.openRead(smallPath)).stream, {
      size: small.length,
      sha1: sha1(small),
      partConcurrency: 4,
      reopen,
    });
    await local.write(join(dir, 'one.bin'), (await local.openRead(srcPath)).stream, {
      size: data.length,
      sha1: sha1(data),
      partConcurrency: 1,
      reopen,
    });
    await local.write(join(dir, 'nosha.bin'), (await local.openRead(srcPath)).stream, {
      size: data.length,
      partConcurrency: 4,
      reopen,
    });
    expect(stats.calls).toBe(0);
    expect(sha1(await readFile(join(dir, 'one.bin')))).toBe(sha1(data));
  });
});
