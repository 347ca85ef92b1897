/**
 * The emulator's stored records. Everything here is plain JSON-serialisable data so the
 * persistence journal can write records verbatim (see persistence.ts).
 */
import type { BucketSettings } from './bucket-settings.js';
import type { FileProtection, ReplicationStatus } from './file-settings.js';

/** API version selected by the `/b2api/vN/` path segment. */
export type ApiVersion = 1 | 2 | 3 | 4;

/** A byte range of one stored blob. A file's content is the concatenation of its segments. */
export interface Segment {
  blobId: string;
  /** Byte offset inside the blob. */
  offset: number;
  /** Bytes. */
  length: number;
}

/**
 * One bucket. Names are unique case-insensitively (B2 rule). Its encryption, Object Lock,
 * replication and notification settings are in {@link BucketSettings}.
 */
export interface BucketRecord extends BucketSettings {
  bucketId: string;
  bucketName: string;
  /** `allPublic`, `allPrivate` (B2 may add more; we only create these two). */
  bucketType: string;
  bucketInfo: Record<string, unknown>;
  corsRules: unknown[];
  lifecycleRules: unknown[];
  /** Increments on every update; `ifRevisionIs` is compared with it. */
  revision: number;
}

/**
 * One stored file version: an upload (possibly a finished large file) or a hide marker. Its
 * encryption and Object Lock settings are in {@link FileProtection} (hide markers have none).
 */
export interface VersionRecord extends FileProtection {
  fileId: string;
  bucketId: string;
  fileName: string;
  action: 'upload' | 'hide';
  /** Monotonic sequence number: higher is newer. Orders versions of one name newest first. */
  seq: number;
  contentLength: number;
  /** 40 hex, or `"none"` for large files. */
  contentSha1: string;
  /** 32 hex, or null (large files, copies of large files). */
  contentMd5: string | null;
  contentType: string;
  /** Custom file info, keys lower-cased. */
  fileInfo: Record<string, string>;
  /** ms since the epoch. */
  uploadTimestamp: number;
  segments: Segment[];
  /** Set on versions written to a bucket with a matching replication rule (docs/b2-api.md §11.2). */
  replicationStatus?: ReplicationStatus;
}

/** One uploaded part of an unfinished large file. */
export interface PartRecord {
  partNumber: number;
  contentLength: number;
  contentSha1: string;
  contentMd5: string | null;
  uploadTimestamp: number;
  segments: Segment[];
}

/**
 * An unfinished large file (`action:"start"`). Parts are kept in a separate map. Encryption and
 * Object Lock are decided at b2_start_large_file and carried over when it is finished.
 */
export interface LargeFileRecord extends FileProtection {
  fileId: string;
  bucketId: string;
  fileName: string;
  seq: number;
  contentType: string;
  fileInfo: Record<string, string>;
  uploadTimestamp: number;
}

/** An application key (never the master key, which lives in the account meta). */
export interface KeyRecord {
  applicationKeyId: string;
  /** The secret. Persisted so `--data` restarts keep keys usable; never logged. */
  applicationKey: string;
  keyName: string;
  capabilities: string[];
  /** null = all buckets. */
  bucketIds: string[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null. */
  expirationTimestamp: number | null;
  /**
   * True when created through v4 `b2_create_key` with a bucket restriction (or a prefix without
   * one): such keys fail `b2_authorize_account` on v1–v3 (docs/b2-api.md §1.4).
   */
  v4Only: boolean;
}

/** Account-wide settings and counters. */
export interface AccountMeta {
  accountId: string;
  masterKeyId: string;
  masterKey: string;
  /** Next sequence number for versions / large files / keys. */
  nextSeq: number;
}
