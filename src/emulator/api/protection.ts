/**
 * Decides the protection of a new file version — its encryption (docs/b2-api.md §9) — from
 * what the request asks for and what the bucket defaults to. Every write path (b2_upload_file,
 * b2_start_large_file, b2_copy_file) goes through here, so they all refuse and default alike.
 */
import type { FileProtection } from '../store/file-settings.js';
import type { BucketRecord } from '../store/model.js';
import { newFileSse, type SseRequest } from './encryption.js';
import { checkProtectedBudget } from './names.js';

/** What a write asks for, parsed from its headers or JSON body. */
export interface ProtectionRequest {
  sse?: SseRequest | undefined;
}

/**
 * The protection of a new file named `name` with `info` in `bucket`. Applies the bucket's
 * default encryption when the request names none, and the 2048-byte budget for name and info
 * when the file ends up encrypted (docs/b2-api.md §4.5). Throws 400.
 */
export function newFileProtection(bucket: BucketRecord, request: ProtectionRequest, name: string, info: Record<string, string>): FileProtection {
  const sse = newFileSse(request.sse, bucket.defaultSse);
  checkProtectedBudget(name, info, sse !== undefined);
  return sse === undefined ? {} : { sse };
}
