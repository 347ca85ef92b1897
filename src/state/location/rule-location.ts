/**
 * Where an action happens, as the permission rules see it. Pure data and helpers, no I/O.
 *
 * A B2 `key` is an object name inside the bucket. Folder-ness is spelled in the key itself, like B2
 * does in delimiter listings: a key ending in `/` names a folder, `''` names the bucket root, and
 * anything else names a file. (Listing and browsing always treat the key as a folder.)
 */

/** A bucket as the rules need it: by id when known (exact), else by name. */
export interface LocationBucket {
  id?: string;
  name: string;
  /** `allPublic`, `allPrivate`, … when known: anyone may download from an `allPublic` bucket. */
  type?: string;
}

/** A place on the local disk: the OS decides at run time, so the rules allow it. */
export interface LocalLocation {
  kind: 'local';
  path: string;
}

/** A place in B2. `bucket: null` is the account's bucket list (the B2 root). */
export interface B2Location {
  kind: 'b2';
  bucket: LocationBucket | null;
  /** Object name within the bucket; folders end in `/`; `''` = bucket root. */
  key: string;
}

export type Location = LocalLocation | B2Location;

/** A local location. */
export function localLocation(path: string): LocalLocation {
  return { kind: 'local', path };
}

/**
 * A B2 location from a provider path (`/BUCKET/dir/file`, `/` = bucket list; see
 * providers/types.ts). `dir` says the path names a folder: a trailing `/` is added to its key.
 * `bucketId` pins the bucket exactly when known; `bucketType` says whether it is public.
 */
export function b2LocationFromPath(
  path: string,
  options: { dir: boolean; bucketId?: string; bucketType?: string },
): B2Location {
  const trimmed = path.replace(/^\/+/, '');
  if (trimmed === '') return { kind: 'b2', bucket: null, key: '' };
  const slash = trimmed.indexOf('/');
  const name = slash < 0 ? trimmed : trimmed.slice(0, slash);
  let key = slash < 0 ? '' : trimmed.slice(slash + 1);
  if (options.dir) key = asFolderKey(key);
  const bucket: LocationBucket = { name };
  if (options.bucketId !== undefined) bucket.id = options.bucketId;
  if (options.bucketType !== undefined) bucket.type = options.bucketType;
  return { kind: 'b2', bucket, key };
}

/** What is known about a place besides its path, for {@link ruleLocation}. */
export interface RulePlaceOptions {
  /** The path names a folder (its key gets a final `/`). */
  dir: boolean;
  /** B2: the bucket's ID, which pins the bucket exactly (the key may be limited to it by ID). */
  bucketId?: string;
  /** B2: the bucket's type when known (`allPublic`: anyone may download). */
  bucketType?: string;
}

/**
 * The one conversion from a place to the rules' location, used by every layer that asks the
 * rules: the TUI (./pane-rule-location.ts), the CLI (`cp`, `rm`, `ls`), the transfer engine
 * (src/transfers/permission-check.ts). `kind` says which side the provider path is on.
 */
export function ruleLocation(kind: 'local' | 'b2', path: string, options: RulePlaceOptions): Location {
  return kind === 'local' ? localLocation(path) : b2LocationFromPath(path, options);
}

/** True when the key names a folder (`''` or ending in `/`). */
export function isFolderKey(key: string): boolean {
  return key === '' || key.endsWith('/');
}

/** The key as a folder: `''` stays `''`, otherwise ends in exactly one added `/` if missing. */
export function asFolderKey(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

/** The folder that holds `key`: `a/b/c.txt` → `a/b/`, `a/b/` → `a/`, `a` → `''`, `''` → `''`. */
export function parentFolderKey(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? '' : trimmed.slice(0, i + 1);
}

/**
 * Name of the placeholder object that stands for an empty folder, like the B2 web UI
 * (docs/b2-api.md §4.2: B2 has no folders, only names).
 */
export const FOLDER_PLACEHOLDER = '.bzEmpty';
