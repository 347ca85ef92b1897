/**
 * b2_delete_file_version under Object Lock (docs/b2-api.md §10.4). Before deleting, every version
 * whose lock facts the listing reported is judged as B2 would (src/state/permissions/object-lock.ts),
 * so a locked version is refused with its reason — "retained until 2027-01-01 (compliance)",
 * "legal hold on" — and nothing of the name is deleted, instead of some versions going and B2
 * refusing the rest. A governance retention this key may lift is deleted only when the caller asked
 * to bypass governance; then the call sends `bypassGovernance: true`.
 */
import { LockedError } from '../errors.js';
import { deleteVerdict, type LockVerdict } from '../../state/permissions/object-lock.js';
import type { BucketRef } from './buckets.js';
import type { CallContext } from './error-map.js';
import { fileProtection } from './file-protection.js';
import type { B2Session } from './session.js';
import type { WireFile } from './wire-types.js';

/** What a delete of versions of one name may do. */
export interface DeleteVersionOptions {
  /** The user agreed to lift governance retention (the key must hold bypassGovernance). */
  bypassGovernance?: boolean;
  signal?: AbortSignal;
}

/**
 * Deletes version `fileId` of `key`; `bypass` sends bypassGovernance. The call names the file and
 * no bucket (docs/b2-api.md §2.1): `bucketName` is for messages only.
 * @throws PermissionDeniedError (B2 refused: capability, or a lock it reports), NotFoundError, TransientError
 */
export async function deleteVersion(
  session: B2Session,
  bucketName: string,
  key: string,
  fileId: string,
  path: string,
  options: DeleteVersionOptions = {},
): Promise<void> {
  const ctx: CallContext = {
    op: 'b2_delete_file_version',
    path,
    bucket: bucketName,
    fileName: key,
    capability: 'deleteFiles',
    action: 'Delete',
  };
  const bypass = options.bypassGovernance === true ? { axiosOverride: { data: { bypassGovernance: true } } } : {};
  await session.lib(ctx, options.signal, (c, x) => c.deleteFileVersion({ fileId, fileName: key, ...x, ...bypass }));
}

/** Why `verdict` stops the deletion of a version of `path`, or null when it may go. */
function refusal(verdict: LockVerdict, path: string, bypassAsked: boolean, many: boolean): string | null {
  const what = many ? `A version of "${path}" is` : `"${path}" is`;
  switch (verdict.kind) {
    case 'free':
      return null;
    case 'locked':
      return `${what} ${verdict.reason}: B2 will not delete it.`;
    case 'bypass':
      return bypassAsked
        ? null
        : `${what} ${verdict.reason}: this key may bypass governance, but the deletion did not ask to.`;
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

/**
 * Deletes `versions` of `key` (listed with their lock facts), or none of them when any is locked
 * (see the module comment).
 * @throws LockedError naming the lock (missing `bypassGovernance` when that key lacks it),
 * PermissionDeniedError, NotFoundError, TransientError
 */
export async function deleteListedVersions(
  session: B2Session,
  bucket: BucketRef,
  key: string,
  versions: readonly WireFile[],
  path: string,
  options: DeleteVersionOptions = {},
): Promise<void> {
  const now = Date.now();
  const judged = versions.map((f) => ({ f, verdict: deleteVerdict(fileProtection(f), session.keyInfo, now) }));
  for (const { verdict } of judged) {
    const why = refusal(verdict, path, options.bypassGovernance === true, versions.length > 1);
    if (why !== null) throw new LockedError(why, verdict.kind === 'locked' ? verdict.missing : [], path);
  }
  for (const { f, verdict } of judged) {
    if (f.fileId === null) continue;
    await deleteVersion(session, bucket.name, key, f.fileId, path, {
      signal: options.signal,
      bypassGovernance: verdict.kind === 'bypass',
    });
  }
}
