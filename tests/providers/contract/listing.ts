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
        // A B2 folder row carries its exact prefix, final `/` included (src/providers/paths.ts).
        expect(e.path).toBe(
          e.kind === 'dir' && ctx.provider.traits.bucketBased ? `${dir}/${e.name}/` : `${dir}/${e.name}`,
        );
        if (e.name === 'sub') {
          expect(e.kind).toBe('dir');
        } else {
          expect(e).toMatchObject({ kind: 'file', size: e.name.length });
          expect(typeof e.mtimeMs).toBe('number');
        }
      }
    });

    it('startsWith lists only the names of the folder that begin with it, folders included', async () => {
      const dir = ctx.dir('starts');
      for (const f of ['apple.txt', 'apricot.txt', 'banana.txt', 'ap/inner.txt', 'apx/deep/z.txt'])
        await put(ctx, `${dir}/${f}`, Buffer.from(f));
      const names = async (startsWith: string): Promise<string[]> =>
        (await listPages(ctx.provider, dir, { startsWith, pageSize: 2 }))
          .flat()
          .map((e) => (e.kind === 'dir' ? `${e.name}/` : e.name))
          .sort();
      expect(await names('ap')).toEqual(['ap/', 'apple.txt', 'apricot.txt', 'apx/']);
      expect(await names('apr')).toEqual(['apricot.txt']);
      expect(await names('zzz')).toEqual([]);
      expect(await names('')).toEqual(['ap/', 'apple.txt', 'apricot.txt', 'apx/', 'banana.txt']);
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

  describe('exact names', () => {
    it('a listed folder lists only what is inside it; on B2 names keep every "/" (dir//x, /x, x/)', async () => {
      const dir = ctx.dir('exact');
      const b2 = ctx.provider.traits.bucketBased;
      // On B2 these are five distinct names; the local disk has no empty segments or trailing `/`.
      const names = b2
        ? ['x//double', 'x/a', 'x/a/b', 'x/end/', 'x/end/inner', 'x//', 'x///deeper']
        : ['x/a.txt', 'x/sub/b.txt'];
      for (const n of names) await put(ctx, `${dir}/${n}`, Buffer.from(n));
      // Every folder a listing shows lists exactly its own children, never itself again.
      const seen = new Set<string>();
      const pending = [`${dir}/x`];
      for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
        expect(seen.has(folder), `${folder} listed twice`).toBe(false);
        seen.add(folder);
        const inside = folder.endsWith('/') ? folder : `${folder}/`;
        for (const e of await listAll(ctx.provider, folder)) {
          expect(e.path.startsWith(inside)).toBe(true);
          if (e.kind !== 'dir') continue;
          // (A B2 file may carry the folder's own path: the object `x//` inside the folder `x//`.)
          expect([folder, inside]).not.toContain(e.path);
          pending.push(e.path);
        }
      }
      if (!b2) return;
      const rows = (await listAll(ctx.provider, `${dir}/x`)).map((e) => [e.kind, e.name, e.path]).sort();
      expect(rows).toEqual(
        [
          ['dir', '', `${dir}/x//`],
          ['dir', 'a', `${dir}/x/a/`],
          ['dir', 'end', `${dir}/x/end/`],
          ['file', 'a', `${dir}/x/a`],
        ].sort(),
      );
      expect((await listAll(ctx.provider, `${dir}/x//`)).map((e) => [e.kind, e.name, e.path]).sort()).toEqual(
        [
          ['dir', '', `${dir}/x///`],
          ['file', '', `${dir}/x//`],
          ['file', 'double', `${dir}/x//double`],
        ].sort(),
      );
      expect((await listAll(ctx.provider, `${dir}/x/end/`)).map((e) => [e.kind, e.name])).toEqual([
        ['file', ''],
        ['file', 'inner'],
      ]);
      // A name ending in `/` is a file and a folder: stat picks the file unless asked for the folder.
      expect(await ctx.provider.stat(`${dir}/x/end/`)).toMatchObject({ kind: 'file', size: 'x/end/'.length });
      expect(await ctx.provider.stat(`${dir}/x/end/`, { kind: 'dir' })).toMatchObject({ kind: 'dir', name: 'end' });
      expect((await get(ctx.provider, `${dir}/x/end/`)).toString()).toBe('x/end/');
      expect((await get(ctx.provider, `${dir}/x//double`)).toString()).toBe('x//double');
      // Removing exactly the file `x/end/` leaves the folder's other names.
      await ctx.provider.remove(`${dir}/x/end/`, { kind: 'file', mode: 'all-versions' });
      expect((await listAll(ctx.provider, `${dir}/x/end/`)).map((e) => e.name)).toEqual(['inner']);
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
      expect(await ctx.provider.stat(`${dir}/d/f.txt`)).toMatchObject({
        name: 'f.txt',
        path: `${dir}/d/f.txt`,
        kind: 'file',
        size: 5,
        mtimeMs: 1_500_000_000_000,
      });
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
