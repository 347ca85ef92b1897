/**
 * Downloads by name (`/file/BUCKET/NAME`) and by id (`/b2api/vN/b2_download_file_by_id`):
 * GET and HEAD (POST with `{fileId}` by id), Range → 206 / 416, public vs private buckets,
 * account tokens (header) and download-authorization tokens (header or `?Authorization=`,
 * by-name only). Bytes stream out of the blob store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readContent, parseRange } from '../store/content.js';
import { downloadHeaders } from './download-headers.js';
import { requireFileAccess } from '../auth/enforce.js';
import { B2Error, badAuthToken, badRequest, expiredAuthToken, notFound, unauthorized } from '../http/errors.js';
import { header, parseJsonObject, readText } from '../http/http-util.js';
import type { BucketRecord, VersionRecord } from '../store/model.js';
import { decodeHeaderValue } from '../api/names.js';
import { parseSseHeaders } from '../api/encryption.js';
import { requireReadKey } from '../api/customer-keys.js';
import { principalFor } from '../auth/principal.js';
import { noteCaller } from '../auth/refusals.js';
import type { EmulatorState } from '../state.js';

/**
 * Checks that the caller may read `name` in `bucket` and returns the capabilities of its key
 * (none for a public bucket or a share link), which decide the Object Lock headers it sees.
 * Throws 401s.
 */
function authorizeDownload(
  state: EmulatorState,
  req: IncomingMessage,
  bucket: BucketRecord,
  name: string,
  token: string | undefined,
  byName: boolean,
  query: URLSearchParams,
): readonly string[] {
  // Public buckets need no authorization at all (docs/b2-api.md §6.1).
  if (bucket.bucketType === 'allPublic') return [];
  if (!token) throw unauthorized('Authorization is required to download from a private bucket');
  if (state.tokens.findAccount(token)) {
    const t = state.tokens.checkAccount(token);
    noteCaller(req, t.keyId);
    const p = principalFor(state.store, t.keyId);
    requireFileAccess(p, 'readFiles', bucket.bucketId, name);
    return p.capabilities;
  }
  const d = byName ? state.tokens.findDownload(token) : undefined;
  if (!d) throw badAuthToken();
  if (Date.now() >= d.expiresAt) throw expiredAuthToken();
  if (d.bucketId !== bucket.bucketId || !name.startsWith(d.fileNamePrefix)) {
    throw unauthorized('The download authorization does not cover this file');
  }
  for (const [param, value] of Object.entries(d.overrides)) {
    if (query.get(param) !== value) throw unauthorized(`The download authorization requires ${param}=${value}`);
  }
  return [];
}

/** `content`, adding each chunk to the bytes sent as it goes out (RunningEmulator.downloadedBytes). */
async function* counted(state: EmulatorState, content: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  for await (const chunk of content) {
    state.sent.downloadBytes += chunk.length;
    yield chunk;
  }
}

/** Sends `v` (or the requested range) with B2's headers. `dropAt` destroys the socket after that many bytes. */
async function sendFile(
  state: EmulatorState,
  v: VersionRecord,
  bucket: BucketRecord,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  dropAt: (n: number) => number | undefined,
  capabilities: readonly string[],
): Promise<void> {
  // An SSE-C file is read only with its key, on HEAD too (docs/b2-api.md §9.3).
  if (v.sse?.mode === 'SSE-C') requireReadKey(v.sse, parseSseHeaders(req), 'Download');
  const headers = downloadHeaders(v, bucket, query, capabilities);
  const size = v.contentLength;
  const range = parseRange(header(req, 'range'), size);
  if (range === 'unsatisfiable') {
    throw new B2Error(416, 'range_not_satisfiable', `The range is not satisfiable for a file of ${size} bytes`, {
      'Content-Range': `bytes */${size}`,
    });
  }
  const start = range ? range.start : 0;
  const end = range ? range.end + 1 : size;
  headers['Content-Length'] = String(end - start);
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const content = counted(state, readContent(state.store.blobs, v.segments, start, end));
  const limit = dropAt(end - start);
  if (limit !== undefined) {
    // Fault injection: send part of the body, wait until it reached the socket, then cut it.
    let sent = 0;
    for await (const chunk of content) {
      const keep = Math.min(chunk.length, limit - sent);
      if (keep > 0) await new Promise<void>((resolve) => res.write(chunk.subarray(0, keep), () => resolve()));
      sent += keep;
      if (sent >= limit) break;
    }
    res.destroy();
    return;
  }
  try {
    await pipeline(Readable.from(content), res);
  } catch {
    // The client went away: nothing more to send.
    res.destroy();
  }
}

/** GET/HEAD/POST {downloadUrl}/b2api/vN/b2_download_file_by_id. */
export async function downloadById(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  dropAt: (n: number) => number | undefined,
): Promise<void> {
  let fileId = query.get('fileId') ?? undefined;
  if (req.method === 'POST') {
    const body = parseJsonObject(await readText(req));
    if (typeof body.fileId === 'string') fileId = body.fileId;
  }
  if (!fileId) throw badRequest('required field fileId is missing');
  if (!fileId.startsWith('4_')) throw badRequest(`Invalid fileId: ${fileId}`);
  const v = state.store.versions.get(fileId);
  if (!v || v.action !== 'upload') throw notFound(`File with id ${fileId} not found`);
  const bucket = state.store.buckets.get(v.bucketId);
  if (!bucket) throw notFound();
  const capabilities = authorizeDownload(state, req, bucket, v.fileName, header(req, 'authorization'), false, query);
  await sendFile(state, v, bucket, req, res, query, dropAt, capabilities);
}

/** GET/HEAD {downloadUrl}/file/BUCKET/NAME: the newest version; hidden or missing → 404. */
export async function downloadByName(
  state: EmulatorState,
  rawBucket: string,
  rawName: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  dropAt: (n: number) => number | undefined,
): Promise<void> {
  const bucketName = decodeHeaderValue(rawBucket, 'bucket name');
  const fileName = decodeHeaderValue(rawName, 'file name');
  const bucket = state.store.bucketByName(bucketName);
  if (!bucket) throw notFound(`Bucket ${bucketName} does not exist`);
  const token = header(req, 'authorization') ?? query.get('Authorization') ?? undefined;
  const capabilities = authorizeDownload(state, req, bucket, fileName, token, true, query);
  const v = state.store.index(bucket.bucketId).latest(fileName);
  if (!v || v.action !== 'upload') throw notFound(`File ${fileName} not present`);
  await sendFile(state, v, bucket, req, res, query, dropAt, capabilities);
}
