/**
 * A large upload from a source that can be read again by range (WriteOptions.reopen: a local
 * file), in two reads of the source instead of three and with no part held in memory:
 *
 * 1. one pass hashes the whole file and every part at once, on two worker threads
 *    (part-hashes.ts), while the unfinished uploads of the name are looked up;
 * 2. b2_start_large_file with `large_file_sha1` = that whole-file SHA1 (so every later download
 *    can be verified), or the matching unfinished file is resumed;
 * 3. the parts are streamed from the source, many at once (upload-parts-from-source.ts), each
 *    with its SHA1 from step 1, which B2 checks; b2_finish_large_file.
 *
 * The whole-file SHA1 must be known before b2_start_large_file, so step 1 cannot overlap the
 * sending; what it costs is measured in bench/README.md.
 */
import type { Readable } from 'node:stream';
import { hashWholeAndParts, type PartHashes } from './part-hashes.js';
import { sha1Mismatch } from '../stream-utils.js';
import type { ByteRange, WriteOptions } from '../types.js';
import type { BucketRef } from './buckets.js';
import type { CallContext } from './error-map.js';
import { findResumable, INFO_PART_SIZE, INFO_SIZE, type ResumeCandidates } from './resume.js';
import type { B2Session } from './session.js';
import { cancelQuietly, runLargeFile } from './upload-large.js';
import { sendPartsFromSource } from './upload-parts-from-source.js';
import type { UploadUrlPool } from './upload-url-pool.js';
import type { WireFile } from './wire-types.js';

/** A large upload whose source can be read by range. */
export interface UploadFromSource {
  bucket: BucketRef;
  key: string;
  path: string;
  size: number;
  mtimeMs: number | null;
  /** The part size to use, and whether the caller chose it (a resume must then match it). */
  partSize: number;
  partSizeChosen: boolean;
  /** Parts in flight at most (asked before each part). */
  concurrency: () => number;
  contentType: string;
  /** fileInfo for b2_start_large_file; `b2c_size`, `b2c_part_size` and `large_file_sha1` are added. */
  info: Record<string, string>;
  /** A SHA1 the caller knows the source has: checked against the hash pass. */
  expectedSha1: string | null;
  resume: boolean;
  reopen: (range: Required<ByteRange>, signal: AbortSignal) => Promise<Readable>;
  /** The source hashes itself (WriteOptions.hashParts): then no pass over `reopen` is made. */
  hashParts?: (partSize: number, signal?: AbortSignal) => Promise<PartHashes>;
  /** The source by range into lent memory (WriteOptions.readRange): the parts are sent from it. */
  readRange?: WriteOptions['readRange'];
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

/**
 * Uploads the source as a large file (see the module comment).
 * @throws IntegrityError (the source is not `size` bytes, or not `expectedSha1`), the errors of
 *   b2_start/upload_part/finish_large_file (ProviderError), CancelledError; a cancelled or failed
 *   upload stays unfinished for a later resume
 */
export async function uploadFromSource(
  session: B2Session,
  pool: UploadUrlPool,
  u: UploadFromSource,
): Promise<WireFile> {
  const stop = new AbortController();
  const signal = u.signal === undefined ? stop.signal : AbortSignal.any([u.signal, stop.signal]);
  const hashPass = async (partSize: number): Promise<PartHashes> =>
    u.hashParts !== undefined
      ? u.hashParts(partSize, signal)
      : hashWholeAndParts(await u.reopen({ start: 0, end: u.size - 1 }, signal), u.size, partSize, u.path);
  let partSize = u.partSize;
  let pass = hashPass(partSize);
  let found: ResumeCandidates = { resume: null, superseded: [] };
  try {
    if (u.resume) {
      const wish = {
        key: u.key,
        size: u.size,
        mtimeMs: u.mtimeMs,
        partSize: u.partSizeChosen ? partSize : null,
        sha1: u.expectedSha1,
      };
      found = await findResumable(session, u.bucket, wish, u.path, signal);
    }
    if (found.resume !== null && found.resume.partSize !== partSize) {
      // Rare: continuing an upload made with another part size needs that size's part SHA1s.
      await pass.catch(() => undefined);
      partSize = found.resume.partSize;
      pass = hashPass(partSize);
    }
  } catch (e) {
    stop.abort();
    await pass.catch(() => undefined);
    throw e;
  }
  const hashes = await pass;
  if (u.expectedSha1 !== null && hashes.whole !== u.expectedSha1.toLowerCase())
    throw sha1Mismatch(u.path, u.expectedSha1, hashes.whole);
  let resume = found.resume;
  const superseded = [...found.superseded];
  if (resume !== null && resume.sha1 !== null && resume.sha1 !== hashes.whole) {
    // Same name, size and date but other bytes: not this file's upload.
    superseded.push(resume.fileId);
    resume = null;
  }
  const info = {
    ...u.info,
    [INFO_SIZE]: String(u.size),
    [INFO_PART_SIZE]: String(partSize),
    large_file_sha1: hashes.whole,
  };
  // Earlier uploads of this name that the changed source cannot continue: cancelled once the new
  // one has started (never before: should it fail to start, a retry may still resume one).
  let superseding: Promise<unknown> = Promise.resolve();
  const ctx: CallContext = {
    op: 'b2_upload_part',
    path: u.path,
    bucket: u.bucket.name,
    fileName: u.key,
    capability: 'writeFiles',
    action: 'Upload',
  };
  try {
    return await runLargeFile(
      session,
      pool,
      {
        bucket: u.bucket,
        key: u.key,
        path: u.path,
        contentType: u.contentType,
        info,
        signal: u.signal,
        resume: resume ?? undefined,
        onStarted: (fileId) => {
          superseding = Promise.all(
            superseded.filter((id) => id !== fileId).map((id) => cancelQuietly(session, id, u.path)),
          );
        },
      },
      async (fileId) => {
        await sendPartsFromSource(session, pool, {
          path: u.path,
          ctx,
          fileId,
          size: u.size,
          partSize,
          sha1s: hashes.parts,
          concurrency: u.concurrency,
          reopen: u.reopen,
          readRange: u.readRange,
          existing: resume?.parts,
          signal: u.signal,
          onProgress: u.onProgress,
        });
        return hashes.parts;
      },
    );
  } finally {
    await superseding;
  }
}
