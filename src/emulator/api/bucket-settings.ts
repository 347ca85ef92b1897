/**
 * The settings b2_create_bucket and b2_update_bucket take besides name, type, info, CORS and
 * lifecycle rules: default encryption (docs/b2-api.md §9.2). Each needs its own write capability
 * on top of writeBuckets; a key without it gets 401, never a silently ignored setting.
 */
import { requireCapability } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import type { BucketSettings } from '../store/bucket-settings.js';
import type { ApiContext } from '../state.js';
import { parseSseJson } from './encryption.js';

/**
 * Reads `defaultServerSideEncryption`: SSE-B2 sets it, mode null or "none" clears it, SSE-C is
 * refused (a bucket cannot hold a customer's key). Returns undefined when the field is absent.
 */
function defaultSse(ctx: ApiContext): { value: BucketSettings['defaultSse'] } | undefined {
  const raw = ctx.params.optAny('defaultServerSideEncryption');
  const requested = parseSseJson(raw, 'defaultServerSideEncryption');
  if (requested === undefined) return undefined;
  requireCapability(ctx.principal, 'writeBucketEncryption');
  switch (requested.mode) {
    case 'SSE-B2':
      return { value: { mode: 'SSE-B2', algorithm: 'AES256' } };
    case 'SSE-C':
      throw badRequest('SSE-C cannot be used as default for a bucket.');
    case 'none':
      return { value: undefined };
    default: {
      const never: never = requested;
      return never;
    }
  }
}

/**
 * The settings a create or update call asks for, checked against the caller's capabilities.
 * Fields the call does not mention are left out, so an update keeps what the bucket has.
 */
export function requestedBucketSettings(ctx: ApiContext): Partial<BucketSettings> {
  const out: Partial<BucketSettings> = {};
  const sse = defaultSse(ctx);
  if (sse) out.defaultSse = sse.value;
  return out;
}
