/**
 * mkdir / remove / unhide / versions for B2.
 *
 * - mkdir uploads `dir/.bzEmpty` (zero bytes), as the B2 web UI does; a folder that already has
 *   names needs nothing.
 * - remove modes (docs/b2-api.md §4.3): `hide` (default) adds a hide marker, which
 *   unhide undoes; `delete-version` deletes one version (`fileId`, else the newest, even a hide
 *   marker); `all-versions` deletes every version of the name. A folder is removable when only its
 *   placeholder is left; the mode then applies to the placeholder.
 * - unhide deletes the hide marker(s) on top of a name, so its newest real version shows again.
 */
import { AlreadyExistsError, InvalidNameError, NotEmptyError, NotFoundError } from '../errors.js';
import { folderPrefix, splitBucketPath } from '../paths.js';
import { sha1Hex } from '../stream-utils.js';
import type { ListOptions, RemoveOptions, VersionEntry } from '../types.js';
import type { BucketDirectory, BucketRef } from './buckets.js';
import { FOLDER_PLACEHOLDER, assertValidKey, versionFromFile } from './entries.js';
import type { CallContext } from './error-map.js';
import { deleteListedVersions, deleteVersion } from './delete-versions.js';
import { allVersions, findFile, folderContents, versionPagesOf } from './lookup.js';
import type { B2Session } from './session.js';
import { uploadSmall } from './upload-small.js';
import type { UploadUrlPool } from './upload-url-pool.js';

function fileKey(path: string): { bucket: string; key: string } {
  const { bucket, key } = splitBucketPath(path);
  if (bucket === null || key === '')
    throw new InvalidNameError(`"${path}" is a bucket or the root; buckets are created and deleted separately.`, path);
  return { bucket, key };
}

function canList(session: B2Session): boolean {
  return session.keyInfo.capabilities.includes('listFiles');
}

/**
 * Creates folder `path` as a `.bzEmpty` placeholder.
 * @throws AlreadyExistsError (a file has that name), PermissionDeniedError, InvalidNameError, TransientError
 */
export async function makeFolder(
  session: B2Session,
  pool: UploadUrlPool,
  buckets: BucketDirectory,
  path: string,
  signal?: AbortSignal,
): Promise<void> {
  const { bucket: name, key } = splitBucketPath(path);
  if (name === null) return;
  const bucket = await buckets.resolve(name, signal);
  const prefix = folderPrefix(key);
  if (prefix === '') return;
  const placeholder = `${prefix}${FOLDER_PLACEHOLDER}`;
  assertValidKey(placeholder, path);
  if (canList(session)) {
    // The file that would look like this folder in a file manager: `photos` for `photos/`.
    const sameName = prefix.slice(0, -1);
    if (sameName !== '' && (await findFile(session, bucket, sameName, path, signal)) !== null)
      throw new AlreadyExistsError(`A file named "${path}" already exists.`, path);
    if ((await folderContents(session, bucket, prefix, path, signal)).exists) return;
  }
  const data = Buffer.alloc(0);
  await uploadSmall(session, pool, {
    bucket,
    key: placeholder,
    path,
    data,
    sha1: sha1Hex(data),
    contentType: 'application/octet-stream',
    info: {},
    signal,
  });
}

async function hide(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  signal?: AbortSignal,
): Promise<void> {
  const ctx: CallContext = {
    op: 'b2_hide_file',
    path,
    bucket: bucket.name,
    fileName: key,
    capability: 'writeFiles',
    action: 'Hiding a file',
  };
  await session.lib(ctx, signal, (c, x) => c.hideFile({ bucketId: bucket.id, fileName: key, ...x }));
}

