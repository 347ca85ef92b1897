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
import { chunksOf } from '../chunk-iterator.js';
import { IntegrityError, isProviderError } from '../errors.js';
import { runLimited } from '../run-limited.js';
import { postOnce } from './raw-exchange.js';
import type { ByteRange, RangeReader, WriteOptions } from '../types.js';
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
  /** The source by range into lent memory: preferred to `reopen` (no Buffer per read). */
  readRange?: WriteOptions['readRange'];
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
        if (isProviderError(e) && e.kind === 'conflict') throw changedWhileUploading(u.path, e);
        throw e;
      }
    },
    u.signal,
  );
}

/** The source changed since the hash pass: the large file mixes two versions. */
function changedWhileUploading(path: string, cause?: unknown): IntegrityError {
  return new IntegrityError(
    `"${path}" changed while it was being uploaded (a part no longer has the SHA1 it had when the file was read).`,
    path,
    { cause },
  );
}

/**
 * Sends one part, its body written from the source's chunks as the connection takes them
 * (raw-exchange.ts: no HTTP client or stream between the file and the socket, which on a 2-core
 * machine is what an upload's speed is made of; bench/README.md). Progress counts its bytes as
 * they go out, not once it is stored (far from B2 a part runs for seconds, and the adaptive mode
 * measures what moves); a failed attempt takes its bytes back (sending-body.ts), so a retry
 * reports nothing twice.
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
    const body = await openPartBody(u, range, signal);
    const sent = new SendingBody(u.onProgress);
    try {
      return await postOnce(
        session.agents.raw,
        {
          url: new URL(url.uploadUrl),
          headers: {
            Authorization: url.authorizationToken,
            'User-Agent': session.userAgent,
            'X-Bz-Part-Number': String(partNumber),
            'X-Bz-Content-Sha1': sha1,
            ...partHeaders(session),
          },
          length: range.end - range.start + 1,
          body: body.chunks,
          written: body.written,
          onSent: (n) => sent.count(n),
          sizeChanged: () => changedWhileUploading(u.path),
        },
        session.policy.idleTimeoutMs,
        signal,
      );
    } catch (e) {
      sent.takeBack();
      throw e;
    } finally {
      await body.close();
    }
  });
}

/** A part's body as one attempt sends it: its chunks, and its source released at the end. */
interface PartBody {
  chunks: AsyncIterable<Buffer>;
  /** A chunk's write has left: its memory may be read into again (lent buffers only). */
  written?: (chunk: Buffer) => void;
  close(): Promise<void>;
}

/** The part's bytes from the source: into lent buffers where it can (`readRange`), else a stream. */
async function openPartBody(u: PartsFromSource, range: Required<ByteRange>, signal: AbortSignal): Promise<PartBody> {
  if (u.readRange !== undefined) return new LentBody(await u.readRange(range, signal));
  const stream = await u.reopen(range, signal);
  return {
    chunks: chunksOf(stream),
    close: () => {
      stream.destroy();
      return Promise.resolve();
    },
  };
}

/** Bytes per read of a part's body: one socket write each. */
const BODY_CHUNK_BYTES = 1024 * 1024;

/**
 * A part's body read from its source into a few buffers that go round: a buffer is read into
 * again once its write has left for the kernel (PostRequest.written), so a part of any size
 * uses two or three of them and no fresh memory per read (local/range-reader.ts says why).
 */
class LentBody implements PartBody, AsyncIterable<Buffer> {
  private readonly free: Buffer[] = [];
  /** The buffer behind each chunk handed out (a short last chunk is a view of one). */
  private readonly behind = new WeakMap<Buffer, Buffer>();

  readonly chunks: AsyncIterable<Buffer> = this;

  constructor(private readonly reader: RangeReader) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const buffer = this.free.pop() ?? Buffer.allocUnsafe(BODY_CHUNK_BYTES);
      const n = await this.reader.read(buffer);
      if (n === 0) {
        this.free.push(buffer);
        return;
      }
      const chunk = n === buffer.length ? buffer : buffer.subarray(0, n);
      this.behind.set(chunk, buffer);
      yield chunk;
    }
  }

  readonly written = (chunk: Buffer): void => {
    const buffer = this.behind.get(chunk);
    if (buffer !== undefined) this.free.push(buffer);
  };

  close(): Promise<void> {
    return this.reader.close();
  }
}
