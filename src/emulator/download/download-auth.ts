/**
 * b2_get_download_authorization (docs/b2-api.md §6.2): a token for by-name downloads of names in
 * one bucket starting with `fileNamePrefix`, valid 1…604800 seconds. Optional b2Content* values
 * must be repeated by the download as query parameters. The token ends with the signing key's
 * expiry when that comes first (the emulator's choice, as for account tokens: see ../auth/tokens.ts
 * and docs/b2-api.md §8).
 */
import { bucketById } from '../api/api-common.js';
import { OVERRIDE_PARAMS } from './download-headers.js';
import { requireBucket, requireCapability, requireName } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import type { ApiContext } from '../state.js';

/** b2_get_download_authorization. */
export function getDownloadAuthorization(ctx: ApiContext): unknown {
  const { params, principal } = ctx;
  requireCapability(principal, 'shareFiles');
  const bucket = bucketById(ctx, params.string('bucketId'));
  requireBucket(principal, bucket.bucketId);
  const prefix = params.optString('fileNamePrefix');
  if (prefix === undefined) throw badRequest('required field fileNamePrefix is missing');
  // A prefix outside the key's namePrefix asks for files the key may not read (docs/b2-api.md
  // §2.3).
  requireName(principal, prefix);
  const seconds = params.optInt('validDurationInSeconds');
  if (seconds === undefined) throw badRequest('required field validDurationInSeconds is missing');
  if (seconds < 1 || seconds > 604_800) throw badRequest('validDurationInSeconds must be between 1 and 604800');
  const overrides: Record<string, string> = {};
  for (const name of Object.keys(OVERRIDE_PARAMS)) {
    const v = params.optString(name);
    if (v !== undefined) overrides[name] = v;
  }
  const t = ctx.state.tokens.issueDownload(bucket.bucketId, prefix, seconds, overrides, principal.expirationTimestamp);
  return { authorizationToken: t.token, bucketId: bucket.bucketId, fileNamePrefix: prefix };
}
