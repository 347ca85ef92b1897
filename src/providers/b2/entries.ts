/**
 * B2 file objects → provider entries, and the name rules shared by every B2 operation.
 * mtime: `fileInfo.src_last_modified_millis`, else `uploadTimestamp`; SHA1: `contentSha1`, or
 * `fileInfo.large_file_sha1` when it is "none", minus any `unverified:` prefix (docs/b2-api.md §4.5, §5.1).
 */
import type { BucketSettings, Entry, VersionEntry } from '../types.js';
import { InvalidNameError } from '../errors.js';
import { folderName, splitName } from '../paths.js';
import { fileProtection } from './file-protection.js';
import type { WireFile } from './wire-types.js';

/** Name of the zero-byte object that makes an empty folder exist, as the B2 web UI does. */
export const FOLDER_PLACEHOLDER = '.bzEmpty';

/** Strips `unverified:` and turns "none"/empty into null. */
export function cleanSha1(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.startsWith('unverified:') ? value.slice('unverified:'.length) : value;
  return /^[0-9a-fA-F]{40}$/.test(v) ? v.toLowerCase() : null;
}

/** Whole-file SHA1 of a file object: contentSha1, else large_file_sha1. */
export function fileSha1(f: WireFile): string | null {
  return cleanSha1(f.contentSha1) ?? cleanSha1(f.fileInfo?.large_file_sha1);
}

/** mtime in ms: src_last_modified_millis when it parses, else the upload time. */
export function fileMtime(info: Record<string, string> | null | undefined, uploadTimestamp: number): number | null {
  const src = info?.src_last_modified_millis;
  if (src !== undefined && /^\d+$/.test(src)) return Number(src);
  return uploadTimestamp > 0 ? uploadTimestamp : null;
}

/**
 * Entry for a file object or folder row in `bucket`. Names are carried exactly (B2 has no
 * folders, only names; see ../paths.ts): a folder row's path is `/BUCKET/` + its prefix with the final
 * `/` (`dir//` stays `dir//`), a file's path is `/BUCKET/` + its name (`endslash/` stays
 * `endslash/`), so the path lists or addresses exactly that prefix or name again. The bucket's
 * type and settings, when the caller knows them, travel with the entry (the permission rules let
 * anyone download from an `allPublic` bucket; Info shows a file's bucket defaults). A file also
 * carries its encryption, retention and legal hold (./file-protection.ts).
 */
export function entryFromFile(
  bucket: string,
  f: WireFile,
  known: { type?: string; settings?: BucketSettings } = {},
): Entry {
  const path = `/${bucket}/${f.fileName}`;
  const typed = known.type === undefined ? {} : { bucketType: known.type };
  if (f.action === 'folder') {
    return { name: folderName(f.fileName), path, kind: 'dir', size: 0, mtimeMs: null, bucketId: f.bucketId, ...typed };
  }
  const info = f.fileInfo ?? {};
  return {
    name: splitName(f.fileName).name,
    path,
    kind: 'file',
    size: f.contentLength,
    mtimeMs: fileMtime(info, f.uploadTimestamp),
    fileId: f.fileId ?? undefined,
    contentType: f.contentType ?? undefined,
    sha1: fileSha1(f),
    info,
    uploadTimestamp: f.uploadTimestamp,
    bucketId: f.bucketId,
    ...typed,
    ...(known.settings === undefined ? {} : { bucketSettings: known.settings }),
    ...fileProtection(f),
  };
}

/** VersionEntry for one version row (`upload`, `hide` or `start`). */
export function versionFromFile(bucket: string, f: WireFile, isLatest: boolean): VersionEntry {
  const base = entryFromFile(bucket, f);
  const action = f.action === 'hide' ? 'hide' : f.action === 'start' ? 'start' : 'upload';
  return { ...base, kind: 'file', fileId: f.fileId ?? '', action, isLatest, hidden: action === 'hide' };
}

/**
 * Validates an object key for writing (docs/b2-api.md §4.1): 1–1024 UTF-8 bytes, no control characters
 * below 0x20, no DEL.
 * @throws InvalidNameError
 */
export function assertValidKey(key: string, path: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes === 0) throw new InvalidNameError('A B2 file needs a name inside a bucket.', path);
  if (bytes > 1024) throw new InvalidNameError(`B2 file names are at most 1024 bytes; this one has ${bytes}.`, path);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key))
    throw new InvalidNameError('B2 file names cannot contain control characters.', path);
}

/** Percent-encodes an object key for a download URL, keeping `/` (and `+` → %2B, docs/b2-api.md §4.4). */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
