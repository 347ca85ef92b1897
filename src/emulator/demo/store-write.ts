/**
 * Writes whole in-memory buffers as files or parts (used by the demo seed, never by HTTP uploads,
 * which stream). Same records and checks as the HTTP paths.
 */
import { createHash } from 'node:crypto';
import { newFileId } from '../store/ids.js';
import type { PartRecord, Segment, VersionRecord } from '../store/model.js';
import { normaliseFileInfo, resolveContentType } from '../api/names.js';
import type { Store } from '../store/store.js';

/** Stores `data` as one blob and returns its segments (none for empty data). */
export async function putBytes(store: Store, data: Buffer): Promise<Segment[]> {
  if (data.length === 0) return [];
  const w = store.blobs.create();
  await w.write(data);
  await w.finish();
  return [{ blobId: w.blobId, offset: 0, length: data.length }];
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
  const seq = store.nextSeq();
  const now = f.uploadTimestamp ?? Date.now();
  const v: VersionRecord = {
    fileId: newFileId(f.bucketId, seq, false, now),
    bucketId: f.bucketId,
    fileName: f.fileName,
    action: 'upload',
    seq,
    contentLength: f.data.length,
    contentSha1: createHash('sha1').update(f.data).digest('hex'),
    contentMd5: createHash('md5').update(f.data).digest('hex'),
    contentType: resolveContentType(f.contentType ?? 'b2/x-auto', f.fileName),
    fileInfo: normaliseFileInfo(f.fileInfo ?? {}, f.fileName),
    uploadTimestamp: now,
    segments: await putBytes(store, f.data),
  };
  await store.commit({ t: 'version', v });
  return v;
}

/** Stores one part of an unfinished large file; returns its SHA1. */
export async function putPartRecord(store: Store, fileId: string, partNumber: number, data: Buffer): Promise<string> {
  const part: PartRecord = {
    partNumber,
    contentLength: data.length,
    contentSha1: createHash('sha1').update(data).digest('hex'),
    contentMd5: createHash('md5').update(data).digest('hex'),
    uploadTimestamp: Date.now(),
    segments: await putBytes(store, data),
  };
  await store.commit({ t: 'part', fileId, v: part });
  return part.contentSha1;
}
