/**
 * Server-side copies (docs/b2-api.md §5.3): b2_copy_file (COPY/REPLACE metadata rules, result < 5
 * GB, response action "copy") and b2_copy_part, with the encryption of source and destination
 * (docs/b2-api.md §9). Copies reference the source's bytes; only SHA1/MD5
 * of a partial range are computed by reading it.
 */
import { createHash } from 'node:crypto';
import { bucketById, largeFileById } from './api-common.js';
import { readContent, sliceSegments } from '../store/content.js';
import { requireBucket, requireCapability, requireName } from '../auth/enforce.js';
import { B2Error, badRequest } from '../http/errors.js';
import { newFileId } from '../store/ids.js';
import type { PartRecord, Segment, VersionRecord } from '../store/model.js';
import { normaliseFileInfo, resolveContentType, validateFileName } from './names.js';
import { fileObject, partObject } from './shapes.js';
import { parseSseJson, type SseRequest } from './encryption.js';
import { requireReadKey, requireSameEncryption } from './customer-keys.js';
import { parseLegalHold, parseRetentionJson } from './lock-rules.js';
import { newFileProtection, type ProtectionRequest } from './protection.js';
import { replicationStatusFor } from './replication.js';
import type { ApiContext } from '../state.js';

const MAX_COPY_BYTES = 5_000_000_000;

/**
 * The copy source: must be a stored upload the key may read, and an SSE-C source needs its key
 * in `sourceServerSideEncryption` (docs/b2-api.md §9.3).
 */
function sourceOf(ctx: ApiContext): VersionRecord {
  const id = ctx.params.string('sourceFileId');
  const v = ctx.state.store.versions.get(id);
  if (!v || v.action !== 'upload') throw badRequest(`Invalid sourceFileId: ${id}`);
  const bucket = bucketById(ctx, v.bucketId);
  // readFiles is needed on private sources only (B2 docs); bucket and prefix always apply.
  if (bucket.bucketType !== 'allPublic') requireCapability(ctx.principal, 'readFiles');
  requireBucket(ctx.principal, v.bucketId);
  requireName(ctx.principal, v.fileName);
  requireReadKey(
    v.sse,
    parseSseJson(ctx.params.optAny('sourceServerSideEncryption'), 'sourceServerSideEncryption'),
    'Copy source',
  );
  return v;
}

/** `destinationServerSideEncryption` of a copy. */
function destinationSse(ctx: ApiContext): SseRequest | undefined {
  return parseSseJson(ctx.params.optAny('destinationServerSideEncryption'), 'destinationServerSideEncryption');
}

/** Parses `range: "bytes=a-b"` (inclusive) against the source size; returns `[start, end)`. */
function copyRange(ctx: ApiContext, size: number): { start: number; end: number } {
  const raw = ctx.params.optString('range');
  if (raw === undefined || raw === '') return { start: 0, end: size };
  const m = /^bytes=(\d+)-(\d+)$/.exec(raw.trim());
  if (!m) throw badRequest(`Invalid range: ${raw}`);
  const start = Number(m[1]);
  const last = Number(m[2]);
  if (last < start) throw badRequest(`Invalid range: ${raw}`);
  if (start >= size)
    throw new B2Error(416, 'range_not_satisfiable', `Range ${raw} is not satisfiable for ${size} bytes`);
  return { start, end: Math.min(last + 1, size) };
}

/**
 * SHA1/MD5 of a copied range: reused for whole verified files, computed otherwise. MD5 only for
 * copy_file results (parts carry none, as with uploaded parts).
 */
async function hashes(
  ctx: ApiContext,
  src: VersionRecord,
  segments: Segment[],
  whole: boolean,
  withMd5: boolean,
): Promise<{ sha1: string; md5: string | null }> {
  if (whole && /^[0-9a-f]{40}$/.test(src.contentSha1))
    return { sha1: src.contentSha1, md5: withMd5 ? src.contentMd5 : null };
  const sha1 = createHash('sha1');
  const md5 = withMd5 ? createHash('md5') : undefined;
  const total = segments.reduce((n, s) => n + s.length, 0);
  for await (const chunk of readContent(ctx.state.store.blobs, segments, 0, total)) {
    sha1.update(chunk);
    md5?.update(chunk);
  }
  return { sha1: sha1.digest('hex'), md5: md5?.digest('hex') ?? null };
}

