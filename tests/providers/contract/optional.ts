/**
 * Contract for optional features: each test runs only when the provider offers the feature
 * (`if (provider.copy)`), and is reported as skipped with the reason otherwise.
 */
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, NotFoundError } from '../../../src/providers/errors.js';
import type { ContractContext } from './context.js';
import { expectRejects, get, listAll, put } from './helpers.js';

/** Registers copy, move, versions, unhide and shareLink tests. */
export function optionalContract(ctx: ContractContext): void {
  describe('optional: copy', () => {
    it('copies bytes and mtime; the source stays', async (t) => {
      const copy = ctx.provider.copy?.bind(ctx.provider);
      if (!copy) return t.skip('provider has no copy');
      const dir = ctx.dir('copy');
      await put(ctx, `${dir}/src.txt`, Buffer.from('copy me'), { mtimeMs: 1_400_000_000_000 });
      const e = await copy(`${dir}/src.txt`, `${dir}/sub/dst.txt`);
      expect(e).toMatchObject({ name: 'dst.txt', path: `${dir}/sub/dst.txt`, kind: 'file', size: 7 });
      expect((await get(ctx.provider, `${dir}/sub/dst.txt`)).toString()).toBe('copy me');
      expect((await ctx.provider.stat(`${dir}/sub/dst.txt`)).mtimeMs).toBe(1_400_000_000_000);
      expect((await get(ctx.provider, `${dir}/src.txt`)).toString()).toBe('copy me');
    });

    it('refuses an existing target without overwrite, replaces it with overwrite', async (t) => {
      const copy = ctx.provider.copy?.bind(ctx.provider);
      if (!copy) return t.skip('provider has no copy');
      const dir = ctx.dir('copyover');
      await put(ctx, `${dir}/a.txt`, Buffer.from('A'));
      await put(ctx, `${dir}/b.txt`, Buffer.from('B'));
      await expectRejects(copy(`${dir}/a.txt`, `${dir}/b.txt`), AlreadyExistsError);
      expect((await get(ctx.provider, `${dir}/b.txt`)).toString()).toBe('B');
      await copy(`${dir}/a.txt`, `${dir}/b.txt`, { overwrite: true });
      expect((await get(ctx.provider, `${dir}/b.txt`)).toString()).toBe('A');
      expect((await listAll(ctx.provider, dir)).map((e) => e.name).sort()).toEqual(['a.txt', 'b.txt']);
    });

    it('a missing source → NotFoundError', async (t) => {
      const copy = ctx.provider.copy?.bind(ctx.provider);
      if (!copy) return t.skip('provider has no copy');
      const dir = ctx.dir('copymissing');
      await expectRejects(copy(`${dir}/nope.txt`, `${dir}/dst.txt`), NotFoundError);
    });
  });

  describe('optional: move', () => {
    it('moves a file: gone at the source, intact at the target', async (t) => {
      const move = ctx.provider.move?.bind(ctx.provider);
      if (!move) return t.skip('provider has no move');
      const dir = ctx.dir('move');
      await put(ctx, `${dir}/a.txt`, Buffer.from('moving'), { mtimeMs: 1_300_000_000_000 });
      const e = await move(`${dir}/a.txt`, `${dir}/there/b.txt`);
      expect(e).toMatchObject({ name: 'b.txt', kind: 'file', size: 6, mtimeMs: 1_300_000_000_000 });
      await expectRejects(ctx.provider.stat(`${dir}/a.txt`), NotFoundError);
      expect((await get(ctx.provider, `${dir}/there/b.txt`)).toString()).toBe('moving');
    });

    it('refuses an existing target without overwrite; both files stay', async (t) => {
      const move = ctx.provider.move?.bind(ctx.provider);
      if (!move) return t.skip('provider has no move');
      const dir = ctx.dir('moveover');
      await put(ctx, `${dir}/a.txt`, Buffer.from('A'));
      await put(ctx, `${dir}/b.txt`, Buffer.from('B'));
      await expectRejects(move(`${dir}/a.txt`, `${dir}/b.txt`), AlreadyExistsError);
      expect((await get(ctx.provider, `${dir}/a.txt`)).toString()).toBe('A');
      expect((await get(ctx.provider, `${dir}/b.txt`)).toString()).toBe('B');
      await move(`${dir}/a.txt`, `${dir}/b.txt`, { overwrite: true });
      expect(await listAll(ctx.provider, dir).then((es) => es.map((e) => e.name))).toEqual(['b.txt']);
      expect((await get(ctx.provider, `${dir}/b.txt`)).toString()).toBe('A');
    });

    it('a missing source → NotFoundError', async (t) => {
      const move = ctx.provider.move?.bind(ctx.provider);
      if (!move) return t.skip('provider has no move');
      const dir = ctx.dir('movemissing');
      await expectRejects(move(`${dir}/nope.txt`, `${dir}/dst.txt`), NotFoundError);
    });
  });

  describe('optional: versions', () => {
    it('lists every version, newest first, the newest marked latest', async (t) => {
      const versions = ctx.provider.versions?.bind(ctx.provider);
      if (!versions) return t.skip('provider has no versions');
      const path = `${ctx.dir('versions')}/v.txt`;
      await put(ctx, path, Buffer.from('one'));
      await put(ctx, path, Buffer.from('second'), { overwrite: true });
      const rows = [];
      for await (const page of versions(path)) rows.push(...page);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows[0]).toMatchObject({ action: 'upload', isLatest: true, size: 6 });
      expect(rows[1]).toMatchObject({ action: 'upload', isLatest: false, size: 3 });
      const old = await ctx.provider.openRead(path, { fileId: rows[1]?.fileId });
      const chunks: Buffer[] = [];
      for await (const c of old.stream as AsyncIterable<Buffer>) chunks.push(c);
      expect(Buffer.concat(chunks).toString()).toBe('one');
    });
  });

  describe('optional: unhide', () => {
    it('a hidden file disappears and comes back', async (t) => {
      const unhide = ctx.provider.unhide?.bind(ctx.provider);
      if (!unhide) return t.skip('provider has no unhide');
      const path = `${ctx.dir('unhide')}/h.txt`;
      await put(ctx, path, Buffer.from('peekaboo'));
      await ctx.provider.remove(path, { mode: 'hide' });
      await expectRejects(ctx.provider.stat(path), NotFoundError);
      await unhide(path);
      expect((await get(ctx.provider, path)).toString()).toBe('peekaboo');
    });
  });

  describe('optional: shareLink', () => {
    it('gives a URL that downloads the file without credentials', async (t) => {
      const shareLink = ctx.provider.shareLink?.bind(ctx.provider);
      if (!shareLink) return t.skip('provider has no shareLink');
      const path = `${ctx.dir('share')}/s.txt`;
      await put(ctx, path, Buffer.from('shared bytes'));
      const url = new URL(await shareLink(path, { lifetimeSeconds: 600 }));
      expect(['http:', 'https:']).toContain(url.protocol);
      // Only loopback is fetched: tests never contact anything else (the built-in server).
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
        return t.skip(`share link host ${url.hostname} is not loopback`);
      // A plain client, but one that follows B2's retry rule for 408/429/503 and for a connection
      // dropped mid-body (the fault-injection run of this suite answers some downloads that way,
      // as real B2 and the network may).
      const download = async (): Promise<{ status: number; body: Buffer } | null> => {
        try {
          const res = await fetch(url);
          return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
        } catch {
          return null;
        }
      };
      let got = await download();
      for (let tries = 1; tries < 8 && (got === null || [408, 429, 503].includes(got.status)); tries++)
        got = await download();
      expect(got?.status).toBe(200);
      expect(got?.body.toString()).toBe('shared bytes');
    });
  });
}
