/**
 * Moves one file's bytes and proves they arrived intact: through this machine (openRead → write,
 * with the source SHA1 computed in flight) or server-side (`copy`). A mismatch after the
 * destination committed removes what was written and throws IntegrityError.
 */
import { CancelledError, IntegrityError, isProviderError } from '../providers/errors.js';
import type { Entry, Provider, ReadHandle, WriteOptions } from '../providers/types.js';
import { HashingStream, normaliseSha1 } from './hashing-stream.js';
import type { JobRunContext } from './job-context.js';
import type { Verification } from './types.js';

export interface Copied {
  entry: Entry;
  verified: Verification;
}

/** What the engine knows about the source from its listing. */
export interface SourceFacts {
  path: string;
  size: number;
  mtimeMs: number | null;
  sha1: string | null;
  /** B2: read this exact version (by file id) instead of the newest; null or absent: the newest. */
  fileId?: string | null;
}

/** Deletes what a failed verification left behind (only the version we wrote, on B2). */
async function discard(dst: Provider, entry: Entry): Promise<void> {
  try {
    await dst.remove(entry.path, entry.fileId ? { mode: 'delete-version', fileId: entry.fileId } : {});
  } catch {
    // Best effort: the IntegrityError that follows is what the user must see.
  }
}

/**
 * Streams `source` from `src` to `to` on `dst`.
 * Progress is what the destination reports (written to disk, or sent to B2 as the body goes out),
 * never the bytes read: a B2 upload reads a small file whole before sending it, and counting the
 * reading would show 100% and then start again from 0.
 * @throws the source stream's error (TransientError for a dropped connection, IntegrityError)
 *   in preference to the write's, since it is the cause; IntegrityError on a SHA1 or size mismatch.
 */
export async function streamCopy(
  src: Provider,
  dst: Provider,
  source: SourceFacts,
  to: string,
  overwrite: boolean,
  ctx: JobRunContext,
): Promise<Copied> {
  const known = normaliseSha1(source.sha1);
  // The local disk checks what it wrote against `sha1` by reading it back, off the main thread;
  // the source hashing its stream as well would only double the cost.
  const verify = dst.traits.kind !== 'local';
  const handle = await src.openRead(source.path, { signal: ctx.signal, verify, fileId: source.fileId ?? undefined });
  const expected = normaliseSha1(handle.sha1) ?? known;
  let reportedByDestination = 0;
  // With a SHA1 known up front, hashing here again is pure cost (one full SHA1 pass, ~1 s of CPU
  // per GiB): the destination is given `sha1: expected` and by contract refuses other bytes (and
  // a B2 source verifies its stream against it too, except into local disk, see above). Then
  // `sent` is `expected`. Progress is the destination's alone (see above), never the bytes read.
  const hasher = new HashingStream(undefined, { hash: expected === null, size: handle.size });
  let sourceError: unknown = null;
  // pipe() plus error forwarding instead of stream.pipeline(): on Node 20 pipeline() allocates an
  // AbortController and a DOMException per call, a measurable cost at 100,000 small files.
  handle.stream.on('error', (err) => {
    sourceError ??= err;
    hasher.destroy(err);
  });
  hasher.once('close', () => {
    if (!handle.stream.readableEnded) handle.stream.destroy();
  });
  handle.stream.pipe(hasher);
  let entry: Entry;
  try {
    entry = await dst.write(to, hasher, {
      size: handle.size,
      mtimeMs: handle.mtimeMs ?? source.mtimeMs,
      sha1: expected,
      contentType: handle.contentType,
      overwrite,
      signal: ctx.signal,
      onProgress: (n) => {
        reportedByDestination += n;
        ctx.progress(reportedByDestination);
      },
      partSize: ctx.partSize,
      partConcurrency: ctx.partConcurrency,
      partsInFlight: () => ctx.partsInFlight(),
      // Large B2 uploads pick up the parts an earlier, interrupted attempt left on the server.
      resume: typeof dst.unfinishedUploads === 'function' ? true : undefined,
      reopen: rangesOf(src, dst, source, handle, ctx),
      receive: handle.receiveRange,
      hashParts: handle.hashParts,
      readRange: handle.readRange,
    });
  } catch (e) {
    handle.stream.destroy();
    hasher.destroy();
    if (ctx.signal.aborted) throw e instanceof CancelledError ? e : new CancelledError('Cancelled.', to);
    throw isProviderError(sourceError) ? sourceError : e;
  }
  if (isProviderError(sourceError)) {
    // The destination accepted a stream that errored: never trust that result.
    await discard(dst, entry);
    throw sourceError;
  }
  // The hash covers the file only if the destination consumed every byte. A destination that
  // read the source by ranges instead (`reopen`) did not: then the SHA1 it computed of what it
  // wrote (from the same read as what it sent: see WriteOptions.reopen) is the proof.
  const readAll = hasher.bytes === handle.size;
  const sent = !readAll ? null : hasher.hashing ? await hasher.digest() : expected;
  const stored = normaliseSha1(entry.sha1);
  const mismatch =
    entry.size !== handle.size
      ? `${entry.size} bytes arrived, ${handle.size} were sent`
      : sent && expected && sent !== expected
        ? 'the bytes read do not match the source checksum'
        : sent && stored && sent !== stored
          ? 'the destination stored a different checksum than was sent'
          : !readAll && stored && expected && stored !== expected
            ? 'the destination stored a different checksum than the source has'
            : null;
  if (mismatch) {
    await discard(dst, entry);
    throw new IntegrityError(`Checksum check failed: ${mismatch}.`, to);
  }
  const proven = readAll ? sent !== null && (expected !== null || stored !== null) : stored !== null;
  return { entry, verified: proven ? 'sha1' : 'size' };
}

