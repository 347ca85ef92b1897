/**
 * The parts of a large upload sent straight from a source that can be read by range
 * (WriteOptions.reopen; a local file): each part's request body is a fresh read of its byte range,
 * with the part's SHA1 computed beforehand (part-hashes.ts, in the same pass as the whole file's
 * SHA1). Nothing is held in memory but the read-ahead of each stream in flight, so many parts
 * can be in flight at once (what a distant B2 needs) whatever the part size, and a failed part is
 * simply read again. B2 checks every part against its SHA1, so a source that changed since the
 * hash pass is refused, never stored.
 */
import { SendingBody } from './sending-body.js';
import { partHeaders } from './encryption.js';
import type { Readable } from 'node:stream';
import { IntegrityError, isProviderError } from '../errors.js';
import { runLimited } from '../run-limited.js';
import { HashingCounter } from '../stream-utils.js';
import type { ByteRange } from '../types.js';
import type { CallContext } from './error-map.js';
import type { B2Session } from './session.js';
import type { ExistingPart } from './upload-large.js';
import type { UploadUrlPool } from './upload-url-pool.js';

/** What {@link sendPartsFromSource} sends. */
export interface PartsFromSource {
  path: string;
  ctx: CallContext;
  fileId: string;
  size: number;
  partSize: number;
  /** SHA1 of each part, in order (from the hash pass). */
  sha1s: string[];
  /** Parts in flight at most; asked again before each part starts, so it may change meanwhile. */
  concurrency: () => number;
  reopen: (range: Required<ByteRange>, signal: AbortSignal) => Promise<Readable>;
  /** Parts already on the server (resume): skipped when SHA1 and length match. */
  existing?: Map<number, ExistingPart>;
  signal?: AbortSignal;
  /** Bytes sent, as deltas while each part goes out (./sending-body.ts); a failed attempt takes its bytes back. */
  onProgress?: (delta: number) => void;
}

/**
 * Uploads every part (b2_upload_part on the pool's URLs, with its retries), at most
 * `concurrency()` at once. The first failure stops the others.
 * @throws the first part's failure (ProviderError), CancelledError
 */
export async function sendPartsFromSource(session: B2Session, pool: UploadUrlPool, u: PartsFromSource): Promise<void> {
  const parts = Array.from(u.sha1s.keys()).filter((index) => {
    const have = u.existing?.get(index + 1);
    const length = Math.min(u.partSize, u.size - index * u.partSize);
    if (have === undefined || have.sha1 !== u.sha1s[index] || have.length !== length) return true;
    u.onProgress?.(length); // already on the server
    return false;
  });
  await runLimited(
    parts.length,
    u.concurrency,
    async (i, signal) => {
      const index = parts[i] ?? 0;
      const start = index * u.partSize;
      const length = Math.min(u.partSize, u.size - start);
      try {
        await sendPart(session, pool, u, index + 1, { start, end: start + length - 1 }, u.sha1s[index] ?? '', signal);
      } catch (e) {
        // B2 refuses (400) a part whose bytes do not have the SHA1 sent with it: the source
        // changed since the hash pass. An IntegrityError cancels the large file (its parts mix
        // two versions) and is retried from the start.
        if (isProviderError(e) && e.kind === 'conflict') {
          throw new IntegrityError(
            `"${u.path}" changed while it was being uploaded (a part no longer has the SHA1 it had when the file was read).`,
            u.path,
            { cause: e },
          );
        }
        throw e;
      }
    },
    u.signal,
  );
}

/**
 * Sends one part. Progress counts its bytes as they go out, not once it is stored (far from B2 a
 * part runs for seconds, and the adaptive mode measures what moves); a failed attempt takes its
 * bytes back (sending-body.ts), so a retry reports nothing twice.
 */
function sendPart(
  session: B2Session,
  pool: UploadUrlPool,
  u: PartsFromSource,
  partNumber: number,
  range: Required<ByteRange>,
  sha1: string,
  signal: AbortSignal,
): Promise<unknown> {
  const ctx: CallContext = { ...u.ctx, op: 'b2_upload_part' };
  return pool.send({ kind: 'part', fileId: u.fileId }, ctx, signal, async (url) => {
    // Every attempt reads the range afresh: a retry on a new URL must send it again.
    const source = await u.reopen(range, signal);
    const sent = new SendingBody(u.onProgress);
    const body = new HashingCounter({ sha1: false, onBytes: (n) => sent.count(n) });
    source.on('error', (e) => body.destroy(e));
    source.pipe(body);
    try {
      const res = await (
        await session.libClient()
      ).uploadPart({
        uploadUrl: url.uploadUrl,
        uploadAuthToken: url.authorizationToken,
        partNumber,
        data: body,
        contentLength: range.end - range.start + 1,
        hash: sha1,
        ...session.extras(signal),
        axiosOverride: { headers: partHeaders(session) },
      });
      return res.data;
    } catch (e) {
      sent.takeBack();
      throw e;
    } finally {
      source.destroy();
      body.destroy();
    }
  });
}
