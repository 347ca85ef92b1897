/**
 * Unfinished large uploads: listing them and finding one that `write({resume:true})` can continue.
 *
 * At b2_start_large_file the uploader records what a later run must match in fileInfo:
 * `b2c_size` (bytes), `b2c_part_size` (bytes) and `src_last_modified_millis`. A candidate matches
 * when the name is identical and all three agree (and `large_file_sha1`, when both sides know it).
 * Parts already on the server (b2_list_parts) are then re-used only when the SHA1 and length of
 * the part read from the new source match, so a changed source never yields a mixed file.
 */
import { PermissionDeniedError } from '../errors.js';
import type { UnfinishedUpload } from '../types.js';
import type { BucketRef } from './buckets.js';
import { cleanSha1 } from './entries.js';
import type { CallContext } from './error-map.js';
import type { B2Session } from './session.js';
import type { ExistingPart } from './upload-large.js';
import type { WireFile, WireListParts, WireListUnfinished } from './wire-types.js';

/** fileInfo keys this provider writes at start_large_file (lowercase: B2 lowercases keys). */
export const INFO_SIZE = 'b2c_size';
export const INFO_PART_SIZE = 'b2c_part_size';
export const INFO_MTIME = 'src_last_modified_millis';

function num(v: string | undefined): number | null {
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/** Every unfinished large file of `bucket` whose name starts with `namePrefix`. */
export async function listUnfinished(
  session: B2Session,
  bucket: BucketRef,
  namePrefix: string,
  path: string,
  signal?: AbortSignal,
): Promise<WireFile[]> {
  const ctx: CallContext = {
    op: 'b2_list_unfinished_large_files',
    path,
    bucket: bucket.name,
    fileName: namePrefix,
    capability: 'listFiles',
    action: 'Listing unfinished uploads',
  };
  const out: WireFile[] = [];
  let startFileId: string | null = null;
  do {
    const body: Record<string, unknown> = { bucketId: bucket.id, namePrefix, maxFileCount: 100 };
    if (startFileId !== null) body.startFileId = startFileId;
    const page: WireListUnfinished = await session.api<WireListUnfinished>(
      'b2_list_unfinished_large_files',
      body,
      ctx,
      signal,
    );
    out.push(...page.files);
    startFileId = page.nextFileId ?? null;
  } while (startFileId !== null);
  return out;
}

/** The parts of an unfinished large file, by part number. */
export async function listParts(
  session: B2Session,
  fileId: string,
  path: string,
  signal?: AbortSignal,
): Promise<Map<number, ExistingPart>> {
  const ctx: CallContext = { op: 'b2_list_parts', path, capability: 'writeFiles', action: 'Resuming an upload' };
  const parts = new Map<number, ExistingPart>();
  let start: number | null = 1;
  while (start !== null) {
    const from: number = start;
    const page: WireListParts = await session.lib<WireListParts>(ctx, signal, (c, x) =>
      c.listParts({ fileId, startPartNumber: from, maxPartCount: 1000, ...x }),
    );
    for (const p of page.parts) parts.set(p.partNumber, { sha1: p.contentSha1.toLowerCase(), length: p.contentLength });
    start = page.nextPartNumber ?? null;
  }
  return parts;
}

/** Describes an unfinished file for `unfinishedUploads()`. */
export async function describeUnfinished(
  session: B2Session,
  bucket: BucketRef,
  f: WireFile,
  signal?: AbortSignal,
): Promise<UnfinishedUpload> {
  const path = `/${bucket.name}/${f.fileName}`;
  const parts = await listParts(session, f.fileId ?? '', path, signal);
  let bytes = 0;
  for (const p of parts.values()) bytes += p.length;
  const info = f.fileInfo ?? {};
  return {
    fileId: f.fileId ?? '',
    path,
    size: num(info[INFO_SIZE]),
    mtimeMs: num(info[INFO_MTIME]),
    partSize: num(info[INFO_PART_SIZE]),
    partsUploaded: parts.size,
    bytesUploaded: bytes,
    startedAt: f.uploadTimestamp,
  };
}

/** What a resumed upload must match (name, size, mtime, part size; SHA1 when both know it). */
export interface ResumeWish {
  key: string;
  size: number;
  mtimeMs: number | null;
  /** The part size the caller asked for, or null to accept the candidate's own. */
  partSize: number | null;
  sha1: string | null;
}

/** What a resumed upload found among the name's unfinished large files. */
export interface ResumeCandidates {
  /**
   * The newest one matching the wish, with its parts and its `large_file_sha1` (null when it has
   * none), or null (start a new large file).
   */
  resume: { fileId: string; partSize: number; sha1: string | null; parts: Map<number, ExistingPart> } | null;
  /**
   * Unfinished files of the same name that b2c started (they carry `b2c_size`/`b2c_part_size`)
   * and that the upload will not continue: the source changed since. The writer cancels them
   * once its own upload has started, so they do not stay on B2, invisible and billed.
   */
  superseded: string[];
}

/**
 * The newest unfinished large file matching `wish`, with its parts (the part size comes from its
 * `b2c_part_size`), and the other b2c-started unfinished files of that name.
 */
export async function findResumable(
  session: B2Session,
  bucket: BucketRef,
  wish: ResumeWish,
  path: string,
  signal?: AbortSignal,
): Promise<ResumeCandidates> {
  let unfinished: WireFile[];
  try {
    unfinished = await listUnfinished(session, bucket, wish.key, path, signal);
  } catch (e) {
    // Resuming only saves bytes: a key that may write but not list (writeFiles without
    // listFiles) uploads afresh, as B2 lets it, instead of failing on the look.
    if (e instanceof PermissionDeniedError) return { resume: null, superseded: [] };
    throw e;
  }
  const sameName = unfinished.filter((f) => f.fileName === wish.key && f.fileId !== null);
  const candidates = sameName.filter((f) => {
    const info = f.fileInfo ?? {};
    const partSize = num(info[INFO_PART_SIZE]);
    const theirSha1 = cleanSha1(info.large_file_sha1);
    return (
      num(info[INFO_SIZE]) === wish.size &&
      num(info[INFO_MTIME]) === wish.mtimeMs &&
      partSize !== null &&
      (wish.partSize === null || partSize === wish.partSize) &&
      (theirSha1 === null || wish.sha1 === null || theirSha1 === wish.sha1.toLowerCase())
    );
  });
  candidates.sort((a, b) => b.uploadTimestamp - a.uploadTimestamp);
  const best = candidates[0];
  const bestId = best?.fileId ?? null;
  const superseded = sameName.filter((f) => f.fileId !== bestId && startedByB2c(f)).map((f) => f.fileId ?? '');
  if (best === undefined || bestId === null) return { resume: null, superseded };
  const partSize = num(best.fileInfo?.[INFO_PART_SIZE]) ?? 0;
  const sha1 = cleanSha1(best.fileInfo?.large_file_sha1);
  return {
    resume: { fileId: bestId, partSize, sha1, parts: await listParts(session, bestId, path, signal) },
    superseded,
  };
}

/** True for unfinished files this provider started (see the module comment). */
export function startedByB2c(f: WireFile): boolean {
  const info = f.fileInfo ?? {};
  return info[INFO_SIZE] !== undefined && info[INFO_PART_SIZE] !== undefined;
}
