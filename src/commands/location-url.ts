/**
 * Parses the locations the CLI accepts: `b2://bucket/path` (as in the official b2 CLI; the one
 * parser is src/state/location/b2-url.ts) or a local path, resolved against the caller's cwd.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseB2Url } from '../state/location/b2-url.js';

export { formatB2Url as formatLocation } from '../state/location/b2-url.js';

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

/**
 * Parses one location argument.
 * - `b2://` → all buckets; `b2://bucket` → the bucket root; `b2://bucket/a/b` → `a/b` in it. The
 *   key is kept exactly as typed (`b2://b//abs/x` is the name `/abs/x`; a final `/` says "folder").
 * - anything else is a local path, resolved against `cwd`.
 * @throws LocationSyntaxError for `b2:/x`, empty arguments, or a bucket name with invalid characters.
 */
export function parseLocation(arg: string, cwd: string): CliLocation {
  if (arg === '') throw new LocationSyntaxError('empty location');
  const trailingSlash = arg.endsWith('/');
  const url = parseB2Url(arg);
  if (url === null) {
    const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
    return { kind: 'local', path, trailingSlash, raw: arg };
  }
  if ('problem' in url) {
    if (url.problem === 'malformed')
      throw new LocationSyntaxError(`"${arg}" is not a B2 location; write b2://BUCKET/PATH`);
    throw new LocationSyntaxError(`"${url.bucket}" is not a valid bucket name (letters, digits and "-" only)`);
  }
  const { bucket, key } = url;
  const path = bucket === null ? '/' : '/' + bucket + (key === '' ? '' : '/' + key);
  return { kind: 'b2', bucket, key, path, trailingSlash, raw: arg };
}