/** Applies `mode` to the exact name `key` (a file, or a folder's placeholder). */
async function removeName(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  options: RemoveOptions,
): Promise<void> {
  const mode = options.mode ?? 'default';
  const { signal } = options;
  switch (mode) {
    case 'default':
    case 'hide':
      return hide(session, bucket, key, path, signal);
    case 'delete-version': {
      if (options.fileId !== undefined) return deleteVersion(session, bucket.name, key, options.fileId, path, options);
      const newest = (await allVersions(session, bucket, key, path, signal))[0];
      if (newest === undefined) throw new NotFoundError(`"${path}" does not exist.`, path);
      return deleteListedVersions(session, bucket, key, [newest], path, options);
    }
    case 'all-versions': {
      const versions = await allVersions(session, bucket, key, path, signal);
      if (versions.length === 0) throw new NotFoundError(`"${path}" does not exist.`, path);
      return deleteListedVersions(session, bucket, key, versions, path, options);
    }
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/**
 * Removes a file or an empty folder (see the module comment for modes). `kind` says which one the
 * path names (a name ending in `/` can be both); without it a file with exactly that name wins.
 * @throws NotFoundError, NotEmptyError, PermissionDeniedError, LockedError, InvalidNameError, TransientError
 */
export async function removePath(
  session: B2Session,
  buckets: BucketDirectory,
  path: string,
  options: RemoveOptions = {},
): Promise<void> {
  const { bucket: name, key } = fileKey(path);
  const mode = options.mode ?? 'default';
  // A version named by its ID is deleted without the bucket's ID (docs/b2-api.md §2.1): a key of
  // all buckets without listBuckets may do it.
  if (options.fileId !== undefined && mode === 'delete-version')
    return deleteVersion(session, name, key, options.fileId, path, options);
  const bucket = await buckets.resolve(name, options.signal);
  const prefix = folderPrefix(key);
  const placeholder = `${prefix}${FOLDER_PLACEHOLDER}`;
  if (options.fileId !== undefined || (!canList(session) && options.kind !== 'dir'))
    return removeName(session, bucket, key, path, options);
  if (!canList(session)) return removeName(session, bucket, placeholder, path, options);
  if (options.kind !== 'dir') {
    const isFile =
      mode === 'hide' || mode === 'default'
        ? (await findFile(session, bucket, key, path, options.signal)) !== null
        : (await allVersions(session, bucket, key, path, options.signal)).length > 0;
    if (isFile) return removeName(session, bucket, key, path, options);
    if (options.kind === 'file') throw new NotFoundError(`"${path}" does not exist.`, path);
  }
  const folder = await folderContents(session, bucket, prefix, path, options.signal);
  if (!folder.exists) throw new NotFoundError(`"${path}" does not exist.`, path);
  if (!folder.placeholderOnly) throw new NotEmptyError(`The folder "${path}" is not empty.`, path);
  return removeName(session, bucket, placeholder, path, options);
}

/**
 * Deletes the hide marker(s) on top of `path`; a visible name is left alone.
 * @throws NotFoundError (no versions at all), PermissionDeniedError (deleteFiles), TransientError
 */
export async function unhidePath(
  session: B2Session,
  buckets: BucketDirectory,
  path: string,
  signal?: AbortSignal,
): Promise<void> {
  const { bucket: name, key } = fileKey(path);
  const bucket = await buckets.resolve(name, signal);
  const versions = await allVersions(session, bucket, key, path, signal);
  if (versions.length === 0) throw new NotFoundError(`"${path}" has no versions.`, path);
  for (const v of versions) {
    if (v.action !== 'hide') break;
    if (v.fileId !== null) await deleteVersion(session, bucket.name, key, v.fileId, path, { signal });
  }
}

/**
 * Every version of `path`, newest first; `isLatest` marks the newest finished one (upload or hide).
 * @throws NotFoundError (no versions), PermissionDeniedError, TransientError
 */
export async function* listVersions(
  session: B2Session,
  buckets: BucketDirectory,
  path: string,
  options?: ListOptions,
): AsyncGenerator<VersionEntry[]> {
  const { bucket: name, key } = fileKey(path);
  const bucket = await buckets.resolve(name, options?.signal);
  const size = Math.min(10_000, Math.max(1, options?.pageSize ?? 1000));
  let latestSeen = false;
  let any = false;
  for await (const page of versionPagesOf(session, bucket, key, path, size, options?.signal)) {
    any = true;
    yield page.map((f) => {
      const isLatest = !latestSeen && f.action !== 'start';
      if (isLatest) latestSeen = true;
      return versionFromFile(bucket.name, f, isLatest);
    });
  }
  if (!any) throw new NotFoundError(`"${path}" has no versions.`, path);
}
