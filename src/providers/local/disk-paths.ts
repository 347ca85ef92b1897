/**
 * Provider paths ↔ disk paths for the local provider. Provider paths are POSIX, absolute and
 * `/`-separated; they map under the provider's `root` (default `/`, i.e. real absolute paths).
 * `.` and `..` segments are refused rather than resolved, so a name from outside (a B2 key, a
 * typed name) can never climb out of the folder it was meant for.
 */
import { posix, resolve } from 'node:path';
import { InvalidNameError } from '../errors.js';

/** A validated path: the clean provider path and where it lives on disk. */
export interface ResolvedPath {
  /** Normalised provider path: no doubled or trailing slashes (`/` for the root). */
  path: string;
  /** Absolute path on disk. */
  disk: string;
}

/**
 * Builds the resolver for one provider root.
 * The resolver throws InvalidNameError for a path that is not absolute, contains NUL, or has a
 * `.`/`..` segment; messages name the path as given.
 */
export function makeResolver(root: string): (path: string) => ResolvedPath {
  const base = resolve(root);
  return (path: string): ResolvedPath => {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new InvalidNameError(`"${String(path)}" is not an absolute path.`, String(path));
    }
    if (path.includes('\0')) {
      throw new InvalidNameError(
        `"${path.replaceAll('\0', '\\0')}" contains a NUL character, which no file name may hold.`,
        path,
      );
    }
    const segments = path.split('/').filter((s) => s !== '');
    if (segments.some((s) => s === '.' || s === '..')) {
      throw new InvalidNameError(`"${path}" contains a "." or ".." segment; b2c only accepts plain names.`, path);
    }
    const clean = '/' + segments.join('/');
    return { path: clean, disk: segments.length === 0 ? base : posix.join(base, ...segments) };
  };
}

/**
 * Validates one name segment (for callers that build paths from names): not empty, no `/`,
 * no NUL, not `.` or `..`.
 * @throws InvalidNameError
 */
export function assertValidName(name: string): void {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) {
    throw new InvalidNameError(
      `"${name.replaceAll('\0', '\\0')}" is not a valid file name: names cannot be empty, ".", "..", or contain "/" or NUL.`,
      name,
    );
  }
}
