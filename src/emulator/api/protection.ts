/**
 * Decides the protection of a new file version — its encryption (docs/b2-api.md §9) and its
 * Object Lock retention and legal hold (§10) — from what the request asks for and what the
 * bucket defaults to. Every write path (b2_upload_file, b2_start_large_file, b2_copy_file) goes
 * through here, so they all refuse and default alike.
 */
import { requireCapability } from '../auth/enforce.js';
import type { Principal } from '../auth/principal.js';
import { bucketMissingFileLock } from '../http/errors.js';
import type { FileProtection, LegalHold } from '../store/file-settings.js';
import type { BucketRecord } from '../store/model.js';
import { newFileSse, type SseRequest } from './encryption.js';
import { defaultRetentionFrom, type RetentionRequest } from './lock-rules.js';
import { checkProtectedBudget } from './names.js';

/** What a write asks for, parsed from its headers or JSON body. */
export interface ProtectionRequest {
  sse?: SseRequest | undefined;
  /** An explicit retention; `null` asks for none (the bucket default then applies). */
  retention?: RetentionRequest | undefined;
  legalHold?: LegalHold | undefined;
}

/**
 * The protection of a new file named `name` with `info` in `bucket`, written by `p` at `now`.
 * Retention and legal hold need a bucket with Object Lock (else 400 bucket_missing_file_lock)
 * and the matching write capability (else 401); a bucket's default retention covers files that
 * bring none. Encrypted files and files in Object Lock buckets get the 2048-byte budget for name
 * and info (docs/b2-api.md §4.5).
 */
export function newFileProtection(
  p: Principal,
  bucket: BucketRecord,
  request: ProtectionRequest,
  name: string,
  info: Record<string, string>,
  now: number,
): FileProtection {
  const out: FileProtection = {};
  const sse = newFileSse(request.sse, bucket.defaultSse);
  if (sse) out.sse = sse;
  const locked = bucket.fileLockEnabled === true;
  if (request.retention || request.legalHold) {
    if (!locked) throw bucketMissingFileLock();
    if (request.retention) requireCapability(p, 'writeFileRetentions');
    if (request.legalHold) requireCapability(p, 'writeFileLegalHolds');
  }
  const retention =
    request.retention ??
    (locked && bucket.defaultRetention ? defaultRetentionFrom(bucket.defaultRetention, now) : undefined);
  if (retention) out.retention = retention;
  if (request.legalHold) out.legalHold = request.legalHold;
  checkProtectedBudget(name, info, sse !== undefined || locked);
  return out;
}
