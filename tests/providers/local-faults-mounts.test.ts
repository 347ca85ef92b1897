/**
 * Real disk faults on small tmpfs mounts: a full disk (ENOSPC), a read-only file system (EROFS)
 * and a move across file systems (EXDEV). Mounting needs CAP_SYS_ADMIN (CI runs as root); where it
 * is impossible the tests are skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSpaceError, NotFoundError, PermissionDeniedError } from '../../src/providers/errors.js';
import { CrossDeviceError, createLocalProvider } from '../../src/providers/local/index.js';
import { expectRejects, get, put, randomData, sourceOf } from './contract/helpers.js';
import { contextFor } from './contract/context.js';

const provider = createLocalProvider();
let base = '';
let mnt = '';
let cannotMount: string | null = null;
/** Tests write with absolute paths; the context only supplies write options. */
const ctx = contextFor(provider, '/');

/** Mounts a fresh tmpfs of `size` at `at`; returns null, or why it could not. */
function mountTmpfs(at: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', at], { stdio: 'pipe' });
    return null;
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return (err.stderr?.toString().trim() || err.message).split('\n')[0] ?? 'unknown error';
  }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-mounts-'));
  mnt = join(base, 'mnt');
  execFileSync('mkdir', [mnt]);
  const why = mountTmpfs(mnt, '1m');
  if (why !== null) cannotMount = `cannot mount a 1 MiB tmpfs (needs root / CAP_SYS_ADMIN): ${why}`;
});

afterAll(async () => {
  if (cannotMount === null) execFileSync('umount', ['-l', mnt]);
  await rm(base, { recursive: true, force: true });
});

describe('on a 1 MiB tmpfs', () => {
  it('a write that does not fit → NoSpaceError and no temp file left', async (t) => {
    if (cannotMount !== null) return t.skip(cannotMount);
    await put(ctx, `${mnt}/keep.txt`, Buffer.from('keep'));
    const big = randomData(2 * 1024 * 1024);
    const err = await expectRejects(put(ctx, `${mnt}/big.bin`, big), NoSpaceError);
    expect(err.message).toContain(`${mnt}/big.bin`);
    expect(await readdir(mnt)).toEqual(['keep.txt']);
    // The space came back: a small write still works.
    await put(ctx, `${mnt}/after.txt`, Buffer.from('after'));
    await rm(join(mnt, 'after.txt'));
  });

  it('an overwrite that does not fit keeps the old file', async (t) => {
    if (cannotMount !== null) return t.skip(cannotMount);
    const old = randomData(100_000);
    await put(ctx, `${mnt}/old.bin`, old);
    await expectRejects(put(ctx, `${mnt}/old.bin`, randomData(2 * 1024 * 1024), { overwrite: true }), NoSpaceError);
    expect((await get(provider, `${mnt}/old.bin`)).equals(old)).toBe(true);
    expect((await readdir(mnt)).sort()).toEqual(['keep.txt', 'old.bin']);
    await rm(join(mnt, 'old.bin'));
  });

  it('a copy that does not fit → NoSpaceError and no temp file left', async (t) => {
    if (cannotMount !== null) return t.skip(cannotMount);
    await put(ctx, `${mnt}/half.bin`, randomData(600 * 1024));
    await expectRejects(provider.copy!(`${mnt}/half.bin`, `${mnt}/copy.bin`), NoSpaceError);
    expect((await readdir(mnt)).sort()).toEqual(['half.bin', 'keep.txt']);
    await rm(join(mnt, 'half.bin'));
  });

  it('a move to another file system → CrossDeviceError; nothing moves', async (t) => {
    if (cannotMount !== null) return t.skip(cannotMount);
    const err = await expectRejects(provider.move!(`${mnt}/keep.txt`, `${base}/moved.txt`), CrossDeviceError);
    expect(err.target).toBe(`${base}/moved.txt`);
    expect((await get(provider, `${mnt}/keep.txt`)).toString()).toBe('keep');
    await expectRejects(provider.stat(`${base}/moved.txt`), NotFoundError);
  });
});

describe('on a read-only tmpfs', () => {
  it('writes, mkdir and remove → PermissionDeniedError; reads still work', async (t) => {
    if (cannotMount !== null) return t.skip(cannotMount);
    const ro = join(base, 'ro');
    execFileSync('mkdir', [ro]);
    const why = mountTmpfs(ro, '1m');
    if (why !== null) return t.skip(`cannot mount a second tmpfs: ${why}`);
    try {
      await writeFile(join(ro, 'file.txt'), 'read me');
      execFileSync('mount', ['-o', 'remount,ro', ro]);
      const w = await expectRejects(
        provider.write(`${ro}/new.txt`, sourceOf(Buffer.from('x')), { size: 1 }),
        PermissionDeniedError,
      );
      expect(w.message).toContain('read-only');
      await expectRejects(put(ctx, `${ro}/file.txt`, Buffer.from('x'), { overwrite: true }), PermissionDeniedError);
      await expectRejects(provider.mkdir(`${ro}/d`), PermissionDeniedError);
      await expectRejects(provider.remove(`${ro}/file.txt`), PermissionDeniedError);
      expect((await get(provider, `${ro}/file.txt`)).toString()).toBe('read me');
      expect(await readdir(ro)).toEqual(['file.txt']);
    } finally {
      execFileSync('umount', ['-l', ro]);
    }
  });
});
