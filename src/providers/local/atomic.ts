/**
 * The atomic-replace machinery behind local writes and copies: a temporary name next to the
 * target (temp-files.ts; same directory, so the final rename never crosses file systems), then
 * a commit that either replaces the target (rename) or refuses to (link, which fails with EEXIST
 * atomically).
 */
import { link, lstat, mkdir, rename, stat, utimes } from 'node:fs/promises';
import { posix } from 'node:path';
import { AlreadyExistsError } from '../errors.js';
import { errnoCode, mapFsError } from './fs-errors.js';
import { fileInTheWay } from './in-the-way.js';
import type { ResolvedPath } from './disk-paths.js';
import { discardTemp, sweepStaleTemps } from './temp-files.js';

/**
 * Sets `disk`'s mtime to `mtimeMs` (atime: now) so that it reads back as exactly that many ms.
 * Node passes seconds as a double and libuv truncates to nanoseconds, so `…123 ms` would land at
 * `…122.999999 ms`; half a microsecond on top keeps the stored value inside the right millisecond.
 */
export async function setMtime(disk: string, mtimeMs: number): Promise<void> {
  await utimes(disk, new Date(), (mtimeMs + 0.0005) / 1000);
}

/**
 * `mkdir -p` with honest errors. Node's `mkdir(…, {recursive: true})` reports ENOENT instead of
 * EROFS on a read-only file system (seen on Node 20 / Linux), so the walk is done here: create
 * the folder; on ENOENT create its parent first; on EEXIST accept a folder (or a link to one).
 * Throws raw errno errors (EEXIST when a non-folder has the name); callers map them.
 */
export async function makeDirs(disk: string): Promise<void> {
  try {
    await mkdir(disk);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') {
      if ((await stat(disk).catch(() => null))?.isDirectory() === true) return;
      throw e;
    }
    const parent = posix.dirname(disk);
    if (code !== 'ENOENT' || parent === disk) throw e;
    await makeDirs(parent);
    await mkdir(disk).catch(async (again: unknown) => {
      // Someone else created it in the meantime: fine if it is a folder.
      if (errnoCode(again) !== 'EEXIST' || (await stat(disk)).isDirectory() !== true) throw again;
    });
  }
}

/**
 * Creates the parent folders of `p`, and removes the temporary files a killed b2c left there
 * (temp-files.ts), so that writing into a folder again cleans up after an interrupted run.
 * @throws AlreadyExistsError (a file is in the way), PermissionDeniedError, NoSpaceError, …
 */
export async function ensureParent(p: ResolvedPath): Promise<void> {
  try {
    await makeDirs(posix.dirname(p.disk));
  } catch (e) {
    const parent = { path: posix.dirname(p.path), disk: posix.dirname(p.disk) };
    throw (await fileInTheWay(e, parent)) ?? mapFsError(e, parent.path, 'create');
  }
  await sweepStaleTemps(posix.dirname(p.disk));
}

/**
 * Fails early with AlreadyExistsError when something (file, folder, link) already has `p`'s name.
 * A part of the path being a file also counts as "in the way".
 */
export async function assertAbsent(p: ResolvedPath): Promise<void> {
  try {
    await lstat(p.disk);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    throw mapFsError(e, p.path, 'create');
  }
  throw new AlreadyExistsError(`"${p.path}" already exists.`, p.path);
}

/**
 * Moves the finished temporary file onto the target. With `overwrite`, rename replaces the
 * target atomically. Without it, link() creates the target only if the name is free (atomic, no
 * check-then-act race), then the temp name is dropped; file systems without hard links (EPERM,
 * ENOTSUP) fall back to check + rename, which has a tiny race window.
 * The temporary file is gone afterwards whether this succeeds or throws.
 * @throws AlreadyExistsError, PermissionDeniedError, NoSpaceError, TransientError
 */
export async function commitTemp(tmp: string, p: ResolvedPath, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) {
      await rename(tmp, p.disk);
      return;
    }
    try {
      await link(tmp, p.disk);
    } catch (e) {
      const code = errnoCode(e);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw e;
      await assertAbsent(p);
      await rename(tmp, p.disk);
      return;
    }
    // The target exists now; a leftover temp name is untidy but must not fail the write.
    await discardTemp(tmp);
  } catch (e) {
    await discardTemp(tmp);
    throw mapFsError(e, p.path, 'create');
  }
}