/**
 * The source by byte range (WriteOptions.reopen) when one side is B2: a big download then comes
 * in parallel ranges, and a local file of at least `prehashMinBytes` going to B2 is hashed in one
 * pass first (so a large file carries large_file_sha1 and later downloads can be verified) and
 * its parts sent straight from it. B2 ranges name the version `handle` reads: every range comes
 * from the same bytes.
 */
function rangesOf(
  src: Provider,
  dst: Provider,
  source: SourceFacts,
  handle: ReadHandle,
  ctx: JobRunContext,
): WriteOptions['reopen'] {
  if (src.traits.kind !== 'b2' && dst.traits.kind !== 'b2') return undefined;
  if (src.traits.kind === 'local' && handle.size < ctx.prehashMinBytes) return undefined;
  const fileId = handle.fileId ?? source.fileId ?? undefined;
  return async (range, signal) => (await src.openRead(source.path, { range, signal, fileId })).stream;
}

/**
 * Server-side copy within one provider. The result is compared with the listing; when they
 * differ the source is stat'ed again (it may have changed since it was listed) before failing.
 */
export async function nativeCopy(
  p: Provider,
  source: SourceFacts,
  to: string,
  overwrite: boolean,
  ctx: JobRunContext,
): Promise<Copied> {
  if (!p.copy) throw new Error('nativeCopy on a provider without copy');
  let done = 0;
  const entry = await p.copy(source.path, to, {
    overwrite,
    signal: ctx.signal,
    onProgress: (n) => {
      done += n;
      ctx.progress(done);
    },
  });
  const matches = (facts: { size: number; sha1?: string | null }): boolean => {
    const a = normaliseSha1(facts.sha1);
    const b = normaliseSha1(entry.sha1);
    return facts.size === entry.size && (!a || !b || a === b);
  };
  let reference: { size: number; sha1?: string | null } = source;
  if (!matches(reference)) {
    reference = await p.stat(source.path, { signal: ctx.signal });
    if (!matches(reference)) {
      await discard(p, entry);
      throw new IntegrityError('The server-side copy does not match its source.', to);
    }
  }
  return { entry, verified: normaliseSha1(reference.sha1) && normaliseSha1(entry.sha1) ? 'sha1' : 'size' };
}
