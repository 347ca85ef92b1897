/**
 * Pure helpers for provider paths: POSIX-style, absolute, `/`-separated (see ./types.ts).
 * They never touch the file system and never normalise `..` away silently: callers that accept
 * names from outside validate them first.
 *
 * B2 object names are opaque strings: `dir//double`, `/abs/path` and `endslash/` are three valid,
 * distinct names. A B2 provider path is `/BUCKET/` followed by the exact name, never normalised,
 * and a folder path is `/BUCKET/` followed by the folder's exact prefix, with its final `/`
 * (`/b/dir//` is the folder whose prefix is `dir//`, inside `/b/dir/`). The exact helpers below
 * (`splitName`, `childPath`, `folderName`, `ownName`) keep every `/` where it is, and nothing here
 * collapses slashes: that would turn one B2 name into another (`dir//x` into `dir/x`).
 */

/** Splits a B2 provider path into bucket and object key: `/b/x/y` → `{bucket:'b', key:'x/y'}`. The key is exact (`/b//x` → `/x`). */
export function splitBucketPath(path: string): { bucket: string | null; key: string } {
  const p = path.replace(/^\/+/, '');
  if (p === '') return { bucket: null, key: '' };
  const i = p.indexOf('/');
  return i < 0 ? { bucket: p, key: '' } : { bucket: p.slice(0, i), key: p.slice(i + 1) };
}

/**
 * The B2 prefix a folder key stands for: `''` (the bucket root) and keys ending in `/` are
 * prefixes already; any other key gets one `/` (`photos` → `photos/`, `dir/` → `dir/`,
 * `dir//` → `dir//`).
 */
export function folderPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

/**
 * Splits at the last `/` without any normalisation; `folder` keeps that `/`:
 * `/b/dir//double` → `{folder: '/b/dir//', name: 'double'}`, `/b/endslash/` → `{folder: '/b/endslash/', name: ''}`.
 */
export function splitName(path: string): { folder: string; name: string } {
  const i = path.lastIndexOf('/');
  return i < 0 ? { folder: '/', name: path } : { folder: path.slice(0, i + 1), name: path.slice(i + 1) };
}

/**
 * The path of `relative` inside the folder `folder`, by plain concatenation: a folder path that
 * ends in `/` is its prefix already, any other gets one `/`. `childPath('/b/dir/', '/x')` →
 * `/b/dir//x`; `childPath('/b', 'a')` → `/b/a`; `childPath('/tmp', 'a')` → `/tmp/a`.
 */
export function childPath(folder: string, relative: string): string {
  return folder.endsWith('/') ? folder + relative : `${folder}/${relative}`;
}

/**
 * A folder path's own name: its last segment, not counting the one `/` that ends a B2 folder path.
 * `/b/dir/` → `dir`, `/b/dir//` → `''` (a folder with an empty name), `/b//` → `''`, `/tmp/x` → `x`.
 */
export function folderName(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return splitName(trimmed).name;
}

/** The own name of a file (text after the last `/`, `''` for a B2 name ending in `/`) or a folder (folderName). */
export function ownName(path: string, isFolder: boolean): string {
  return isFolder ? folderName(path) : splitName(path).name;
}
