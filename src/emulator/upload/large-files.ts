/**
 * The large-file API (docs/b2-api.md §5.2): b2_start_large_file, b2_get_upload_part_url,
 * b2_list_parts, b2_finish_large_file, b2_cancel_large_file, b2_list_unfinished_large_files. Part
 * uploads are in large-file-parts.ts. Finishing keeps the file ID, reports contentSha1 "none" and
 * the start time as uploadTimestamp, and references the parts' bytes without copying them.
 */
import { bucketById, largeFileById, pageSize } from '../api/api-common.js';
import { requireBucket, requireCapability, requireFileAccess, requireName } from '../auth/enforce.js';
import { badRequest, unauthorized } from '../http/errors.js';
import { newFileId } from '../store/ids.js';
import type { LargeFileRecord, PartRecord, Segment, VersionRecord } from '../store/model.js';
import { normaliseFileInfo, resolveContentType, validateFileName } from '../api/names.js';
import { fileObject, partObject, startObject } from '../api/shapes.js';
import type { ApiContext } from '../state.js';
import type { Store } from '../store/store.js';

/** Fields of a new large file. */
export interface NewLargeFile {
  bucketId: string;
  fileName: string;
  contentType: string;
  fileInfo: Record<string, unknown>;
}

/** Validates and records a new unfinished large file. Throws 400. */
export async function startLargeFileRecord(store: Store, input: NewLargeFile): Promise<LargeFileRecord> {
  validateFileName(input.fileName);
  const seq = store.nextSeq();
  const now = Date.now();
  const record: LargeFileRecord = {
    fileId: newFileId(input.bucketId, seq, true, now),
    bucketId: input.bucketId,
    fileName: input.fileName,
    seq,
    contentType: resolveContentType(input.contentType, input.fileName),
    fileInfo: normaliseFileInfo(input.fileInfo, input.fileName),
    uploadTimestamp: now,
  };
  await store.commit({ t: 'large', v: record });
  return record;
}

/** b2_start_large_file. */
export async function startLargeFile(ctx: ApiContext): Promise<unknown> {
  const { params, principal } = ctx;
  requireCapability(principal, 'writeFiles');
  const bucket = bucketById(ctx, params.string('bucketId'));
  requireBucket(principal, bucket.bucketId);
  const fileName = params.string('fileName');
  requireName(principal, fileName);
  const record = await startLargeFileRecord(ctx.state.store, {
    bucketId: bucket.bucketId,
    fileName,
    contentType: params.string('contentType'),
    fileInfo: params.optObject('fileInfo') ?? {},
  });
  return startObject(ctx.shape, record);
}

/** b2_get_upload_part_url. */
export function getUploadPartUrl(ctx: ApiContext): unknown {
  const l = largeFileById(ctx, ctx.params.string('fileId'));
  requireFileAccess(ctx.principal, 'writeFiles', l.bucketId, l.fileName);
  const t = ctx.state.tokens.issueUpload('part', l.fileId, ctx.principal.keyId);
  return {
    fileId: l.fileId,
    uploadUrl: `${ctx.state.endpoint}/b2api/v${ctx.version}/b2_upload_part/${encodeURIComponent(l.fileId)}/${t.urlId}`,
    authorizationToken: t.token,
  };
}

/** b2_list_parts (writeFiles per the docs), pages of maxPartCount (default 100, max 1000). */
export function listParts(ctx: ApiContext): unknown {
  const l = largeFileById(ctx, ctx.params.string('fileId'));
  requireFileAccess(ctx.principal, 'writeFiles', l.bucketId, l.fileName);
  const start = ctx.params.optInt('startPartNumber') ?? 1;
  const max = pageSize(ctx, 'maxPartCount', 100, 1000);
  const parts = [...(ctx.state.store.parts.get(l.fileId)?.values() ?? [])]
    .filter((p) => p.partNumber >= start)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = parts.slice(0, max);
  return {
    parts: page.map((p) => partObject(l.fileId, p)),
    nextPartNumber: parts[max]?.partNumber ?? null,
  };
}

/**
 * Finishes a large file: parts 1…N must all exist (N = partSha1Array length, no extras), match
 * their SHA1s, and all but the last be at least absoluteMinimumPartSize. Throws 400.
 */
