/**
 * Downloads with plain fetch (Node's undici), not the library: backblaze-b2's download helpers
 * send no Range and buffer by default, and fetch gives a streaming body, AbortSignal support and
 * headers without axios's config (which would hold the token) in its errors.
 *
 * The stream survives dropped and stalled connections (no byte for `readIdleTimeoutMs` while we
 * wait for one; time the consumer spends not reading does not count): it re-requests the rest of
 * the same version by file ID (`Range: bytes=<offset>-<end>`), so a version replaced meanwhile
 * never mixes in. Without a range,
 * the whole-file SHA1 (X-Bz-Content-Sha1, or X-Bz-Info-large_file_sha1 for large files, reference
 * §7) and the length are checked at the end; a mismatch makes the stream error with IntegrityError.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { isProviderError, TransientError } from '../errors.js';
import { cancelledError, sha1Mismatch, sizeMismatch } from '../stream-utils.js';
import type { ByteRange, ReadHandle } from '../types.js';
import { B2CallError, errorFromBody, toCallError } from './call-error.js';
import { cleanSha1, encodeKey, fileMtime } from './entries.js';
import type { CallContext } from './error-map.js';
import { backoffDelay, sleep } from './retry.js';
import type { B2Session } from './session.js';

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

function parseHead(res: Response): DownloadHead {
  const h = res.headers;
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

/** Sends one download request (GET or HEAD) with retries; resolves with an OK response. */
function request(session: B2Session, ctx: CallContext, target: { bucket: string; key: string; fileId?: string }, init: { method: 'GET' | 'HEAD'; range?: string; signal?: AbortSignal }): Promise<Response> {
  return session.run(ctx, init.signal, async () => {
    const base = session.auth.downloadUrl;
    const url = target.fileId !== undefined ? `${base}/b2api/v4/b2_download_file_by_id?fileId=${encodeURIComponent(target.fileId)}` : `${base}/file/${target.bucket}/${encodeKey(target.key)}`;
    const headers: Record<string, string> = { Authorization: session.auth.token, 'User-Agent': session.userAgent };
    if (init.range !== undefined) headers.Range = init.range;
    const res = await fetch(url, { method: init.method, headers, signal: init.signal });
    if (res.ok) return res;
    const body: unknown = init.method === 'HEAD' ? null : await res.json().catch(() => null);
    throw errorFromBody(res.status, body, res.headers.get('retry-after'));
  });
}

/**
 * HEAD of a file by name (or ID): its size, SHA1, mtime — for stat without listFiles.
 * @throws NotFoundError, PermissionDeniedError, TransientError
 */
export async function headFile(session: B2Session, req: DownloadRequest): Promise<DownloadHead> {
  const ctx: CallContext = { op: 'b2_download_file_by_name', path: req.path, bucket: req.bucket, fileName: req.key, capability: 'readFiles', action: 'Reading' };
  const res = await request(session, ctx, req, { method: 'HEAD', signal: req.signal });
  return parseHead(res);
}

/**
 * Opens a download.
 * @throws NotFoundError, PermissionDeniedError, ConflictError (range past the end), TransientError,
 * CancelledError; the stream may error with IntegrityError or TransientError.
 */
export async function openDownload(session: B2Session, req: DownloadRequest): Promise<ReadHandle> {
  const ctx: CallContext = { op: 'b2_download_file_by_name', path: req.path, bucket: req.bucket, fileName: req.key, capability: 'readFiles', action: 'Download' };
  const stop = new AbortController();
  const base = req.signal === undefined ? stop.signal : AbortSignal.any([req.signal, stop.signal]);
  // Each attempt can also be cut by the idle watchdog, without cancelling the whole download.
  let attempt = new AbortController();
  const attemptSignal = (): AbortSignal => AbortSignal.any([base, attempt.signal]);
  const rangeHeader = req.range === undefined ? undefined : `bytes=${req.range.start}-${req.range.end ?? ''}`;
  const first = await request(session, ctx, req, { method: 'GET', range: rangeHeader, signal: attemptSignal() });
  const head = parseHead(first);
  const verifyWhole = req.range === undefined && req.verify !== false;
  const idleMs = session.policy.readIdleTimeoutMs;

  /** Waits for the next chunk; no byte for `idleMs` counts as a dropped connection. */
  async function nextChunk(it: AsyncIterator<Uint8Array>): Promise<IteratorResult<Uint8Array>> {
    let idled = false;
    const timer = setTimeout(() => {
      idled = true;
      attempt.abort();
    }, idleMs);
    try {
      return await it.next();
    } catch (e) {
      if (idled) throw new B2CallError(null, 'network', 'no data arrived for too long', undefined, 'ETIMEDOUT');
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  async function* body(): AsyncGenerator<Buffer> {
    let res = first;
    let offset = head.start;
    const hash = verifyWhole && head.sha1 !== null ? createHash('sha1') : null;
    let drops = 0;
    try {
      while (offset <= head.end) {
        try {
          if (res.body === null) break;
          const it = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
          for (let r = await nextChunk(it); r.done !== true; r = await nextChunk(it)) {
            const chunk = r.value;
            const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
            offset += buf.length;
            if (offset > head.end + 1) throw sizeMismatch(req.path, head.end - head.start + 1, offset - head.start, true);
            hash?.update(buf);
            yield buf;
          }
          if (offset > head.end) break;
          throw new TypeError('terminated'); // ended early without an error: same as a drop
        } catch (raw) {
          if (isProviderError(raw)) throw raw;
          if (req.signal?.aborted === true) throw cancelledError(req.path, req.signal);
          const e = toCallError(raw);
          if (e === null) throw raw;
          if (!e.isNetwork || ++drops >= session.policy.maxAttempts) {
            if (e.isNetwork) throw new TransientError(`The download of "${req.path}" kept breaking off; try again.`, undefined, req.path);
            throw session.fail(e, ctx);
          }
          attempt.abort();
          attempt = new AbortController();
          await sleep(backoffDelay(session.policy, drops, undefined), req.signal);
          // The rest of the same version, by file ID: a newer upload meanwhile cannot mix in.
          const target = { bucket: req.bucket, key: req.key, fileId: head.fileId !== '' ? head.fileId : req.fileId };
          res = await request(session, { ...ctx, op: 'b2_download_file_by_id' }, target, { method: 'GET', range: `bytes=${offset}-${head.end}`, signal: attemptSignal() });
        }
      }
      if (offset !== head.end + 1) throw sizeMismatch(req.path, head.end - head.start + 1, offset - head.start, false);
      if (hash !== null && head.sha1 !== null) {
        const actual = hash.digest('hex');
        if (actual !== head.sha1) throw sha1Mismatch(req.path, head.sha1, actual);
      }
    } finally {
      stop.abort();
    }
  }

  const stream = Readable.from(body(), { objectMode: false });
  // Destroyed before the first read, the generator never starts and its `finally` never runs.
  stream.once('close', () => stop.abort());
  return {
    stream,
    size: head.end - head.start + 1,
    totalSize: head.totalSize,
    sha1: head.sha1,
    mtimeMs: head.mtimeMs,
    contentType: head.contentType,
  };
}
