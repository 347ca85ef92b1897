/**
 * b2_upload_part: POST to a part upload URL with X-Bz-Part-Number (1–10000), Content-Length and
 * X-Bz-Content-Sha1, and the encryption headers of its large file (docs/b2-api.md §9.3).
 * Re-uploading a part number replaces it. Size rules are checked at finish
 * (only the last part may be below absoluteMinimumPartSize).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveBody, uploadLengths } from './body-sink.js';
import { requireFileAccess } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import { header, sendJson } from '../http/http-util.js';
import type { PartRecord } from '../store/model.js';
import { principalFor } from '../auth/principal.js';
import { noteCaller } from '../auth/refusals.js';
import { partObject } from '../api/shapes.js';
import { parseSseHeaders } from '../api/encryption.js';
import { requireSameEncryption } from '../api/customer-keys.js';
import type { EmulatorState } from '../state.js';
import { withUploadToken } from './upload.js';

const MAX_PART_BYTES = 5_000_000_000;

/** Handles POST {partUploadUrl}. */
export async function uploadPart(
  state: EmulatorState,
  fileId: string,
  urlId: string,
  req: IncomingMessage,
  res: ServerResponse,
  dropAt: (total: number) => number | undefined,
): Promise<void> {
  const token = state.tokens.checkUpload(header(req, 'authorization'), 'part', fileId, urlId);
  noteCaller(req, token.keyId);
  const principal = principalFor(state.store, token.keyId);
  const large = state.store.largeFiles.get(fileId);
  if (!large) throw badRequest(`Invalid fileId: ${fileId} (no unfinished large file)`);
  requireFileAccess(principal, 'writeFiles', large.bucketId, large.fileName);
  const rawNumber = header(req, 'x-bz-part-number') ?? '';
  const partNumber = /^\d+$/.test(rawNumber) ? Number(rawNumber) : NaN;
  if (!(partNumber >= 1 && partNumber <= 10_000)) throw badRequest('Part number must be in range 1 - 10000');
  requireSameEncryption(large.sse, parseSseHeaders(req), `Part ${partNumber}`);
  const lengths = uploadLengths(req);
  if (lengths.dataLength > MAX_PART_BYTES) throw badRequest(`Part is larger than ${MAX_PART_BYTES} bytes`);
  const body = await withUploadToken(token, () =>
    receiveBody(req, state.store.blobs, lengths, {
      dropAt: dropAt(lengths.total),
      bytesPerSecond: state.faults.uploadRate('b2_upload_part'),
      withMd5: false,
    }),
  );
  if (!state.store.largeFiles.has(fileId)) {
    // Cancelled or finished while the part was arriving.
    for (const seg of body.segments) await state.store.blobs.delete(seg.blobId);
    throw badRequest(`Invalid fileId: ${fileId} (no unfinished large file)`);
  }
  const part: PartRecord = {
    partNumber,
    contentLength: body.contentLength,
    contentSha1: body.contentSha1,
    contentMd5: body.contentMd5,
    uploadTimestamp: Date.now(),
    segments: body.segments,
  };
  await state.store.commit({ t: 'part', fileId, v: part });
  sendJson(res, 200, partObject(fileId, part, large.sse));
}
