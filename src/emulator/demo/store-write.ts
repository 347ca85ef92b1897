/**
 * Writes whole in-memory buffers as files or parts (used by the demo seed, never by HTTP uploads,
 * which stream). Same records and checks as the HTTP paths.
 */
import { createHash } from 'node:crypto';
import { newFileId } from '../store/ids.js';
import type { PartRecord, Segment, VersionRecord } from '../store/model.js';
import { loadContentTypes, normaliseFileInfo, resolveContentType } from '../api/names.js';
import type { Store } from '../store/store.js';

/** A turn of the event loop between two pieces of a long write (the demo seed's), or none. */
export type Turn = (() => Promise<void>) | undefined;

/** How much of one buffer is hashed and stored between two turns: a few milliseconds' work. */
const TURN_BYTES = 1024 * 1024;

/** The SHA-1 of `data` in hex, {@link TURN_BYTES} at a time with `turn()` before each piece. */
export async function sha1InTurns(data: Buffer, turn: () => Promise<void>): Promise<string> {
  const hash = createHash('sha1');
  for (let off = 0; off < data.length; off += TURN_BYTES) {
    await turn();
    hash.update(data.subarray(off, off + TURN_BYTES));
  }
  return hash.digest('hex');
}

/**
 * Stores `data` as one blob (no segments for empty data) and hashes it, a megabyte at a time with
 * `turn()` between the pieces when given, so that a server seeding megabytes still answers.
 */
async function storeAndHash(
  store: Store,
  data: Buffer,
  turn: Turn,
): Promise<{ segments: Segment[]; sha1: string; md5: string }> {
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  const w = data.length === 0 ? null : store.blobs.create();
  for (let off = 0; off < data.length; off += TURN_BYTES) {
    if (off > 0) await turn?.();
    const piece = data.subarray(off, off + TURN_BYTES);
    sha1.update(piece);
    md5.update(piece);
    await w?.write(piece);
  }
  await w?.finish();
  return {
    segments: w === null ? [] : [{ blobId: w.blobId, offset: 0, length: data.length }],
    sha1: sha1.digest('hex'),
    md5: md5.digest('hex'),
  };
}

/** A file to store. Names are not validated here, so the demo seed can plant hostile names. */
export interface PutFile {
  bucketId: string;
  fileName: string;
  data: Buffer;
  contentType?: string;
  fileInfo?: Record<string, string>;
  uploadTimestamp?: number;
}

/** Stores a complete file version. */
export async function putFileRecord(store: Store, f: PutFile): Promise<VersionRecord> {
  if (f.contentType === undefined) await loadContentTypes();
  const stored = await storeAndHash(store, f.data, undefined);
  const seq = store.nextSeq();
  const now = f.uploadTimestamp ?? Date.now();
  const v: VersionRecord = {
    fileId: newFileId(f.bucketId, seq, false, now),
    bucketId: f.bucketId,
    fileName: f.fileName,
    action: 'upload',
    seq,
    contentLength: f.data.length,
    contentSha1: stored.sha1,
    contentMd5: stored.md5,
    contentType: resolveContentType(f.contentType ?? 'b2/x-auto', f.fileName),
    fileInfo: normaliseFileInfo(f.fileInfo ?? {}, f.fileName),
    uploadTimestamp: now,
    segments: stored.segments,
  };
  await store.commit({ t: 'version', v });
  return v;
}

/** Stores one part of an unfinished large file; returns its SHA1. `turn`: see storeAndHash. */
export async function putPartRecord(
  store: Store,
  fileId: string,
  partNumber: number,
  data: Buffer,
  turn?: Turn,
): Promise<string> {
  const stored = await storeAndHash(store, data, turn);
  const part: PartRecord = {
    partNumber,
    contentLength: data.length,
    contentSha1: stored.sha1,
    contentMd5: stored.md5,
    uploadTimestamp: Date.now(),
    segments: stored.segments,
  };
  await store.commit({ t: 'part', fileId, v: part });
  return part.contentSha1;
}
