/**
 * The one `b2://` parser, for everything a user types: CLI arguments (src/commands/location-url.ts)
 * and the location picker (src/tui/dialogs/typed-location.ts). Pure; each caller words the
 * problems for its own place.
 */

/** A parsed `b2://BUCKET/KEY`: `bucket` null for `b2://` (every bucket), `key` exactly as typed. */
export interface B2Url {
  bucket: string | null;
  /** The object name or folder prefix, exact: B2 names keep every `/` (`b2://b/dir//` is `dir//`). */
  key: string;
}

/** Why text that starts with `b2:` is not a B2 location. */
export type B2UrlProblem = { problem: 'malformed' } | { problem: 'bucket-name'; bucket: string };

const SCHEME = /^b2:\/\//i;

/** True for a bucket name b2c accepts in a location: letters, digits and `-`. */
export function isBucketName(name: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(name);
}

/**
 * `text` as a B2 location, or a problem (`b2:` without `//`, a bucket name with other characters),
 * or null when it is no B2 location at all (a local path).
 */
export function parseB2Url(text: string): B2Url | B2UrlProblem | null {
  if (!/^b2:/i.test(text)) return null;
  if (!SCHEME.test(text)) return { problem: 'malformed' };
  const rest = text.replace(SCHEME, '');
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  if (bucket !== '' && !isBucketName(bucket)) return { problem: 'bucket-name', bucket };
  return { bucket: bucket === '' ? null : bucket, key };
}

/** A provider path back in the form the user types: `b2://bucket/key`, or the local path. */
export function formatB2Url(kind: 'local' | 'b2', path: string): string {
  return kind === 'b2' ? 'b2://' + path.replace(/^\/+/, '') : path;
}
