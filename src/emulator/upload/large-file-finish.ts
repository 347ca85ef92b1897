/**
 * b2_finish_large_file (docs/b2-api.md §5.2): checks the parts against partSha1Array and turns the
 * unfinished large file into a version that keeps its file ID, its start time as upload time,
 * its encryption and Object Lock settings, and references the parts' bytes without copying them.
 */
import { largeFileById } from '../api/api-common.js';
import { requireFileAccess } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import type { FileProtection } from '../store/file-settings.js';
import type { LargeFileRecord, PartRecord, Segment, VersionRecord } from '../store/model.js';
import { fileObject } from '../api/shapes.js';
import { replicationStatusFor } from '../api/replication.js';
import type { ApiContext } from '../state.js';
import type { Store } from '../store/store.js';

/**
 * Finishes a large file: at least 2 parts; parts 1…N must all exist (N = partSha1Array length,
 * no extras), match their SHA1s, and all but the last be at least absoluteMinimumPartSize.
 * Throws 400.
 */
export async function finishLargeFileRecord(
  store: Store,
  fileId: string,
  sha1s: string[],
  minPart: number,
): Promise<VersionRecord> {
  const l = store.largeFiles.get(fileId);
  if (!l) throw badRequest(`Invalid fileId: ${fileId}`);
  const parts = store.parts.get(fileId) ?? new Map<number, PartRecord>();
  // B2 checks the count before anything else: fewer than 2 entries is refused even when more
  // parts were uploaded (docs/b2-api.md §5.2).
  if (sha1s.length < 2) throw badRequest('large files must have at least 2 parts');
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
    ...protectionOf(l),
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
  const bucket = store.buckets.get(l.bucketId);
  const status = bucket && replicationStatusFor(bucket, l.fileName);
  if (status) v.replicationStatus = status;
  // Version first, then drop the large file: blob references never touch zero in between.
  await store.commit({ t: 'version', v }, { t: 'large-', id: l.fileId });
  return v;
}

/** The encryption and Object Lock settings a large file carries from its start to its finish. */
function protectionOf(l: LargeFileRecord): FileProtection {
  const { sse, retention, legalHold } = l;
  return { ...(sse && { sse }), ...(retention && { retention }), ...(legalHold && { legalHold }) };
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