/** b2_copy_file. */
export async function copyFile(ctx: ApiContext): Promise<unknown> {
  const { params, principal } = ctx;
  requireCapability(principal, 'writeFiles');
  const src = sourceOf(ctx);
  const destBucketId = params.optString('destinationBucketId') || src.bucketId;
  const destBucket = bucketById(ctx, destBucketId);
  requireBucket(principal, destBucketId);
  const fileName = params.string('fileName');
  validateFileName(fileName);
  requireName(principal, fileName);
  const directive = params.optString('metadataDirective') ?? 'COPY';
  const contentType = params.optString('contentType');
  const info = params.optObject('fileInfo');
  let newType: string;
  let newInfo: Record<string, string>;
  if (directive === 'COPY') {
    if (contentType !== undefined) throw badRequest('contentType must not be set when metadataDirective is COPY');
    if (info !== undefined) throw badRequest('fileInfo must not be set when metadataDirective is COPY');
    newType = src.contentType;
    newInfo = { ...src.fileInfo };
  } else if (directive === 'REPLACE') {
    if (contentType === undefined) throw badRequest('contentType is required when metadataDirective is REPLACE');
    newType = resolveContentType(contentType, fileName);
    newInfo = normaliseFileInfo(info ?? {}, fileName);
  } else {
    throw badRequest(`Invalid metadataDirective: ${directive}`);
  }
  const now = Date.now();
  const request: ProtectionRequest = {
    sse: destinationSse(ctx),
    retention: parseRetentionJson(params.optAny('fileRetention'), now),
    legalHold: parseLegalHold(params.optAny('legalHold')),
  };
  const protection = newFileProtection(principal, destBucket, request, fileName, newInfo, now);
  const { start, end } = copyRange(ctx, src.contentLength);
  const length = end - start;
  if (length >= MAX_COPY_BYTES) throw new B2Error(400, 'source_too_large', `Copy source too big: ${length}`);
  const whole = start === 0 && end === src.contentLength;
  const segments = sliceSegments(src.segments, start, end);
  const h =
    whole && src.contentSha1 === 'none' ? { sha1: 'none', md5: null } : await hashes(ctx, src, segments, whole, true);
  const store = ctx.state.store;
  const seq = store.nextSeq();
  const v: VersionRecord = {
    ...protection,
    fileId: newFileId(destBucketId, seq, false, now),
    bucketId: destBucketId,
    fileName,
    action: 'upload',
    seq,
    contentLength: length,
    contentSha1: h.sha1,
    contentMd5: h.md5,
    contentType: newType,
    fileInfo: newInfo,
    uploadTimestamp: now,
    segments,
    replicationStatus: replicationStatusFor(destBucket, fileName),
  };
  await store.commit({ t: 'version', v });
  return fileObject(ctx.shape, v, false, 'copy');
}

/** b2_copy_part: copies a range of a stored file into a part of an unfinished large file. */
export async function copyPart(ctx: ApiContext): Promise<unknown> {
  const { params, principal } = ctx;
  requireCapability(principal, 'writeFiles');
  const src = sourceOf(ctx);
  const large = largeFileById(ctx, params.string('largeFileId'));
  requireBucket(principal, large.bucketId);
  requireName(principal, large.fileName);
  const partNumber = params.optInt('partNumber');
  if (partNumber === undefined || partNumber < 1 || partNumber > 10_000)
    throw badRequest('Part number must be in range 1 - 10000');
  requireSameEncryption(large.sse, destinationSse(ctx), `Part ${partNumber}`);
  const { start, end } = copyRange(ctx, src.contentLength);
  if (end - start > MAX_COPY_BYTES) throw new B2Error(400, 'source_too_large', `Copy source too big: ${end - start}`);
  const segments = sliceSegments(src.segments, start, end);
  const h = await hashes(ctx, src, segments, start === 0 && end === src.contentLength, false);
  const part: PartRecord = {
    partNumber,
    contentLength: end - start,
    contentSha1: h.sha1,
    contentMd5: h.md5,
    uploadTimestamp: Date.now(),
    segments,
  };
  await ctx.state.store.commit({ t: 'part', fileId: large.fileId, v: part });
  return partObject(large.fileId, part, large.sse);
}
