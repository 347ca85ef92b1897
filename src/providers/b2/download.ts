/**
 * Downloads over node:http(s) (http-exchange.ts), not the library: backblaze-b2's download
 * helpers send no Range and buffer by default, and a raw request gives a streaming body,
 * AbortSignal support and headers without axios's config (which would hold the token) in errors.
 *
 * The stream survives dropped and stalled connections (no byte for `idleTimeoutMs` while we
 * wait for one; time the consumer spends not reading does not count): it re-requests the rest of
 * the same version by file ID (`Range: bytes=<offset>-<end>`), so a version replaced meanwhile
 * never mixes in (download-stream.ts). Without a range, the whole-file SHA1 (X-Bz-Content-Sha1,
 * or X-Bz-Info-large_file_sha1 for large files, docs/b2-api.md §6.3) and the length are checked at the
 * end; a mismatch makes the stream error with IntegrityError.
 */
import { readHeaders } from './encryption.js';
import { TransientError } from '../errors.js';
import type { ByteRange, ReadHandle } from '../types.js';
import { cleanSha1, encodeKey, fileMtime } from './entries.js';
import type { CallContext } from './error-map.js';
import { sendHttp, type HttpResponse } from './http-exchange.js';
import { ResumingDownload } from './download-stream.js';
import { receiveRangeOnce } from './raw-exchange.js';
import type { B2Session } from './session.js';
import type { RangeSink } from '../types.js';

/** One download: by name (`bucket`/`key`) or exact version (`fileId`), optionally a byte range. */
export interface DownloadRequest {
  bucket: string;
  key: string;
  path: string;
  fileId?: string;
  range?: ByteRange;
  verify?: boolean;
  signal?: AbortSignal;
}

/** Facts from download response headers (also used for HEAD-based stat). */
export interface DownloadHead {
  fileId: string;
  /** Absolute first and last byte of this response, and the file's total size. */
  start: number;
  end: number;
  totalSize: number;
  sha1: string | null;
  mtimeMs: number | null;
  contentType: string | undefined;
  uploadTimestamp: number;
}

function parseHead(res: HttpResponse): DownloadHead {
  const h = { get: (name: string) => res.header(name) };
  const length = Number(h.get('content-length') ?? '0');
  const range = /bytes (\d+)-(\d+)\/(\d+)/.exec(h.get('content-range') ?? '');
  const start = range !== null ? Number(range[1]) : 0;
  const end = range !== null ? Number(range[2]) : length - 1;
  const totalSize = range !== null ? Number(range[3]) : length;
  const info: Record<string, string> = {};
  const mtime = h.get('x-bz-info-src_last_modified_millis');
  if (mtime !== null) info.src_last_modified_millis = mtime;
  const uploadTimestamp = Number(h.get('x-bz-upload-timestamp') ?? '0');
  return {
    fileId: h.get('x-bz-file-id') ?? '',
    start,
    end,
    totalSize,
    sha1: cleanSha1(h.get('x-bz-content-sha1')) ?? cleanSha1(h.get('x-bz-info-large_file_sha1')),
    mtimeMs: fileMtime(info, uploadTimestamp),
    contentType: h.get('content-type') ?? undefined,
    uploadTimestamp,
  };
}

type DownloadTarget = { bucket: string; key: string; fileId?: string };

/** The download URL of `target` (by file ID when known) with the session's current address. */
function downloadUrl(session: B2Session, target: DownloadTarget): string {
  const base = session.auth.downloadUrl;
  return target.fileId !== undefined
    ? `${base}/b2api/v4/b2_download_file_by_id?fileId=${encodeURIComponent(target.fileId)}`
    : `${base}/file/${target.bucket}/${encodeKey(target.key)}`;
}

/** The headers of a download request with the session's current token. Secret: never log them. */
function downloadHeaders(session: B2Session): Record<string, string> {
  return { Authorization: session.auth.token, 'User-Agent': session.userAgent, ...readHeaders(session.encryption) };
}

/** Sends one download request (GET or HEAD) with retries; resolves with an OK response. */
function request(
  session: B2Session,
  ctx: CallContext,
  target: DownloadTarget,
  init: { method: 'GET' | 'HEAD'; range?: string; signal?: AbortSignal },
): Promise<HttpResponse> {
  return session.run(ctx, init.signal, async () => {
    const url = downloadUrl(session, target);
    const headers = downloadHeaders(session);
    if (init.range !== undefined) headers.Range = init.range;
    // The body's silence is watched by download-stream.ts, which knows when the consumer pauses.
    return sendHttp({
      method: init.method,
      url,
      headers,
      agent: session.agents.for(new URL(url)),
      signal: init.signal,
      watchBodyItself: init.method === 'GET',
    });
  });
}

