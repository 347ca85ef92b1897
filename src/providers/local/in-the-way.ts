/**
 * Names the file that stops a folder from being made: with `a` a file, making `a/b/` fails with
 * EEXIST or ENOTDIR, and the user should read "a file named …/a is in the way", not a bare code
 * (a B2 bucket can hold the file `a` and the file `a/b` side by side; the disk cannot).
 */
import { lstat } from 'node:fs/promises';
import { posix } from 'node:path';
import { AlreadyExistsError } from '../errors.js';
import type { ResolvedPath } from './disk-paths.js';
import { errnoCode } from './fs-errors.js';

/**
 * When making the folder `dir` (a provider path below `root`'s disk mapping) failed with `error`
 * because a non-folder holds its name or the name of one of its parents, the AlreadyExistsError
 * naming that file; otherwise null.
 * @param dir the folder that could not be made, resolved
 */
export async function fileInTheWay(error: unknown, dir: ResolvedPath): Promise<AlreadyExistsError | null> {
  const code = errnoCode(error);
  if (code !== 'EEXIST' && code !== 'ENOTDIR') return null;
  let disk = dir.disk;
  let path = dir.path;
  // Walk up to the first part of the path that exists: it is the one in the way when it is no folder.
  for (;;) {
    const st = await lstat(disk).catch(() => null);
    if (st !== null) {
      if (st.isDirectory()) return null;
      return new AlreadyExistsError(`A file named "${path}" is in the way: b2c cannot make a folder there.`, path, {
        cause: error,
      });
    }
    const up = posix.dirname(disk);
    if (up === disk) return null;
    disk = up;
    path = posix.dirname(path);
  }
}
