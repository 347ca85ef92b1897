/**
 * Single-file endpoints: b2_get_file_info, b2_hide_file, b2_delete_file_version
 * (docs/b2-api.md §4.3, §4.7).
 */
import { bucketById } from './api-common.js';
import { requireBucket, requireCapability, requireFileAccess, requireName } from '../auth/enforce.js';
import { B2Error, badRequest, notFound } from '../http/errors.js';
import { newFileId } from '../store/ids.js';
import type { VersionRecord } from '../store/model.js';
import { requireDeletable } from './lock-rules.js';
import { validateFileName } from './names.js';
import { fileObject, startObject } from './shapes.js';
import type { ApiContext } from '../state.js';
import type { Store } from '../store/store.js';

/** b2_get_file_info: any stored version (upload, hide) or unfinished large file; 404 when unknown. */
export function getFileInfo(ctx: ApiContext): unknown {
  const fileId = ctx.params.string('fileId');
  if (!fileId.startsWith('4_')) throw badRequest(`Invalid fileId: ${fileId}`);
  const v = ctx.state.store.versions.get(fileId);
  if (v) {
    requireFileAccess(ctx.principal, 'readFiles', v.bucketId, v.fileName);
    return fileObject(ctx.shape, v);
  }
  const l = ctx.state.store.largeFiles.get(fileId);
  if (l) {
    requireFileAccess(ctx.principal, 'readFiles', l.bucketId, l.fileName);
    return startObject(ctx.shape, l);
  }
  throw notFound(`File with id ${fileId} not found`);
}

/**
 * Adds a hide marker for `fileName`. Throws 400 no_such_file when the name has no versions and
 * 400 already_hidden when its newest version is already a hide marker. Object Lock does not stop
 * it: hiding adds a version and deletes none (docs/b2-api.md §10.4).
 */
export async function hideFileRecord(store: Store, bucketId: string, fileName: string): Promise<VersionRecord> {
  validateFileName(fileName);
  const latest = store.index(bucketId).latest(fileName);
  if (!latest) throw new B2Error(400, 'no_such_file', `File not present: ${fileName}`);
  if (latest.action === 'hide') throw new B2Error(400, 'already_hidden', `File already hidden: ${fileName}`);
  const seq = store.nextSeq();
  const now = Date.now();
  const v: VersionRecord = {
    fileId: newFileId(bucketId, seq, false, now),
    bucketId,
    fileName,
    action: 'hide',
    seq,
    contentLength: 0,
    contentSha1: '',
    contentMd5: null,
    contentType: 'application/x-bz-hide-marker',
    fileInfo: {},
    uploadTimestamp: now,
    segments: [],
  };
  await store.commit({ t: 'version', v });
  return v;
}

/** b2_hide_file. v1 answers without bucketId (docs/b2-api.md §1.2). */
export async function hideFile(ctx: ApiContext): Promise<unknown> {
  requireCapability(ctx.principal, 'writeFiles');
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(ctx.principal, bucket.bucketId);
  const fileName = ctx.params.string('fileName');
  requireName(ctx.principal, fileName);
  const v = await hideFileRecord(ctx.state.store, bucket.bucketId, fileName);
  const body = fileObject(ctx.shape, v);
  if (ctx.version === 1) delete body.bucketId;
  return body;
}

/**
 * b2_delete_file_version: removes one version (or cancels an unfinished large file, which rclone's
 * cleanup relies on). The name must match the version's. 400 file_not_present when unknown; 401
 * for a version under legal hold or an active retention (docs/b2-api.md §10.4).
 */
/**
 * Removes the version `fileId`: a finished one, or an unfinished large file (cancelled with its
 * parts). False when there is neither.
 */
export async function deleteVersionRecord(store: Store, fileId: string): Promise<boolean> {
  if (store.versions.has(fileId)) await store.commit({ t: 'version-', id: fileId });
  else if (store.largeFiles.has(fileId)) await store.commit({ t: 'large-', id: fileId });
  else return false;
  return true;
}

export async function deleteFileVersion(ctx: ApiContext): Promise<unknown> {
  const fileName = ctx.params.string('fileName');
  const fileId = ctx.params.string('fileId');
  const store = ctx.state.store;
  const v = store.versions.get(fileId);
  const l = v ? undefined : store.largeFiles.get(fileId);
  const target = v ?? l;
  if (!target || target.fileName !== fileName) {
    throw new B2Error(400, 'file_not_present', `File not present: ${fileName} ${fileId}`);
  }
  requireFileAccess(ctx.principal, 'deleteFiles', target.bucketId, target.fileName);
  // Object Lock protects finished versions only; cancelling an unfinished large file is allowed.
  if (v) requireDeletable(ctx.principal, v, ctx.params.optBool('bypassGovernance') === true, Date.now());
  await deleteVersionRecord(store, fileId);
  return { fileId, fileName };
}
