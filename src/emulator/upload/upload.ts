/**
 * b2_get_upload_url and b2_upload_file. Upload URLs carry the bucket ID and a URL id in the path;
 * each upload token works only on its own URL (docs/b2-api.md §5.1, §8). Bodies stream into the
 * blob store while hashed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bucketById } from '../api/api-common.js';
import { receiveBody, uploadLengths } from './body-sink.js';
import { requireBucket, requireCapability, requireName } from '../auth/enforce.js';
import { noteCaller } from '../auth/refusals.js';
import { B2Error, badBucketId, badRequest } from '../http/errors.js';
import { header, sendJson } from '../http/http-util.js';
import { newFileId } from '../store/ids.js';
import type { ApiVersion, VersionRecord } from '../store/model.js';
import { principalFor } from '../auth/principal.js';
import { fileObject } from '../api/shapes.js';
import { newFileProtection } from '../api/protection.js';
import { replicationStatusFor } from '../api/replication.js';
import type { ApiContext, EmulatorState } from '../state.js';
import { parseUploadMeta } from './upload-headers.js';

const MAX_UPLOAD_BYTES = 5_000_000_000;

/** b2_get_upload_url. */
export function getUploadUrl(ctx: ApiContext): unknown {
  requireCapability(ctx.principal, 'writeFiles');
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(ctx.principal, bucket.bucketId);
  const t = ctx.state.tokens.issueUpload('file', bucket.bucketId, ctx.principal.keyId);
  return {
    bucketId: bucket.bucketId,
    uploadUrl: `${ctx.state.endpoint}/b2api/v${ctx.version}/b2_upload_file/${bucket.bucketId}/${t.urlId}`,
    authorizationToken: t.token,
  };
}

/**
 * Marks an upload token busy for the duration of `fn`: real B2 refuses concurrent uploads on one
 * token with 400 auth_token_limit (docs/b2-api.md §3.3).
 */
export async function withUploadToken<T>(t: { busy?: boolean }, fn: () => Promise<T>): Promise<T> {
  if (t.busy) throw new B2Error(400, 'auth_token_limit', 'More than one upload using auth token');
  t.busy = true;
  try {
    return await fn();
  } finally {
    t.busy = false;
  }
}

/** Handles POST {uploadUrl}: b2_upload_file. */
export async function uploadFile(
  state: EmulatorState,
  version: ApiVersion,
  bucketId: string,
  urlId: string,
  req: IncomingMessage,
  res: ServerResponse,
  dropAt: (total: number) => number | undefined,
): Promise<void> {
  const token = state.tokens.checkUpload(header(req, 'authorization'), 'file', bucketId, urlId);
  noteCaller(req, token.keyId);
  const principal = principalFor(state.store, token.keyId);
  requireCapability(principal, 'writeFiles');
  const bucket = state.store.buckets.get(bucketId);
  if (!bucket) throw badBucketId(bucketId);
  requireBucket(principal, bucketId);
  const meta = parseUploadMeta(req);
  requireName(principal, meta.fileName);
  const protection = newFileProtection(principal, bucket, meta.protection, meta.fileName, meta.fileInfo, Date.now());
  const lengths = uploadLengths(req);
  // b2_upload_file takes at most 5 GB; bigger files must be large files (docs/b2-api.md §5.1).
  if (lengths.dataLength > MAX_UPLOAD_BYTES)
    throw badRequest(`File is larger than ${MAX_UPLOAD_BYTES} bytes; use the large-file API`);
  const body = await withUploadToken(token, () =>
    receiveBody(req, state.store.blobs, lengths, {
      dropAt: dropAt(lengths.total),
      bytesPerSecond: state.faults.uploadRate('b2_upload_file'),
      withMd5: true,
    }),
  );
  const store = state.store;
  const seq = store.nextSeq();
  const now = Date.now();
  const record: VersionRecord = {
    ...protection,
    fileId: newFileId(bucketId, seq, false, now),
    bucketId,
    fileName: meta.fileName,
    action: 'upload',
    seq,
    contentLength: body.contentLength,
    contentSha1: body.contentSha1,
    contentMd5: body.contentMd5,
    contentType: meta.contentType,
    fileInfo: meta.fileInfo,
    uploadTimestamp: meta.customTimestamp ?? now,
    segments: body.segments,
    replicationStatus: replicationStatusFor(bucket, meta.fileName),
  };
  await store.commit({ t: 'version', v: record });
  sendJson(res, 200, fileObject({ version, accountId: store.meta.accountId, principal }, record));
}
