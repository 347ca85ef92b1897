/**
 * chunksOf (src/providers/chunk-iterator.ts): a stream's chunks one by one, never concatenated,
 * with the contract of the stream's own iterator — errors after the chunks already delivered,
 * a close before the end is an error, return() destroys, nothing is read before the first next()
 * — and a bounded read-ahead. Real node:stream Readables.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../src/providers/chunk-iterator.js';

const KiB = 1024;

/** A byte stream of `count` chunks of `size` bytes (chunk i filled with i), counting what it produced. */
function source(count: number, size: number): { stream: Readable; produced: () => number } {
  let i = 0;
  const stream = new Readable({
    highWaterMark: size,
    read() {
      if (i === count) this.push(null);
      else this.push(Buffer.alloc(size, i++));
    },
  });
  return { stream, produced: () => i };
}

async function all(it: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of it) out.push(c);
  return out;
}

describe('chunksOf', () => {
  it('yields every chunk as pushed, in order, none joined to another', async () => {
    const { stream } = source(50, 64 * KiB);
    // Let the stream buffer several chunks first: its own iterator would join them into one.
    await new Promise((resolve) => setImmediate(resolve));
    const chunks = await all(chunksOf(stream));
    expect(chunks.map((c) => [c.length, c[0]])).toEqual(Array.from({ length: 50 }, (_, i) => [64 * KiB, i]));
  });

  it('reads nothing before the first next(), so the stream can go to another reader', async () => {
    const { stream } = source(3, 1 * KiB);
    const unused = chunksOf(stream);
    expect(unused).toBeDefined();
    const chunks = await all(chunksOf(stream));
    expect(chunks.map((c) => c[0])).toEqual([0, 1, 2]);
  });

  it('reads ahead about its bound, not the whole stream', async () => {
    const { stream, produced } = source(1000, 64 * KiB);
    const it = chunksOf(stream, 256 * KiB);
    await it.next();
    // Give the stream every chance to run ahead.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(produced()).toBeLessThan(16);
    const rest = await all(it);
    expect(rest).toHaveLength(999);
  });

  it('delivers the chunks before an error, then rejects with it', async () => {
    const boom = new Error('boom');
    let n = 0;
    const stream = new Readable({
      read() {
        if (n < 2) this.push(Buffer.from([n++]));
        else this.destroy(boom);
      },
    });
    const it = chunksOf(stream);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const c of it) got.push(c[0] ?? -1);
      })(),
    ).rejects.toBe(boom);
    expect(got).toEqual([0, 1]);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('a stream that closes before its end is an error (premature close)', async () => {
    const stream = new Readable({ read() {} });
    const it = chunksOf(stream);
    const pending = it.next();
    stream.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('a stream already failed before iterating rejects at once', async () => {
    const stream = new Readable({ read() {} });
    stream.on('error', () => undefined);
    stream.destroy(new Error('early'));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(chunksOf(stream).next()).rejects.toThrow('early');
  });

  it('return() destroys a stream that has not ended', async () => {
    const { stream } = source(100, KiB);
    const it = chunksOf(stream);
    await it.next();
    await it.return?.();
    expect(stream.destroyed).toBe(true);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('an empty stream ends at once', async () => {
    expect(await all(chunksOf(Readable.from([])))).toEqual([]);
  });
});
