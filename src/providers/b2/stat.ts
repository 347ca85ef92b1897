/**
 * `stat()` for B2. A file is a name whose newest version is visible; a folder exists when any name
 * starts with `key/` (a `.bzEmpty` placeholder counts). With listFiles this uses
 * b2_list_file_names; a key with only readFiles falls back to a HEAD by name (files only).
 * Folders above a prefix-restricted key's prefix are reported as existing without asking B2
 * (asking would be refused).
 */
import { NotFoundError, PermissionDeniedError, isProviderError } from '../errors.js';
import { splitBucketPath } from '../paths.js';
import type { Entry } from '../types.js';
import type { BucketDirectory } from './buckets.js';
import { headFile } from './download.js';
import { entryFromFile, lastSegment } from './entries.js';
import { findFile, folderContents } from './lookup.js';
import type { B2Session } from './session.js';
import type { WireFile } from './wire-types.js';

function dirEntry(path: string, key: string, bucketId?: string): Entry {
  return { name: lastSegment(key), path, kind: 'dir', size: 0, mtimeMs: null, bucketId };
}

/**
 * Describes `path`.
 * @throws NotFoundError, PermissionDeniedError, TransientError, CancelledError
 */
export async function statPath(session: B2Session, buckets: BucketDirectory, path: string, options: { signal?: AbortSignal; fileId?: string } = {}): Promise<Entry> {
  const { signal } = options;
  const { bucket: bucketName, key: rawKey } = splitBucketPath(path);
  if (bucketName === null) return { name: '', path: '/', kind: 'dir', size: 0, mtimeMs: null };
  const key = rawKey.endsWith('/') ? rawKey.slice(0, -1) : rawKey;
  const bucket = await buckets.resolve(bucketName, signal);
  if (key === '') return { name: bucket.name, path: `/${bucket.name}`, kind: 'bucket', size: 0, mtimeMs: null, bucketId: bucket.id, bucketType: bucket.type };
  if (options.fileId !== undefined) {
    const fileId = options.fileId;
    const f = await session.lib<WireFile>(
      { op: 'b2_get_file_info', path, bucket: bucket.name, fileName: key, capability: 'readFiles', action: 'Reading file details' },
      signal,
      (c, x) => c.getFileInfo({ fileId, ...x }),
    );
    return entryFromFile(bucket.name, f);
  }
  const keyPrefix = session.keyInfo.namePrefix;
  if (keyPrefix !== null && keyPrefix.startsWith(`${key}/`)) return dirEntry(path, key, bucket.id);
  const caps = session.keyInfo.capabilities;
  if (caps.includes('listFiles')) {
    const file = await findFile(session, bucket, key, path, signal);
    if (file !== null) return entryFromFile(bucket.name, file);
    if ((await folderContents(session, bucket, key, path, signal)).exists) return dirEntry(path, key, bucket.id);
    throw new NotFoundError(`"${path}" does not exist.`, path);
  }
  if (caps.includes('readFiles')) {
    try {
      const head = await headFile(session, { bucket: bucket.name, key, path, signal });
      return {
        name: lastSegment(key),
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
      if (isProviderError(e) && e.kind === 'not-found') throw new NotFoundError(`"${path}" does not exist (or is a folder, which this key cannot list).`, path);
      throw e;
    }
  }
  const has = caps.join(', ') || 'no capabilities';
  throw new PermissionDeniedError(`Looking up a file needs the listFiles or readFiles capability; this key has ${has}.`, ['listFiles'], path);
}
