/**
 * Contract: listings page correctly and completely; folders (mkdir, nested), stat, and remove
 * behave the same on every provider.
 */
import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, NotEmptyError, NotFoundError } from '../../../src/providers/errors.js';
import type { ContractContext } from './context.js';
import { expectRejects, get, listAll, listNames, listPages, put } from './helpers.js';

/** Registers listing, folder, stat and remove tests. */
export function listingContract(ctx: ContractContext): void {
  describe('listing', () => {
    it('pages hold at most pageSize rows and every entry arrives exactly once', async () => {
      const dir = ctx.dir('paging');
      const files = Array.from({ length: 13 }, (_, i) => `file-${String(i).padStart(2, '0')}.txt`);
      for (const f of files) await put(ctx, `${dir}/${f}`, Buffer.from(f));
      await put(ctx, `${dir}/sub/inner.txt`, Buffer.from('inner'));
      const pages = await listPages(ctx.provider, dir, { pageSize: 5 });
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const p of pages) expect(p.length).toBeLessThanOrEqual(5);
      const rows = pages.flat();
      expect(rows.map((e) => e.name).sort()).toEqual([...files, 'sub'].sort());
      for (const e of rows) {
        expect(e.path).toBe(`${dir}/${e.name}`);
        if (e.name === 'sub') {
          expect(e.kind).toBe('dir');
        } else {
          expect(e).toMatchObject({ kind: 'file', size: e.name.length });
          expect(typeof e.mtimeMs).toBe('number');
        }
      }
    });

    it('lists the fixture root without error', async () => {
      const dir = ctx.dir('rootlist');
      await put(ctx, `${dir}/x.txt`, Buffer.from('x'));
      const names = (await listAll(ctx.provider, ctx.root)).map((e) => e.name);
      expect(names).toContain(dir.slice(dir.lastIndexOf('/') + 1));
    });

    it('a missing folder is NotFound (or, where folders are only prefixes, empty)', async () => {
      const dir = `${ctx.dir('nolist')}/missing`;
      if (ctx.provider.traits.emptyDirectories) {
        await expectRejects(listAll(ctx.provider, dir), NotFoundError);
      } else {
        await listAll(ctx.provider, dir).then(
          (rows) => expect(rows).toEqual([]),
          (e: unknown) => expect(e).toBeInstanceOf(NotFoundError),
        );
      }
    });
  });

  describe('folders', () => {
    it('mkdir creates nested folders, is idempotent, and the new folder lists empty', async () => {
      const dir = ctx.dir('mkdir');
      await ctx.provider.mkdir(`${dir}/x/y/z`);
      await ctx.provider.mkdir(`${dir}/x/y/z`);
      for (const p of [`${dir}/x`, `${dir}/x/y`, `${dir}/x/y/z`]) expect((await ctx.provider.stat(p)).kind).toBe('dir');
      expect((await listAll(ctx.provider, `${dir}/x/y`)).map((e) => [e.name, e.kind])).toEqual([['z', 'dir']]);
      expect(await listAll(ctx.provider, `${dir}/x/y/z`)).toEqual([]);
    });

    it('mkdir where a file has the name → AlreadyExistsError', async () => {
      const dir = ctx.dir('mkdirfile');
      await put(ctx, `${dir}/taken`, Buffer.from('file'));
      await expectRejects(ctx.provider.mkdir(`${dir}/taken`), AlreadyExistsError);
      expect((await ctx.provider.stat(`${dir}/taken`)).kind).toBe('file');
    });

    it('a file can be written into a folder made by mkdir', async () => {
      const dir = ctx.dir('mkdirwrite');
      await ctx.provider.mkdir(`${dir}/box`);
      await put(ctx, `${dir}/box/in.txt`, Buffer.from('inside'));
      expect(await listNames(ctx.provider, `${dir}/box`)).toEqual(['in.txt']);
    });
  });

  describe('stat', () => {
    it('describes files and folders, and NotFound for missing paths', async () => {
      const dir = ctx.dir('stat');
      await put(ctx, `${dir}/d/f.txt`, Buffer.from('12345'), { mtimeMs: 1_500_000_000_000 });
      expect(await ctx.provider.stat(`${dir}/d/f.txt`)).toMatchObject({ name: 'f.txt', path: `${dir}/d/f.txt`, kind: 'file', size: 5, mtimeMs: 1_500_000_000_000 });
      expect(await ctx.provider.stat(`${dir}/d`)).toMatchObject({ name: 'd', path: `${dir}/d`, kind: 'dir', size: 0 });
      await expectRejects(ctx.provider.stat(`${dir}/d/nope.txt`), NotFoundError);
      await expectRejects(ctx.provider.stat(`${dir}/nope/deeper`), NotFoundError);
    });
  });

  describe('remove', () => {
    it('removes a file', async () => {
      const dir = ctx.dir('rmfile');
      await put(ctx, `${dir}/a.txt`, Buffer.from('a'));
      await put(ctx, `${dir}/b.txt`, Buffer.from('b'));
      await ctx.provider.remove(`${dir}/a.txt`);
      await expectRejects(ctx.provider.stat(`${dir}/a.txt`), NotFoundError);
      await expectRejects(ctx.provider.openRead(`${dir}/a.txt`), NotFoundError);
      expect(await listNames(ctx.provider, dir)).toEqual(['b.txt']);
    });

    it('removes an empty folder', async () => {
      const dir = ctx.dir('rmdir');
      await put(ctx, `${dir}/keep.txt`, Buffer.from('k'));
      await ctx.provider.mkdir(`${dir}/empty`);
      await ctx.provider.remove(`${dir}/empty`);
      await expectRejects(ctx.provider.stat(`${dir}/empty`), NotFoundError);
      expect(await listNames(ctx.provider, dir)).toEqual(['keep.txt']);
    });

    it('refuses a folder that is not empty → NotEmptyError, contents intact', async () => {
      const dir = ctx.dir('rmfull');
      await put(ctx, `${dir}/full/f.txt`, Buffer.from('still here'));
      await expectRejects(ctx.provider.remove(`${dir}/full`), NotEmptyError);
      expect((await get(ctx.provider, `${dir}/full/f.txt`)).toString()).toBe('still here');
    });

    it('a missing path → NotFoundError', async () => {
      await expectRejects(ctx.provider.remove(`${ctx.dir('rmmissing')}/ghost.txt`), NotFoundError);
    });
  });
}
