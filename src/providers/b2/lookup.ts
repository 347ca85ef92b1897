/**
 * Small lookups shared by stat, remove, copy and mkdir: a name's newest visible file, its
 * versions, and whether a folder prefix holds anything. All need listFiles.
 *
 * Through `session.api` (plain JSON over node:http), not backblaze-b2: a copy from B2 looks its
 * source up and then downloads it, and loading the library for that one call cost every
 * `b2c cp` from B2 about 60 ms of start-up (bench/README.md, "Big files without streams").
 */
import type { BucketRef } from './buckets.js';
import { FOLDER_PLACEHOLDER } from './entries.js';
import type { B2Session } from './session.js';
import type { WireFile, WireListFiles } from './wire-types.js';

/** The newest visible version of exactly `key`, or null (b2_list_file_names skips hidden names). */
export async function findFile(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  signal?: AbortSignal,
): Promise<WireFile | null> {
  const data = await session.api<WireListFiles>(
    'b2_list_file_names',
    { bucketId: bucket.id, prefix: key, startFileName: key, maxFileCount: 1 },
    {
      op: 'b2_list_file_names',
      path,
      bucket: bucket.name,
      fileName: key,
      capability: 'listFiles',
      action: 'Looking up a file',
    },
    signal,
  );
  const f = data.files[0];
  return f !== undefined && f.fileName === key && f.action === 'upload' ? f : null;
}

/**
 * Versions of exactly `key`, newest first, page by page (b2_list_file_versions from `key`).
 * Stops at the first other name.
 */
export async function* versionPagesOf(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  pageSize: number,
  signal?: AbortSignal,
): AsyncGenerator<WireFile[]> {
  let cursor: { name: string; id: string | undefined } | null = { name: key, id: undefined };
  while (cursor !== null) {
    const from: { name: string; id: string | undefined } = cursor;
    const data: WireListFiles = await session.api<WireListFiles>(
      'b2_list_file_versions',
      {
        bucketId: bucket.id,
        startFileName: from.name,
        ...(from.id !== undefined ? { startFileId: from.id } : {}),
        maxFileCount: pageSize,
        // A prefix-restricted key needs it.
        prefix: key,
      },
      {
        op: 'b2_list_file_versions',
        path,
        bucket: bucket.name,
        fileName: key,
        capability: 'listFiles',
        action: 'Listing versions',
      },
      signal,
    );
    const mine = data.files.filter((f) => f.fileName === key);
    const leftName = mine.length < data.files.length;
    if (mine.length > 0) yield mine;
    cursor =
      leftName || data.nextFileName === null || data.nextFileName !== key
        ? null
        : { name: data.nextFileName, id: data.nextFileId ?? undefined };
  }
}

/** All versions of `key`, newest first. */
export async function allVersions(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  path: string,
  signal?: AbortSignal,
): Promise<WireFile[]> {
  const out: WireFile[] = [];
  for await (const page of versionPagesOf(session, bucket, key, path, 1000, signal)) out.push(...page);
  return out;
}

/** What lives under the folder `prefix` (exact, ending in `/`): whether anything does, and whether it is only the placeholder. */
export async function folderContents(
  session: B2Session,
  bucket: BucketRef,
  prefix: string,
  path: string,
  signal?: AbortSignal,
): Promise<{ exists: boolean; placeholderOnly: boolean; hasPlaceholder: boolean }> {
  const data = await session.api<WireListFiles>(
    'b2_list_file_names',
    { bucketId: bucket.id, prefix, delimiter: '/', maxFileCount: 2 },
    {
      op: 'b2_list_file_names',
      path,
      bucket: bucket.name,
      fileName: prefix,
      capability: 'listFiles',
      action: 'Looking up a folder',
    },
    signal,
  );
  const placeholder = `${prefix}${FOLDER_PLACEHOLDER}`;
  const hasPlaceholder = data.files.some((f) => f.fileName === placeholder);
  const others = data.files.filter((f) => f.fileName !== placeholder);
  return { exists: data.files.length > 0, placeholderOnly: hasPlaceholder && others.length === 0, hasPlaceholder };
}