/**
 * HEAD of a file by name (or ID): its size, SHA1, mtime — for stat without listFiles.
 * @throws NotFoundError, PermissionDeniedError, TransientError
 */
export async function headFile(session: B2Session, req: DownloadRequest): Promise<DownloadHead> {
  const ctx: CallContext = {
    op: 'b2_download_file_by_name',
    path: req.path,
    bucket: req.bucket,
    fileName: req.key,
    capability: 'readFiles',
    action: 'Reading',
  };
  const res = await request(session, ctx, req, { method: 'HEAD', signal: req.signal });
  res.body.resume();
  return parseHead(res);
}

/**
 * Opens a download.
 * @throws NotFoundError, PermissionDeniedError, ConflictError (range past the end), TransientError,
 * CancelledError; the stream may error with IntegrityError or TransientError.
 */
export async function openDownload(session: B2Session, req: DownloadRequest): Promise<ReadHandle> {
  const ctx: CallContext = {
    op: 'b2_download_file_by_name',
    path: req.path,
    bucket: req.bucket,
    fileName: req.key,
    capability: 'readFiles',
    action: 'Download',
  };
  const rangeHeader = req.range === undefined ? undefined : `bytes=${req.range.start}-${req.range.end ?? ''}`;
  const first = await request(session, ctx, req, { method: 'GET', range: rangeHeader, signal: req.signal });
  const head = parseHead(first);
  const verifyWhole = req.range === undefined && req.verify !== false;
  // The rest of the same version, by file ID: a newer upload meanwhile cannot mix in.
  const target = { bucket: req.bucket, key: req.key, fileId: head.fileId !== '' ? head.fileId : req.fileId };
  const ignoredRange = (): Error =>
    new TransientError(
      `The download of "${req.path}" could not be resumed (the server ignored the byte range); try again.`,
      undefined,
      req.path,
    );
  const reopen = async (offset: number, signal: AbortSignal): Promise<HttpResponse> => {
    const both = req.signal === undefined ? signal : AbortSignal.any([req.signal, signal]);
    const res = await request(session, { ...ctx, op: 'b2_download_file_by_id' }, target, {
      method: 'GET',
      range: `bytes=${offset}-${head.end}`,
      signal: both,
    });
    const again = parseHead(res);
    if (res.status !== 206 || again.start !== offset) {
      // A server that ignores Range would send the file from the start: never splice that in.
      res.body.destroy();
      throw ignoredRange();
    }
    return res;
  };
  // Ranges of the same version received in place (raw-exchange.ts); a retry asks for the rest.
  const receiveRange = (range: { start: number; end: number }, sink: RangeSink, signal: AbortSignal): Promise<void> => {
    let offset = range.start;
    const counted: RangeSink = {
      space: () => sink.space(),
      filled: (n) => {
        offset += n;
        return sink.filled(n);
      },
    };
    const both = req.signal === undefined ? signal : AbortSignal.any([req.signal, signal]);
    return session.run({ ...ctx, op: 'b2_download_file_by_id' }, both, () =>
      offset > range.end
        ? Promise.resolve()
        : receiveRangeOnce(
            session.agents.raw,
            {
              url: new URL(downloadUrl(session, target)),
              headers: downloadHeaders(session),
              start: offset,
              end: range.end,
              ignoredRange,
            },
            counted,
            session.policy.idleTimeoutMs,
            both,
          ),
    );
  };
  const stream = new ResumingDownload({
    path: req.path,
    host: new URL(session.auth.downloadUrl).host,
    first,
    start: head.start,
    end: head.end,
    sha1: verifyWhole ? head.sha1 : null,
    reopen,
    fail: (e) => session.fail(e, ctx),
    policy: session.policy,
    signal: req.signal,
  });
  return {
    stream,
    size: head.end - head.start + 1,
    totalSize: head.totalSize,
    sha1: head.sha1,
    mtimeMs: head.mtimeMs,
    contentType: head.contentType,
    fileId: target.fileId,
    receiveRange: target.fileId !== undefined ? receiveRange : undefined,
  };
}
