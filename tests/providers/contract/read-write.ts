/**
 * Contract: bytes written come back identical (content, size, SHA1, mtime), ranges, overwrite
 * rules, and unicode names.
 */
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, NotFoundError } from '../../../src/providers/errors.js';
import type { ContractContext } from './context.js';
import { allByteValues, expectRejects, get, listAll, put, randomData, readAll, sha1, sourceOf } from './helpers.js';

/** Registers the read/write round-trip tests. */
export function readWriteContract(ctx: ContractContext): void {
  describe('write and read back', () => {
    const roundTrip = async (label: string, data: Buffer): Promise<void> => {
      const path = `${ctx.dir(label)}/${label}.bin`;
      let progressed = 0;
      const entry = await put(ctx, path, data, { sha1: sha1(data), onProgress: (n) => (progressed += n) });
      expect(entry).toMatchObject({ name: `${label}.bin`, path, kind: 'file', size: data.length });
      expect(progressed).toBe(data.length);
      const st = await ctx.provider.stat(path);
      expect(st).toMatchObject({ name: `${label}.bin`, path, kind: 'file', size: data.length });
      const h = await ctx.provider.openRead(path);
      expect(h.size).toBe(data.length);
      expect(h.totalSize).toBe(data.length);
      if (h.sha1 !== null) expect(h.sha1).toBe(sha1(data));
      const back = await readAll(h.stream);
      expect(back.length).toBe(data.length);
      expect(sha1(back)).toBe(sha1(data));
      expect(back.equals(data)).toBe(true);
    };

    it('an empty file', () => roundTrip('empty', Buffer.alloc(0)));
    it('a small text file', () => roundTrip('small', Buffer.from('hello, provider\n')));
    it('a file of several megabytes in uneven chunks', () => roundTrip('large', randomData(ctx.options.largeSize)));
    it('binary data with every byte value', () => roundTrip('binary', allByteValues()));

    it('creates missing parent folders', async () => {
      const base = ctx.dir('parents');
      await put(ctx, `${base}/a/b/c.txt`, Buffer.from('deep'));
      expect((await ctx.provider.stat(`${base}/a/b`)).kind).toBe('dir');
      expect((await listAll(ctx.provider, `${base}/a`)).map((e) => [e.name, e.kind])).toEqual([['b', 'dir']]);
      expect((await get(ctx.provider, `${base}/a/b/c.txt`)).toString()).toBe('deep');
    });

    it('preserves the modification time to the millisecond', async () => {
      const path = `${ctx.dir('mtime')}/old.txt`;
      const mtimeMs = 1_600_000_000_123;
      const written = await put(ctx, path, Buffer.from('from 2020'), { mtimeMs });
      expect(written.mtimeMs).toBe(mtimeMs);
      expect((await ctx.provider.stat(path)).mtimeMs).toBe(mtimeMs);
      const [row] = await listAll(ctx.provider, `${path.slice(0, path.lastIndexOf('/'))}`);
      expect(row?.mtimeMs).toBe(mtimeMs);
      const h = await ctx.provider.openRead(path);
      h.stream.destroy();
      expect(h.mtimeMs).toBe(mtimeMs);
    });

    it('keeps unicode and odd names exactly', async () => {
      const base = ctx.dir('unicode');
      const names = [
        'Grüße – 日本語 🎉.txt',
        'with  two spaces',
        'ünïcödé folder/naïve café.md',
        "quote's & (brackets) [1].txt",
      ];
      for (const [i, n] of names.entries()) await put(ctx, `${base}/${n}`, Buffer.from(`file ${i}`));
      expect(await listAll(ctx.provider, base).then((es) => es.map((e) => e.name).sort())).toEqual(
        ['Grüße – 日本語 🎉.txt', 'with  two spaces', 'ünïcödé folder', "quote's & (brackets) [1].txt"].sort(),
      );
      for (const [i, n] of names.entries()) {
        expect((await get(ctx.provider, `${base}/${n}`)).toString()).toBe(`file ${i}`);
        expect((await ctx.provider.stat(`${base}/${n}`)).name).toBe(n.slice(n.lastIndexOf('/') + 1));
      }
    });
  });

  describe('overwrite', () => {
    it('refuses to replace an existing file without overwrite, and keeps the old bytes', async () => {
      const path = `${ctx.dir('nooverwrite')}/f.txt`;
      await put(ctx, path, Buffer.from('first'));
      await expectRejects(put(ctx, path, Buffer.from('second')), AlreadyExistsError);
      expect((await get(ctx.provider, path)).toString()).toBe('first');
    });

    it('replaces an existing file with overwrite', async () => {
      const path = `${ctx.dir('overwrite')}/f.txt`;
      await put(ctx, path, Buffer.from('first version'));
      const e = await put(ctx, path, Buffer.from('v2'), { overwrite: true });
      expect(e.size).toBe(2);
      expect((await get(ctx.provider, path)).toString()).toBe('v2');
      expect((await ctx.provider.stat(path)).size).toBe(2);
      expect((await listAll(ctx.provider, path.slice(0, path.lastIndexOf('/')))).map((x) => x.name)).toEqual(['f.txt']);
    });
  });

  describe('ranges (inclusive end, as HTTP)', () => {
    const data = randomData(10_000);
    let path = '';
    const ensure = async (): Promise<string> => {
      if (path === '') {
        const p = `${ctx.dir('ranges')}/r.bin`;
        await put(ctx, p, data);
        path = p;
      }
      return path;
    };
    const readRange = async (
      start: number,
      end?: number,
    ): Promise<{ bytes: Buffer; size: number; totalSize: number }> => {
      const h = await ctx.provider.openRead(await ensure(), { range: end === undefined ? { start } : { start, end } });
      return { bytes: await readAll(h.stream), size: h.size, totalSize: h.totalSize };
    };

    it('start only: from start to EOF', async () => {
      const r = await readRange(9_000);
      expect(r).toMatchObject({ size: 1_000, totalSize: 10_000 });
      expect(r.bytes.equals(data.subarray(9_000))).toBe(true);
    });
    it('start and end: end is included', async () => {
      const r = await readRange(100, 199);
      expect(r).toMatchObject({ size: 100, totalSize: 10_000 });
      expect(r.bytes.equals(data.subarray(100, 200))).toBe(true);
    });
    it('a single byte', async () => {
      const r = await readRange(4_242, 4_242);
      expect(r.size).toBe(1);
      expect([...r.bytes]).toEqual([data[4_242]]);
    });
    it('an end past EOF is clamped', async () => {
      const r = await readRange(9_990, 1_000_000);
      expect(r).toMatchObject({ size: 10, totalSize: 10_000 });
      expect(r.bytes.equals(data.subarray(9_990))).toBe(true);
    });
  });

  describe('reading what is not a file', () => {
    it('a missing file is NotFound', async () => {
      await expectRejects(ctx.provider.openRead(`${ctx.dir('missing')}/nope.txt`), NotFoundError);
    });
    it('a folder is NotFound', async () => {
      const base = ctx.dir('readdir');
      await put(ctx, `${base}/sub/x.txt`, Buffer.from('x'));
      await expectRejects(ctx.provider.openRead(`${base}/sub`), NotFoundError);
    });
  });

  it('a source of many tiny chunks arrives intact', async () => {
    const path = `${ctx.dir('slow')}/slow.txt`;
    const data = Buffer.from('a'.repeat(1000));
    await ctx.provider.write(path, sourceOf(data, [1, 2, 3, 997]), ctx.writeOpts({ size: data.length }));
    expect((await get(ctx.provider, path)).equals(data)).toBe(true);
  });
}
