/**
 * The large-file API (docs/b2-api.md §5.2): b2_start_large_file, b2_get_upload_part_url,
 * b2_list_parts, b2_cancel_large_file, b2_list_unfinished_large_files. Part uploads are in
 * large-file-parts.ts, b2_finish_large_file in large-file-finish.ts.
 */
import { bucketById, largeFileById, pageSize } from '../api/api-common.js';
import { requireBucket, requireCapability, requireFileAccess, requireName } from '../auth/enforce.js';
import { badRequest, unauthorized } from '../http/errors.js';
import { newFileId } from '../store/ids.js';
import type { LargeFileRecord } from '../store/model.js';
import { normaliseFileInfo, resolveContentType, validateFileName } from '../api/names.js';
import { partObject, startObject } from '../api/shapes.js';
import { parseSseJson } from '../api/encryption.js';
import { parseLegalHold, parseRetentionJson } from '../api/lock-rules.js';
import { newFileProtection, type ProtectionRequest } from '../api/protection.js';
import type { FileProtection } from '../store/file-settings.js';
import type { ApiContext } from '../state.js';
import type { Store } from '../store/store.js';

/** Fields of a new large file. */
export interface NewLargeFile {
  bucketId: string;
  fileName: string;
  contentType: string;
  fileInfo: Record<string, unknown>;
  /**
   * Decides encryption and Object Lock once name and info are valid (see ../api/protection.ts);
   * none when absent (the demo seed).
   */
  protect?: (fileName: string, fileInfo: Record<string, string>) => FileProtection;
  /** `customUploadTimestamp` (ms, checked): the upload time the finished file reports. */
  uploadTimestamp?: number;
}

/** Validates and records a new unfinished large file. Throws 400. */
export async function startLargeFileRecord(store: Store, input: NewLargeFile): Promise<LargeFileRecord> {
  validateFileName(input.fileName);
  const contentType = resolveContentType(input.contentType, input.fileName);
  const fileInfo = normaliseFileInfo(input.fileInfo, input.fileName);
  const protection = input.protect?.(input.fileName, fileInfo) ?? {};
  const seq = store.nextSeq();
  const now = Date.now();
  const record: LargeFileRecord = {
    ...protection,
    fileId: newFileId(input.bucketId, seq, true, now),
    bucketId: input.bucketId,
    fileName: input.fileName,
    seq,
    contentType,
    fileInfo,
    uploadTimestamp: input.uploadTimestamp ?? now,
  };
  await store.commit({ t: 'large', v: record });
  return record;
}

/**
 * `customUploadTimestamp` of b2_start_large_file, like X-Bz-Custom-Upload-Timestamp on uploads
 * (docs/b2-api.md §5.1): ms since the epoch, never in the future. Throws 400.
 */
function customUploadTimestamp(ctx: ApiContext, now: number): number | undefined {
  const ts = ctx.params.optInt('customUploadTimestamp');
  if (ts !== undefined && (ts < 0 || ts > now))
    throw badRequest('Invalid customUploadTimestamp: it must be a time in milliseconds, not in the future');
  return ts;
}

/** b2_start_large_file. */
export async function startLargeFile(ctx: ApiContext): Promise<unknown> {
  const { params, principal } = ctx;
  requireCapability(principal, 'writeFiles');
  const bucket = bucketById(ctx, params.string('bucketId'));
  requireBucket(principal, bucket.bucketId);
  const fileName = params.string('fileName');
  requireName(principal, fileName);
  const now = Date.now();
  const request: ProtectionRequest = {
    sse: parseSseJson(params.optAny('serverSideEncryption'), 'serverSideEncryption'),
    retention: parseRetentionJson(params.optAny('fileRetention'), now),
    legalHold: parseLegalHold(params.optAny('legalHold')),
  };
  const record = await startLargeFileRecord(ctx.state.store, {
    bucketId: bucket.bucketId,
    fileName,
    contentType: params.string('contentType'),
    fileInfo: params.optObject('fileInfo') ?? {},
    protect: (name, info) => newFileProtection(principal, bucket, request, name, info, now),
    uploadTimestamp: customUploadTimestamp(ctx, now),
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
    parts: page.map((p) => partObject(l.fileId, p, l.sse)),
    nextPartNumber: parts[max]?.partNumber ?? null,
  };
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
    if (ctx.version > 1)
      throw unauthorized(`The application key is only allowed to list files starting with ${p.namePrefix}`);
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