export async function finishLargeFileRecord(store: Store, fileId: string, sha1s: string[], minPart: number): Promise<VersionRecord> {
  const l = store.largeFiles.get(fileId);
  if (!l) throw badRequest(`Invalid fileId: ${fileId}`);
  const parts = store.parts.get(fileId) ?? new Map<number, PartRecord>();
  if (sha1s.length === 0) throw badRequest('partSha1Array must not be empty');
  for (const n of parts.keys()) {
    if (n > sha1s.length) throw badRequest(`Part number ${n} was uploaded but is not in partSha1Array`);
  }
  const segments: Segment[] = [];
  let total = 0;
  for (let i = 0; i < sha1s.length; i++) {
    const part = parts.get(i + 1);
    if (!part) throw badRequest(`Part number ${i + 1} has not been uploaded`);
    if (part.contentSha1 !== sha1s[i]?.toLowerCase()) throw badRequest(`Sha1 mismatch for part number ${i + 1}`);
    if (i < sha1s.length - 1 && part.contentLength < minPart) {
      throw badRequest(`Part number ${i + 1} is smaller than the minimum part size of ${minPart} bytes`);
    }
    segments.push(...part.segments);
    total += part.contentLength;
  }
  const v: VersionRecord = {
    fileId: l.fileId,
    bucketId: l.bucketId,
    fileName: l.fileName,
    action: 'upload',
    seq: l.seq,
    contentLength: total,
    contentSha1: 'none',
    contentMd5: null,
    contentType: l.contentType,
    fileInfo: l.fileInfo,
    uploadTimestamp: l.uploadTimestamp,
    segments,
  };
  // Version first, then drop the large file: blob references never touch zero in between.
  await store.commit({ t: 'version', v }, { t: 'large-', id: l.fileId });
  return v;
}

/** b2_finish_large_file. */
export async function finishLargeFile(ctx: ApiContext): Promise<unknown> {
  const l = largeFileById(ctx, ctx.params.string('fileId'));
  requireFileAccess(ctx.principal, 'writeFiles', l.bucketId, l.fileName);
  const sha1s = ctx.params.optStringArray('partSha1Array');
  if (!sha1s) throw badRequest('required field partSha1Array is missing');
  const v = await finishLargeFileRecord(ctx.state.store, l.fileId, sha1s, ctx.state.settings.absoluteMinimumPartSize);
  return fileObject(ctx.shape, v);
}

/** b2_cancel_large_file. */
export async function cancelLargeFile(ctx: ApiContext): Promise<unknown> {
  const l = largeFileById(ctx, ctx.params.string('fileId'));
  requireFileAccess(ctx.principal, 'writeFiles', l.bucketId, l.fileName);
  await ctx.state.store.commit({ t: 'large-', id: l.fileId });
  return { fileId: l.fileId, accountId: ctx.state.store.meta.accountId, bucketId: l.bucketId, fileName: l.fileName };
}

/** b2_list_unfinished_large_files: by name, `namePrefix` filter, pages of ≤100 via startFileId. */
export function listUnfinishedLargeFiles(ctx: ApiContext): unknown {
  const p = ctx.principal;
  requireCapability(p, 'listFiles');
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(p, bucket.bucketId);
  let prefix = ctx.params.optString('namePrefix') ?? '';
  if (p.namePrefix !== null && !prefix.startsWith(p.namePrefix)) {
    if (ctx.version > 1) throw unauthorized(`The application key is only allowed to list files starting with ${p.namePrefix}`);
    if (!p.namePrefix.startsWith(prefix)) return { files: [], nextFileId: null };
    prefix = p.namePrefix;
  }
  const max = pageSize(ctx, 'maxFileCount', 100, 100);
  const startFileId = ctx.params.optString('startFileId') || undefined;
  const idx = ctx.state.store.index(bucket.bucketId);
  const all: LargeFileRecord[] = [];
  for (let i = idx.lowerBound(prefix); i < idx.names.length; i++) {
    const name = idx.names[i] ?? '';
    if (!name.startsWith(prefix)) break;
    all.push(...(idx.entries.get(name)?.starts ?? []));
  }
  let from = 0;
  if (startFileId !== undefined) {
    const at = all.findIndex((l) => l.fileId === startFileId);
    if (at >= 0) from = at;
  }
  const page = all.slice(from, from + max);
  return {
    files: page.map((l) => startObject(ctx.shape, l, true)),
    nextFileId: all[from + max]?.fileId ?? null,
  };
}
