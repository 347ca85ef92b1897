/**
 * `connectB2`: authorize (v4) and build a B2Provider.
 */
import { B2Provider } from './provider.js';
import { BucketDirectory } from './buckets.js';
import { DEFAULT_ENDPOINT, endpointBase } from './authorize.js';
import { timeoutsFromEnv } from './network-guard.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { B2Session } from './session.js';
import { UploadUrlPool } from './upload-url-pool.js';
import type { B2Encryption } from './encryption.js';
import { VERSION } from '../../version.js';

export interface ConnectB2Options {
  applicationKeyId: string;
  /** Secret. Kept in memory for re-authorization only; never logged or put in errors. */
  applicationKey: string;
  /** Base URL replacing `https://api.backblazeb2.com` (e.g. the built-in server's endpoint). */
  endpoint?: string;
  /** Sent on every request; defaults to `b2-commander/<version>` (B2 asks clients to name themselves). */
  userAgent?: string;
  /** Large-file part size in bytes (default: the account's recommendedPartSize), kept ≥ absoluteMinimumPartSize. */
  partSize?: number;
  /** Parallel parts per large upload or copy (default 4). Part buffers per upload ≤ partConcurrency × partSize (measured: process RSS adds ≈40 MiB of runtime and read chunks). */
  partConcurrency?: number;
  /** Files up to this many bytes go up in one b2_upload_file (default and minimum: the part size). */
  uploadCutoff?: number;
  /** Copies of sources this size or larger use b2_copy_part (default 5 000 000 000: B2's copy_file limit). */
  copyCutoff?: number;
  /**
   * Retry and timeout tunables; tests shrink `baseDelayMs`. The timeouts default to
   * `B2C_NETWORK_TIMEOUT` (network-guard.ts), else 10 s to connect and 30 s of silence.
   */
  retry?: Partial<RetryPolicy>;
  /** Bucket name → ID the caller already knows (lets keys without listBuckets use unrestricted buckets). */
  knownBuckets?: Record<string, string>;
  signal?: AbortSignal;
  /** Where `B2C_NETWORK_TIMEOUT` is read from (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** SSE-B2 or SSE-C for writes, and an SSE-C key for reads (./encryption.ts); default: none. */
  encryption?: B2Encryption;
}

/**
 * Authorizes with B2 (v4 b2_authorize_account) and returns a provider for that key.
 * @throws AuthError (wrong key ID or key, expired or deleted key), UnreachableError, CancelledError
 */
export async function connectB2(options: ConnectB2Options): Promise<B2Provider> {
  const fromEnv = timeoutsFromEnv(options.env ?? process.env);
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY,
    connectTimeoutMs: fromEnv.connectMs,
    idleTimeoutMs: fromEnv.idleMs,
    ...options.retry,
  };
  const session = await B2Session.open(
    {
      endpoint: endpointBase(options.endpoint ?? DEFAULT_ENDPOINT),
      applicationKeyId: options.applicationKeyId,
      applicationKey: options.applicationKey,
      userAgent: options.userAgent ?? `b2-commander/${VERSION}`,
      policy,
      encryption: options.encryption,
    },
    options.signal,
  );
  const buckets = new BucketDirectory(session, options.knownBuckets);
  return new B2Provider(session, buckets, new UploadUrlPool(session), {
    partSize: options.partSize,
    partConcurrency: options.partConcurrency ?? 4,
    uploadCutoff: options.uploadCutoff,
    copyCutoff: options.copyCutoff ?? 5_000_000_000,
  });
}
