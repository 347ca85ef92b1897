/**
 * Streams an upload body into a blob while hashing it (docs/b2-api.md §5.1): nothing is buffered
 * whole. Handles the three X-Bz-Content-Sha1 modes: 40 hex digits, `hex_digits_at_end` (the SHA1
 * follows the data, and Content-Length includes its 40 bytes) and `do_not_verify`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BlobStore } from '../store/blob-store.js';
import { B2Error, badRequest } from '../http/errors.js';
import { header } from '../http/http-util.js';
import type { Segment } from '../store/model.js';

/** What arrived. */
export interface ReceivedBody {
  segments: Segment[];
  contentLength: number;
  /** Stored SHA1: 40 hex, or `unverified:<hex>` for do_not_verify. */
  contentSha1: string;
  /** Hex MD5, or null when not computed (parts; see receiveBody). */
  contentMd5: string | null;
}

/** Thrown after the socket was deliberately destroyed (fault injection): send nothing. */
export class ConnectionDropped extends Error {
  constructor() {
    super('connection dropped by fault injection');
  }
}

/**
 * Reads Content-Length and the SHA1 mode from headers. Chunked bodies and a missing
 * Content-Length give 400 (B2 requires the length up front).
 */
export function uploadLengths(req: IncomingMessage): { total: number; dataLength: number; sha1Mode: string } {
  if (header(req, 'transfer-encoding'))
    throw badRequest('Chunked transfer encoding is not supported; send Content-Length');
  const cl = header(req, 'content-length');
  if (cl === undefined || !/^\d+$/.test(cl)) throw badRequest('Missing Content-Length header');
  const total = Number(cl);
  const sha1Mode = (header(req, 'x-bz-content-sha1') ?? '').trim();
  if (sha1Mode === '') throw badRequest('Missing X-Bz-Content-Sha1 header');
  const lower = sha1Mode.toLowerCase();
  let dataLength = total;
  if (lower === 'hex_digits_at_end') {
    if (total < 40) throw badRequest('Content-Length too small for hex_digits_at_end');
    dataLength = total - 40;
  } else if (lower !== 'do_not_verify' && !/^(unverified:)?[0-9a-f]{40}$/.test(lower)) {
    throw badRequest(`Invalid X-Bz-Content-Sha1: ${sha1Mode}`);
  }
  return { total, dataLength, sha1Mode: lower };
}

/**
 * Streams the body into a new blob. Verifies length and SHA1; on any failure the blob is
 * discarded and a 400 thrown. `dropAt` (bytes) destroys the socket once that much arrived;
 * `bytesPerSecond` reads no faster than that (injected slow link: the client's socket backs up).
 * `withMd5`: MD5 costs about three times SHA1 (no CPU support), so it is computed for whole-file
 * uploads, whose contentMd5 clients may read, but not for large-file parts (no client reads it;
 * B2 documents contentMd5 as absent/null for large files).
 */
export async function receiveBody(
  req: IncomingMessage,
  blobs: BlobStore,
  lengths: { total: number; dataLength: number; sha1Mode: string },
  opts: { dropAt?: number; withMd5: boolean; bytesPerSecond?: number },
): Promise<ReceivedBody> {
  const { total, dataLength, sha1Mode } = lengths;
  const { dropAt, bytesPerSecond } = opts;
  const started = performance.now();
  const sha1 = createHash('sha1');
  const md5 = opts.withMd5 ? createHash('md5') : undefined;
  const writer = blobs.create();
  const trailer: Buffer[] = [];
  let received = 0;
  try {
    for await (const raw of req) {
      const chunk = raw as Buffer;
      const before = received;
      received += chunk.length;
      if (before < dataLength) {
        const data = received <= dataLength ? chunk : chunk.subarray(0, dataLength - before);
        sha1.update(data);
        md5?.update(data);
        await writer.write(data);
        if (data.length < chunk.length) trailer.push(chunk.subarray(data.length));
      } else {
        trailer.push(chunk);
      }
      if (dropAt !== undefined && received >= dropAt) {
        req.socket.destroy();
        throw new ConnectionDropped();
      }
      if (bytesPerSecond !== undefined) {
        // Not reading on holds the rest in the sockets' buffers, and the sender then waits.
        const early = started + (received * 1000) / bytesPerSecond - performance.now();
        if (early > 0) await sleep(early);
      }
    }
    if (received !== total) {
      throw new B2Error(400, 'bad_request', `Content-Length ${total} does not match ${received} bytes received`);
    }
    const digest = sha1.digest('hex');
    let stored = digest;
    if (sha1Mode === 'hex_digits_at_end') {
      const expected = Buffer.concat(trailer).toString('latin1').toLowerCase();
      if (expected !== digest) throw badRequest('Sha1 did not match data received');
    } else if (sha1Mode === 'do_not_verify') {
      stored = `unverified:${digest}`;
    } else if (sha1Mode.startsWith('unverified:')) {
      stored = sha1Mode;
    } else if (sha1Mode !== digest) {
      throw badRequest('Sha1 did not match data received');
    }
    if (dataLength === 0) {
      await writer.abort();
      return { segments: [], contentLength: 0, contentSha1: stored, contentMd5: md5?.digest('hex') ?? null };
    }
    await writer.finish();
    return {
      segments: [{ blobId: writer.blobId, offset: 0, length: dataLength }],
      contentLength: dataLength,
      contentSha1: stored,
      contentMd5: md5?.digest('hex') ?? null,
    };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
