/**
 * PartSplitter (src/providers/b2/part-splitter.ts): parts built in reused buffers, never more than
 * `maxParts` of them, bytes exact across reuse, and the source read only as parts are asked for.
 * splitIntoParts: exact part sizes across uneven chunks.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PartSplitter, partBufferMemory, splitIntoParts } from '../../../src/providers/b2/part-splitter.js';
import { randomData, sha1, sourceOf } from '../contract/helpers.js';

/** A source that yields `data` in `chunk`-byte pieces and counts how many it gave out. */
function countingSource(
  data: Buffer,
  chunk: number,
): { source: AsyncIterable<Buffer>; pulled: () => number; closed: () => boolean } {
  let pulled = 0;
  let closed = false;
  async function* gen(): AsyncGenerator<Buffer> {
    try {
      for (let off = 0; off < data.length; off += chunk) {
        await Promise.resolve(); // a real source answers later
        pulled++;
        yield data.subarray(off, off + chunk);
      }
    } finally {
      closed = true;
    }
  }
  return { source: gen(), pulled: () => pulled, closed: () => closed };
}

describe('PartSplitter', () => {
  it('holds at most maxParts buffers while a consumer keeps up to that many parts; bytes exact through reuse', async () => {
    const data = randomData(25 * 1_000 + 123);
    const { source } = countingSource(data, 777);
    const splitter = new PartSplitter(source, 1_000, 3);
    const held: Buffer[] = [];
    const out: Buffer[] = [];
    for (let part = await splitter.next(); part !== null; part = await splitter.next()) {
      held.push(part);
      if (held.length === 3) {
        // Release the middle one first: any order must work. Copy before release (the buffer is reused).
        const [done] = held.splice(1, 1);
        out.push(Buffer.from(done ?? Buffer.alloc(0)));
        splitter.release(done ?? Buffer.alloc(0));
      }
      expect(splitter.outstanding).toBeLessThanOrEqual(3);
    }
    // Parts were released out of order, so compare as a multiset of parts, then as a whole.
    for (const p of held) out.push(Buffer.from(p));
    expect(out.map((b) => b.length).reduce((a, b) => a + b, 0)).toBe(data.length);
    expect(splitter.allocated).toBe(3);
    expect(splitter.peakOutstanding).toBe(3);
    const expected = new Set(Array.from({ length: 26 }, (_, i) => sha1(data.subarray(i * 1_000, (i + 1) * 1_000))));
    expect(new Set(out.map(sha1))).toEqual(expected);
  });

  it('the process-wide gauge counts part buffers while a splitter holds them, and lets go at close', async () => {
    const before = partBufferMemory().liveBytes;
    const splitter = new PartSplitter(countingSource(randomData(10_000), 500).source, 2_000, 2);
    const a = await splitter.next();
    const b = await splitter.next();
    expect(partBufferMemory().liveBytes - before).toBe(4_000);
    splitter.release(a ?? Buffer.alloc(0));
    await splitter.next(); // reuses a's buffer: nothing new
    expect(partBufferMemory().liveBytes - before).toBe(4_000);
    expect(partBufferMemory().peakBytes).toBeGreaterThanOrEqual(before + 4_000);
    await splitter.close();
    splitter.release(b ?? Buffer.alloc(0)); // after close: ignored
    expect(partBufferMemory().liveBytes).toBe(before);
  });

  it('parts come out in order, exactly partSize long except the last', async () => {
    const data = randomData(10_500);
    const splitter = new PartSplitter(countingSource(data, 333).source, 2_000, 1);
    const parts: Buffer[] = [];
    for (let part = await splitter.next(); part !== null; part = await splitter.next()) {
      parts.push(Buffer.from(part));
      splitter.release(part);
    }
    expect(parts.map((p) => p.length)).toEqual([2_000, 2_000, 2_000, 2_000, 2_000, 500]);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect(splitter.allocated).toBe(1);
  });

  it('asking for one more part than maxParts without releasing is refused', async () => {
    const splitter = new PartSplitter(countingSource(randomData(5_000), 1_000).source, 1_000, 2);
    expect(await splitter.next()).not.toBeNull();
    expect(await splitter.next()).not.toBeNull();
    await expect(splitter.next()).rejects.toThrow(/release one/);
    expect(splitter.allocated).toBe(2);
  });

  it('reads the source only as far as the part asked for (plus the chunk that crosses its end)', async () => {
    const data = randomData(10_000);
    const src = countingSource(data, 300);
    const splitter = new PartSplitter(src.source, 1_000, 2);
    await splitter.next();
    expect(src.pulled()).toBe(4); // 4 × 300 bytes cover the first 1,000
    await splitter.close();
    expect(src.closed()).toBe(true);
  });

  it('a string or empty chunk is fine; an empty source gives no part and allocates nothing', async () => {
    const s1 = new PartSplitter(Readable.from(['ab', Buffer.alloc(0), 'cde'], { objectMode: true }), 4, 2);
    const first = await s1.next();
    expect(first?.toString()).toBe('abcd');
    expect((await s1.next())?.toString()).toBe('e');
    expect(await s1.next()).toBeNull();
    const s2 = new PartSplitter(countingSource(Buffer.alloc(0), 10).source, 4, 2);
    expect(await s2.next()).toBeNull();
    expect(s2.allocated).toBe(0);
  });

  it('release and keep accept only parts that are out', async () => {
    const splitter = new PartSplitter(countingSource(randomData(3_000), 1_000).source, 1_000, 2);
    const part = await splitter.next();
    expect(part).not.toBeNull();
    expect(() => splitter.release(Buffer.alloc(1_000))).toThrow();
    splitter.release(part ?? Buffer.alloc(0));
    expect(() => splitter.release(part ?? Buffer.alloc(0))).toThrow();
    expect(() => new PartSplitter(countingSource(Buffer.alloc(0), 1).source, 10, 0)).toThrow(RangeError);
  });
});

describe('splitIntoParts', () => {
  const sizes = async (data: Buffer, chunks: number[], part: number): Promise<number[]> => {
    const out: number[] = [];
    const whole: Buffer[] = [];
    for await (const p of splitIntoParts(sourceOf(data, chunks), part)) {
      out.push(p.length);
      whole.push(p);
    }
    expect(Buffer.concat(whole).equals(data)).toBe(true);
    return out;
  };

  it('cuts exact parts across uneven chunk boundaries, the last one shorter', async () => {
    expect(await sizes(randomData(2_500), [7, 1_000, 3], 1_000)).toEqual([1_000, 1_000, 500]);
  });
  it('an exact multiple has no empty tail', async () => {
    expect(await sizes(randomData(3_000), [3_000], 1_000)).toEqual([1_000, 1_000, 1_000]);
  });
  it('an empty source yields no parts', async () => {
    expect(await sizes(Buffer.alloc(0), [1], 1_000)).toEqual([]);
  });
  it('refuses a part size that is not a positive integer', async () => {
    await expect(splitIntoParts(sourceOf(Buffer.from('x')), 0).next()).rejects.toThrow(RangeError);
  });
});
