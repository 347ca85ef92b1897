/**
 * `stat()` for B2. A file is a name whose newest version is visible; a folder exists when any name
 * starts with its prefix (a `.bzEmpty` placeholder counts). Names are exact: `a/` is the file
 * named `a/` if there is one, else the folder `a/`. With listFiles this uses
 * b2_list_file_names; a key with only readFiles falls back to a HEAD by name (files only).
 * Folders above a prefix-restricted key's prefix are reported as existing without asking B2
 * (asking would be refused).
 */
import { NotFoundError, PermissionDeniedError, isProviderError } from '../errors.js';
import { folderName, folderPrefix, splitBucketPath, splitName } from '../paths.js';
import type { Entry, StatOptions } from '../types.js';
import type { BucketDirectory } from './buckets.js';
import { headFile } from './download.js';
import { entryFromFile } from './entries.js';
import { findFile, folderContents } from './lookup.js';
import type { B2Session } from './session.js';
import type { WireFile } from './wire-types.js';

function dirEntry(path: string, prefix: string, bucketId?: string): Entry {
  return { name: folderName(prefix), path, kind: 'dir', size: 0, mtimeMs: null, bucketId };
}

/**
 * Describes `path`: the file with exactly that name, else the folder it names (see
 * ../types.ts); `kind` asks for only one of them.
 * @throws NotFoundError, PermissionDeniedError, TransientError, CancelledError
 */
export async function statPath(
  session: B2Session,
  buckets: BucketDirectory,
  path: string,
  options: StatOptions = {},
): Promise<Entry> {
  const { signal } = options;
  const { bucket: bucketName, key } = splitBucketPath(path);
  if (bucketName === null) return { name: '', path: '/', kind: 'dir', size: 0, mtimeMs: null };
  const bucket = await buckets.resolve(bucketName, signal);
  if (key === '')
    return {
      name: bucket.name,
      path: `/${bucket.name}`,
      kind: 'bucket',
      size: 0,
      mtimeMs: null,
      bucketId: bucket.id,
      bucketType: bucket.type,
    };
  if (options.fileId !== undefined) {
    const fileId = options.fileId;
    const f = await session.lib<WireFile>(
      {
        op: 'b2_get_file_info',
        path,
        bucket: bucket.name,
        fileName: key,
        capability: 'readFiles',
        action: 'Reading file details',
      },
      signal,
      (c, x) => c.getFileInfo({ fileId, ...x }),
    );
    return entryFromFile(bucket.name, f);
  }
  const prefix = folderPrefix(key);
  const fileWanted = options.kind !== 'dir';
  const folderWanted = options.kind !== 'file';
  const keyPrefix = session.keyInfo.namePrefix;
  if (folderWanted && keyPrefix !== null && keyPrefix.startsWith(prefix)) return dirEntry(path, prefix, bucket.id);
  const caps = session.keyInfo.capabilities;
  if (caps.includes('listFiles')) {
    const file = fileWanted ? await findFile(session, bucket, key, path, signal) : null;
    if (file !== null) return entryFromFile(bucket.name, file);
    if (folderWanted && (await folderContents(session, bucket, prefix, path, signal)).exists)
      return dirEntry(path, prefix, bucket.id);
    throw new NotFoundError(`"${path}" does not exist.`, path);
  }
  if (!fileWanted)
    throw new PermissionDeniedError('Looking up a folder needs the listFiles capability.', ['listFiles'], path);
  if (caps.includes('readFiles')) {
    try {
      const head = await headFile(session, { bucket: bucket.name, key, path, signal });
      return {
        name: splitName(key).name,
        path,
        kind: 'file',
        size: head.totalSize,
        mtimeMs: head.mtimeMs,
        fileId: head.fileId,
        contentType: head.contentType,
        sha1: head.sha1,
        uploadTimestamp: head.uploadTimestamp,
        bucketId: bucket.id,
      };
    } catch (e) {
      if (isProviderError(e) && e.kind === 'not-found')
        throw new NotFoundError(`"${path}" does not exist (or is a folder, which this key cannot list).`, path);
      throw e;
    }
  }
  const has = caps.join(', ') || 'no capabilities';
  throw new PermissionDeniedError(
    `Looking up a file needs the listFiles or readFiles capability; this key has ${has}.`,
    ['listFiles'],
    path,
  );
}
