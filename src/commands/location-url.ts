/**
 * Parses the locations the CLI accepts: `b2://bucket/path` (as in the official b2 CLI) or a local
 * path. Pure: resolving a relative local path needs the caller's cwd.
 */
import { isAbsolute, resolve } from 'node:path';

/** A parsed CLI location. `path` is in the provider's path space (see src/providers/types.ts). */
export type CliLocation =
  | { kind: 'local'; path: string; /** the argument ended with a path separator */ trailingSlash: boolean; raw: string }
  | { kind: 'b2'; bucket: string | null; key: string; path: string; trailingSlash: boolean; raw: string };

/** Thrown for malformed locations; the message is printed as a usage error (exit code 64). */
export class LocationSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocationSyntaxError';
  }
}

const B2_SCHEME = /^b2:\/\//i;

/**
 * Parses one location argument.
 * - `b2://` → all buckets; `b2://bucket` → the bucket root; `b2://bucket/a/b` → `a/b` in it. The
 *   key is kept exactly as typed (`b2://b//abs/x` is the name `/abs/x`; a final `/` says "folder").
 * - anything else is a local path, resolved against `cwd`.
 * @throws LocationSyntaxError for `b2:/x`, empty arguments, or a bucket name with invalid characters.
 */
export function parseLocation(arg: string, cwd: string): CliLocation {
  if (arg === '') throw new LocationSyntaxError('empty location');
  if (/^b2:/i.test(arg) && !B2_SCHEME.test(arg)) {
    throw new LocationSyntaxError(`"${arg}" is not a B2 location; write b2://BUCKET/PATH`);
  }
  const trailingSlash = arg.endsWith('/');
  if (B2_SCHEME.test(arg)) {
    const rest = arg.replace(B2_SCHEME, '');
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const key = slash < 0 ? '' : rest.slice(slash + 1);
    if (bucket !== '' && !/^[A-Za-z0-9-]+$/.test(bucket)) {
      throw new LocationSyntaxError(`"${bucket}" is not a valid bucket name (letters, digits and "-" only)`);
    }
    // The key is exact (B2 names keep every `/`): `b2://b/dir//` is the folder `dir//`.
    const path = bucket === '' ? '/' : '/' + bucket + (key === '' ? '' : '/' + key);
    return { kind: 'b2', bucket: bucket === '' ? null : bucket, key, path, trailingSlash, raw: arg };
  }
  const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
  return { kind: 'local', path, trailingSlash, raw: arg };
}

/** Formats a provider path back into the form the user typed (`b2://bucket/key` or a local path). */
export function formatLocation(kind: 'local' | 'b2', path: string): string {
  return kind === 'b2' ? 'b2://' + path.replace(/^\/+/, '') : path;
}
