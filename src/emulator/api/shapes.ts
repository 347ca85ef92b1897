/**
 * JSON response shapes for files and buckets, per API version (docs/b2-api.md §1.2, §4.7).
 * v2+ file objects carry accountId/bucketId/contentLength; v1 list items carry `size` instead
 * (rclone lists through v1 and reads only `size`) and have no accountId/bucketId.
 */
import type { ApiVersion, BucketRecord, LargeFileRecord, PartRecord, VersionRecord } from '../store/model.js';
import type { Principal } from '../auth/principal.js';
import type { FileProtection, SseSetting } from '../store/file-settings.js';
import { sseShape } from './encryption.js';

/** SHA1 / MD5 of the empty string: what real B2 reports for hide markers. */
export const EMPTY_SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** Context a shape depends on. */
export interface ShapeContext {
  version: ApiVersion;
  accountId: string;
  principal: Principal;
}

type Json = Record<string, unknown>;

/**
 * The encryption, retention and legal-hold fields of a file (docs/b2-api.md §4.7): encryption is
 * always shown, retention and legal hold only to keys that may read them.
 */
function envelopes(ctx: ShapeContext, f: FileProtection): Json {
  const canRet = ctx.principal.capabilities.includes('readFileRetentions');
  const canHold = ctx.principal.capabilities.includes('readFileLegalHolds');
  return {
    fileRetention: canRet
      ? {
          isClientAuthorizedToRead: true,
          value: { mode: f.retention?.mode ?? null, retainUntilTimestamp: f.retention?.retainUntilTimestamp ?? null },
        }
      : { isClientAuthorizedToRead: false, value: null },
    legalHold: canHold
      ? { isClientAuthorizedToRead: true, value: f.legalHold ?? null }
      : { isClientAuthorizedToRead: false, value: null },
    serverSideEncryption: sseShape(f.sse),
  };
}

function finish(ctx: ShapeContext, obj: Json, forList: boolean, size: number): Json {
  if (ctx.version === 1) {
    obj.size = size;
    if (forList) {
      delete obj.accountId;
      delete obj.bucketId;
    }
  }
  return obj;
}

/**
 * A stored version as a file object. `action` overrides the stored action (`copy` for the
 * b2_copy_file response). `forList` selects the v1 listing shape.
 */
export function fileObject(ctx: ShapeContext, v: VersionRecord, forList = false, action?: 'copy'): Json {
  if (v.action === 'hide') {
    return finish(
      ctx,
      {
        accountId: ctx.accountId,
        action: 'hide',
        bucketId: v.bucketId,
        contentLength: 0,
        contentMd5: EMPTY_MD5,
        contentSha1: EMPTY_SHA1,
        contentType: 'application/x-bz-hide-marker',
        fileId: v.fileId,
        fileInfo: {},
        fileName: v.fileName,
        uploadTimestamp: v.uploadTimestamp,
      },
      forList,
      0,
    );
  }
  return finish(
    ctx,
    {
      accountId: ctx.accountId,
      action: action ?? 'upload',
      bucketId: v.bucketId,
      contentLength: v.contentLength,
      contentMd5: v.contentMd5,
      contentSha1: v.contentSha1,
      contentType: v.contentType,
      fileId: v.fileId,
      fileInfo: { ...v.fileInfo },
      fileName: v.fileName,
      ...envelopes(ctx, v),
      uploadTimestamp: v.uploadTimestamp,
      ...(v.replicationStatus === undefined ? {} : { replicationStatus: v.replicationStatus }),
    },
    forList,
    v.contentLength,
  );
}

/** An unfinished large file: action "start", contentLength 0, contentSha1 "none". */
export function startObject(ctx: ShapeContext, l: LargeFileRecord, forList = false): Json {
  return finish(
    ctx,
    {
      accountId: ctx.accountId,
      action: 'start',
      bucketId: l.bucketId,
      contentLength: 0,
      contentMd5: null,
      contentSha1: 'none',
      contentType: l.contentType,
      fileId: l.fileId,
      fileInfo: { ...l.fileInfo },
      fileName: l.fileName,
      ...envelopes(ctx, l),
      uploadTimestamp: l.uploadTimestamp,
    },
    forList,
    0,
  );
}

/**
 * A stored part of unfinished large file `fileId`, as b2_upload_part, b2_copy_part and
 * b2_list_parts return it (same fields in every API version); a part is encrypted as its large
 * file (`sse`).
 */
export function partObject(fileId: string, p: PartRecord, sse: SseSetting | undefined): Json {
  return {
    fileId,
    partNumber: p.partNumber,
    contentLength: p.contentLength,
    contentSha1: p.contentSha1,
    contentMd5: p.contentMd5,
    serverSideEncryption: sseShape(sse),
    uploadTimestamp: p.uploadTimestamp,
  };
}

/** A virtual folder row from a delimiter listing. */
export function folderObject(ctx: ShapeContext, bucketId: string, name: string): Json {
  return finish(
    ctx,
    {
      accountId: ctx.accountId,
      action: 'folder',
      bucketId,
      contentLength: 0,
      contentMd5: null,
      contentSha1: null,
      contentType: null,
      fileId: null,
      fileInfo: {},
      fileName: name,
      uploadTimestamp: 0,
    },
    true,
    0,
  );
}

/** A bucket object; the encryption/lock/replication envelopes depend on the key's read rights. */
export function bucketObject(ctx: ShapeContext, b: BucketRecord): Json {
  const can = (c: string): boolean => ctx.principal.capabilities.includes(c);
  return {
    accountId: ctx.accountId,
    bucketId: b.bucketId,
    bucketInfo: { ...b.bucketInfo },
    bucketName: b.bucketName,
    bucketType: b.bucketType,
    corsRules: b.corsRules,
    defaultServerSideEncryption: can('readBucketEncryption')
      ? { isClientAuthorizedToRead: true, value: sseShape(b.defaultSse) }
      : { isClientAuthorizedToRead: false, value: null },
    fileLockConfiguration: can('readBucketRetentions')
      ? {
          isClientAuthorizedToRead: true,
          value: {
            defaultRetention: b.defaultRetention
              ? { mode: b.defaultRetention.mode, period: { ...b.defaultRetention.period } }
              : { mode: null, period: null },
            isFileLockEnabled: b.fileLockEnabled === true,
          },
        }
      : { isClientAuthorizedToRead: false, value: null },
    lifecycleRules: b.lifecycleRules,
    options: ['s3'],
    replicationConfiguration: can('readBucketReplications')
      ? { isClientAuthorizedToRead: true, value: b.replication ? structuredClone(b.replication) : null }
      : { isClientAuthorizedToRead: false, value: null },
    revision: b.revision,
  };
}
