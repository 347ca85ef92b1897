/**
 * Local-provider behaviour beyond the shared contract: special files, large folders,
 * path validation, temp names, moves and copies of folders and links. Real temp dirs throughout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  InvalidNameError,
  NotEmptyError,
  NotFoundError,
  PermissionDeniedError,
} from '../../src/providers/errors.js';
import { createLocalProvider, isTempName } from '../../src/providers/local/index.js';
import { tempPathFor } from '../../src/providers/local/temp-files.js';
import type { Provider } from '../../src/providers/types.js';
import { expectRejects, get, listAll, listPages, put, readAll, sha1 } from './contract/helpers.js';
import { contextFor, type ContractContext } from './contract/context.js';

let dir = '';
let provider: Provider;
let ctx: ContractContext;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-local-'));
  provider = createLocalProvider();
  ctx = contextFor(provider, dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('special files', () => {
  it('a FIFO is listed and refused by openRead without blocking', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(await provider.stat(`${dir}/pipe`)).toMatchObject({ name: 'pipe', kind: 'file' });
    await expectRejects(provider.openRead(`${dir}/pipe`), PermissionDeniedError);
  });
});

describe('large folders', () => {
  it('10,000 entries arrive in pages of 1000 by default, each exactly once; stopping early is fine', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `f${i}`);
    for (let i = 0; i < names.length; i += 500) {
      await Promise.all(names.slice(i, i + 500).map((n) => writeFile(join(dir, n), '')));
    }
    for await (const page of provider.list(dir)) {
      expect(page).toHaveLength(1000);
      break;
    }
    const pages = await listPages(provider, dir);
    expect(pages.map((p) => p.length)).toEqual(Array.from({ length: 10 }, () => 1000));
    const seen = pages.flat().map((e) => e.name);
    expect(new Set(seen).size).toBe(10_000);
    expect(seen.sort()).toEqual([...names].sort());
  });

  it('an empty folder yields exactly one empty page', async () => {
    await mkdir(join(dir, 'empty'));
    expect(await listPages(provider, `${dir}/empty`)).toEqual([[]]);
  });
});

describe('paths and names', () => {
  it('refuses relative paths, NUL and dot segments', async () => {
    await expectRejects(provider.stat('relative/path'), InvalidNameError);
    await expectRejects(provider.stat(`${dir}/a/../b`), InvalidNameError);
    await expectRejects(provider.stat(`${dir}/./b`), InvalidNameError);
    await expectRejects(provider.mkdir(`${dir}/bad\0dir`), InvalidNameError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a rooted provider cannot be climbed out of', async () => {
    const rooted = createLocalProvider({ root: join(dir, 'jail') });
    await writeFile(join(dir, 'outside.txt'), 'no');
    await expectRejects(rooted.openRead('/../outside.txt'), InvalidNameError);
    await rooted.mkdir('/');
    await expectRejects(rooted.remove('/'), InvalidNameError);
    expect((await rooted.stat('/')).kind).toBe('dir');
  });

  it('a 255-byte name can be written (the temp name stays short enough); 300 bytes is InvalidName', async () => {
    const long = 'é'.repeat(127) + 'x'; // 255 bytes
    await put(ctx, `${dir}/${long}`, Buffer.from('long'));
    expect(await readdir(dir)).toEqual([long]);
    await expectRejects(put(ctx, `${dir}/${'y'.repeat(300)}`, Buffer.from('x')), InvalidNameError);
    expect(await readdir(dir)).toEqual([long]);
  });

  it('temp names are recognisable, and a finished write leaves none', async () => {
    expect(isTempName('.report.pdf.b2c-tmp-0123456789ab')).toBe(true);
    expect(isTempName('report.pdf')).toBe(false);
    await put(ctx, `${dir}/a.txt`, Buffer.from('a'));
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });
});

describe("b2c's own temporary files", () => {
  /** A temp name of this host for the file `name`, held by process `pid`. */
  function tempOf(name: string, pid: number): string {
    const own = basename(tempPathFor(join(dir, name)));
    expect(own).toMatch(new RegExp(`^\\.${name}\\.b2c-tmp-[0-9a-f]{8}-${process.pid}-[0-9a-f]{12}$`));
    return own.replace(`-${process.pid}-`, `-${pid}-`);
  }

  /** The ID of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    return Number(child.stdout);
  }

  it('are never listed (so a cp -r of the folder cannot upload them)', async () => {
    await writeFile(join(dir, 'keep.txt'), 'mine');
    await writeFile(join(dir, tempOf('big.iso', deadPid())), 'half');
    await writeFile(join(dir, '.old.bin.b2c-tmp-0123456789ab'), 'from an older b2c');
    expect((await listAll(provider, dir)).map((e) => e.name)).toEqual(['keep.txt']);
  });

  it('the next write into the folder removes those left by a killed b2c, not those of a live one', async () => {
    const stale = tempOf('big.iso', deadPid());
    const live = tempOf('other.iso', process.ppid);
    const otherHost = stale.replace(/b2c-tmp-[0-9a-f]{8}-/, 'b2c-tmp-00000000-');
    for (const n of [stale, live, otherHost]) await writeFile(join(dir, n), 'half');
    await put(ctx, `${dir}/new.txt`, Buffer.from('new'));
    expect((await readdir(dir)).sort()).toEqual([live, otherHost, 'new.txt'].sort());
  });
});

describe('writes, folders and things in the way', () => {
  it('returns the verified SHA1 only when one was given', async () => {
    const data = Buffer.from('hash me');
    expect((await put(ctx, `${dir}/a`, data, { sha1: sha1(data).toUpperCase() })).sha1).toBe(sha1(data));
    expect((await put(ctx, `${dir}/b`, data)).sha1).toBeNull();
  });

  it('a file in the way of a parent → AlreadyExists for writes and mkdir, NotFound for reads', async () => {
    await writeFile(join(dir, 'file'), 'f');
    await expectRejects(put(ctx, `${dir}/file/child.txt`, Buffer.from('x')), AlreadyExistsError);
    await expectRejects(provider.mkdir(`${dir}/file/sub`), AlreadyExistsError);
    await expectRejects(provider.stat(`${dir}/file/child.txt`), NotFoundError);
    await expectRejects(listAll(provider, `${dir}/file`), NotFoundError);
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('a folder cannot be overwritten by a file', async () => {
    await mkdir(join(dir, 'd'));
    await writeFile(join(dir, 'd', 'inner'), 'i');
    await expectRejects(put(ctx, `${dir}/d`, Buffer.from('x'), { overwrite: true }), AlreadyExistsError);
    expect(await readdir(join(dir, 'd'))).toEqual(['inner']);
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  it('a range starting past EOF is empty', async () => {
    await writeFile(join(dir, 'small'), 'abc');
    const h = await provider.openRead(`${dir}/small`, { range: { start: 10 } });
    expect(h.size).toBe(0);
    expect((await readAll(h.stream)).length).toBe(0);
  });

  it('hide is not a local remove mode', async () => {
    await writeFile(join(dir, 'f'), 'f');
    await expect(provider.remove(`${dir}/f`, { mode: 'hide' })).rejects.toThrow(RangeError);
    await provider.remove(`${dir}/f`, { mode: 'all-versions' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('move and copy of folders', () => {
  it('moves a folder with its contents; not into itself', async () => {
    await put(ctx, `${dir}/a/b/c.txt`, Buffer.from('c'));
    await expectRejects(provider.move!(`${dir}/a`, `${dir}/a/b/inside`), InvalidNameError);
    const e = await provider.move!(`${dir}/a`, `${dir}/z/a2`);
    expect(e.kind).toBe('dir');
    expect((await get(provider, `${dir}/z/a2/b/c.txt`)).toString()).toBe('c');
    expect((await readdir(dir)).sort()).toEqual(['z']);
  });

  it('a folder may replace only an empty folder, even with overwrite', async () => {
    await put(ctx, `${dir}/src/f.txt`, Buffer.from('s'));
    await put(ctx, `${dir}/full/g.txt`, Buffer.from('g'));
    // rename(2) refuses with ENOTEMPTY on Linux.
    await expectRejects(provider.move!(`${dir}/src`, `${dir}/full`, { overwrite: true }), NotEmptyError);
    expect((await get(provider, `${dir}/full/g.txt`)).toString()).toBe('g');
    expect((await get(provider, `${dir}/src/f.txt`)).toString()).toBe('s');
  });

  it('copy refuses folders', async () => {
    await mkdir(join(dir, 'd'));
    await expectRejects(provider.copy!(`${dir}/d`, `${dir}/e`), NotFoundError);
    expect(await readdir(dir)).toEqual(['d']);
  });

  it('copy follows a symlink source and keeps the target mtime', async () => {
    await put(ctx, `${dir}/real.txt`, Buffer.from('real'), { mtimeMs: 1_234_567_890_123 });
    await symlink('real.txt', join(dir, 'link'));
    const e = await provider.copy!(`${dir}/link`, `${dir}/copy.txt`);
    expect(e).toMatchObject({ kind: 'file', size: 4, mtimeMs: 1_234_567_890_123 });
  });
});
