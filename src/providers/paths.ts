/**
 * Pure helpers for provider paths: POSIX-style, absolute, `/`-separated (see ./types.ts).
 * They never touch the file system and never normalise `..` away silently: callers that accept
 * names from outside validate them first.
 */

/** Joins segments with single slashes; the result is absolute. `joinPath('/a/', 'b')` → `/a/b`. */
export function joinPath(base: string, ...names: string[]): string {
  let out = base === '' ? '/' : base;
  for (const n of names) {
    if (n === '') continue;
    out = (out.endsWith('/') ? out : out + '/') + (n.startsWith('/') ? n.slice(1) : n);
  }
  return out;
}

/** Parent directory; `/` is its own parent. `parentPath('/a/b')` → `/a`. */
export function parentPath(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const i = trimmed.lastIndexOf('/');
  return i <= 0 ? '/' : trimmed.slice(0, i);
}

/** Last segment; `''` for `/`. */
export function baseName(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Splits a B2 provider path into bucket and object key: `/b/x/y` → `{bucket:'b', key:'x/y'}`. */
export function splitBucketPath(path: string): { bucket: string | null; key: string } {
  const p = path.replace(/^\/+/, '');
  if (p === '') return { bucket: null, key: '' };
  const i = p.indexOf('/');
  return i < 0 ? { bucket: p, key: '' } : { bucket: p.slice(0, i), key: p.slice(i + 1) };
}
