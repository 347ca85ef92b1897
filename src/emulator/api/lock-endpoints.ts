/**
 * b2_update_file_retention and b2_update_file_legal_hold (docs/b2-api.md §10.5): change the
 * Object Lock settings of one finished file version in a bucket with Object Lock. Both answer
 * `{fileId, fileName, …}` with the setting as it now is.
 */
import { bucketById } from './api-common.js';
import { requireFileAccess } from '../auth/enforce.js';
import { B2Error, badRequest, bucketMissingFileLock } from '../http/errors.js';
import type { VersionRecord } from '../store/model.js';
import type { ApiContext } from '../state.js';
import { parseLegalHold, parseRetentionJson, requireRetentionChange } from './lock-rules.js';

/**
 * The version named by `fileId` and `fileName`, after the checks both calls share: the key may
 * use `capability` on it, it is an uploaded file (not a hide marker or an unfinished large file),
 * and its bucket has Object Lock.
 */
function lockedVersion(ctx: ApiContext, capability: string): VersionRecord {
  const fileName = ctx.params.string('fileName');
  const fileId = ctx.params.string('fileId');
  const v = ctx.state.store.versions.get(fileId);
  const l = v ? undefined : ctx.state.store.largeFiles.get(fileId);
  const target = v ?? l;
  if (!target || target.fileName !== fileName)
    throw new B2Error(400, 'file_not_present', `File not present: ${fileName} ${fileId}`);
  requireFileAccess(ctx.principal, capability, target.bucketId, target.fileName);
  if (bucketById(ctx, target.bucketId).fileLockEnabled !== true) throw bucketMissingFileLock();
  if (!v || v.action !== 'upload') throw badRequest(`Only uploaded files have Object Lock settings: ${fileId}`);
  return v;
}

/** b2_update_file_retention: sets, extends, shortens or removes a version's retention. */
export async function updateFileRetention(ctx: ApiContext): Promise<unknown> {
  const v = lockedVersion(ctx, 'writeFileRetentions');
  const now = Date.now();
  const next = parseRetentionJson(ctx.params.optAny('fileRetention'), now);
  if (next === undefined) throw badRequest('required field fileRetention is missing');
  requireRetentionChange(ctx.principal, v.retention, next, ctx.params.optBool('bypassGovernance') === true, now);
  const { retention: _old, ...rest } = v;
  const updated: VersionRecord = next === null ? rest : { ...rest, retention: next };
  await ctx.state.store.commit({ t: 'version', v: updated });
  return {
    fileId: v.fileId,
    fileName: v.fileName,
    fileRetention: { mode: next?.mode ?? null, retainUntilTimestamp: next?.retainUntilTimestamp ?? null },
  };
}

/** b2_update_file_legal_hold: turns a version's legal hold on or off. */
export async function updateFileLegalHold(ctx: ApiContext): Promise<unknown> {
  const v = lockedVersion(ctx, 'writeFileLegalHolds');
  const legalHold = parseLegalHold(ctx.params.optAny('legalHold'));
  if (legalHold === undefined) throw badRequest('required field legalHold is missing');
  await ctx.state.store.commit({ t: 'version', v: { ...v, legalHold } });
  return { fileId: v.fileId, fileName: v.fileName, legalHold };
}
