/**
 * Local server-side features: `copy` (fs.copyFile into a temp name, then the same atomic commit
 * as writes, mtime preserved) and `move` (fs.rename; across file systems it throws
 * CrossDeviceError so the caller can fall back to copy + remove).
 */
import { constants } from 'node:fs';
import { copyFile, open, rename, stat } from 'node:fs/promises';
import { InvalidNameError, NotFoundError } from '../errors.js';
import type { Entry } from '../types.js';
import { throwIfAborted } from '../stream-utils.js';
import { CrossDeviceError, errnoCode, mapFsError } from './fs-errors.js';
import { assertAbsent, commitTemp, ensureParent, setMtime } from './atomic.js';
import { discardTemp, tempPathFor } from './temp-files.js';
import { statLocal } from './list.js';
import type { ResolvedPath } from './disk-paths.js';

/** Options shared by copy and move. */
export interface CopyMoveOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

/** Errors about the source side name the source; the rest (ENOSPC, EACCES on create…) the target. */
function mapCopyError(e: unknown, from: ResolvedPath, to: ResolvedPath): Error {
  const code = errnoCode(e);
  return code === 'ENOENT' || code === 'ELOOP' ? mapFsError(e, from.path, 'read') : mapFsError(e, to.path, 'create');
}

/**
 * Copies one file (following a symlink at `from`, like openRead). The copy appears complete or not
 * at all and keeps the source's mtime. fs.copyFile may use a reflink (copy-on-write) when the file
 * system offers one. `onProgress` is called once with the size at the end (copyFile gives no
 * progress); cancellation is checked before and after the copy.
 * @throws NotFoundError (missing source, or a folder), AlreadyExistsError, PermissionDeniedError,
 * NoSpaceError, InvalidNameError, TransientError, CancelledError
 */
export async function copyLocal(from: ResolvedPath, to: ResolvedPath, options: CopyMoveOptions = {}): Promise<Entry> {
  const { signal } = options;
  const overwrite = options.overwrite === true;
  throwIfAborted(signal, from.path);
  if (to.path === '/') throw new InvalidNameError('The root folder cannot be the target of a copy.', to.path);
  const src = await stat(from.disk).catch((e: unknown) => {
    throw mapFsError(e, from.path, 'read');
  });
  if (!src.isFile()) throw new NotFoundError(`"${from.path}" is not a file; only files can be copied.`, from.path);
  if (from.disk === to.disk) throw new InvalidNameError(`"${from.path}" cannot be copied onto itself.`, to.path);
  if (!overwrite) await assertAbsent(to);
  await ensureParent(to);
  const tmp = tempPathFor(to.disk);
  try {
    await copyFile(from.disk, tmp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    const h = await open(tmp, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
    await setMtime(tmp, Math.floor(src.mtimeMs));
    throwIfAborted(signal, from.path);
  } catch (e) {
    await discardTemp(tmp);
    throw mapCopyError(e, from, to);
  }
  await commitTemp(tmp, to, overwrite);
  options.onProgress?.(src.size);
  return statLocal(to);
}

/**
 * Renames a file, link or folder (a link is moved as a link). Missing parent folders of `to` are
 * created. Without `overwrite` an existing target throws AlreadyExistsError (checked just before
 * the rename: fs.rename has no no-replace mode in Node). With it, a file replaces a file; a folder
 * may replace only an empty folder.
 * @throws NotFoundError, AlreadyExistsError, NotEmptyError (target folder not empty),
 * InvalidNameError (root, or a folder into itself), PermissionDeniedError, CrossDeviceError
 * (different file systems: copy + remove instead), TransientError, CancelledError
 */
export async function moveLocal(from: ResolvedPath, to: ResolvedPath, options: CopyMoveOptions = {}): Promise<Entry> {
  throwIfAborted(options.signal, from.path);
  if (from.path === '/' || to.path === '/')
    throw new InvalidNameError('The root folder cannot be moved or replaced.', from.path);
  if (to.path.startsWith(from.path + '/')) {
    throw new InvalidNameError(`"${from.path}" cannot be moved into itself ("${to.path}").`, to.path);
  }
  await statLocal(from); // NotFound before anything else, without following a link
  if (from.disk === to.disk) return statLocal(to);
  if (options.overwrite !== true) await assertAbsent(to);
  await ensureParent(to);
  try {
    await rename(from.disk, to.disk);
  } catch (e) {
    if (errnoCode(e) === 'EXDEV') throw new CrossDeviceError(from.path, to.path, { cause: e });
    throw mapCopyError(e, from, to);
  }
  return statLocal(to);
}
