/**
 * B2's retry rules (docs/b2-api.md §3.2), in one place:
 * - 408, 429, any 5xx and network failures: exponential backoff with jitter, honouring Retry-After;
 * - a request that met silence (no connection within `connectTimeoutMs`, or no byte for
 *   `idleTimeoutMs`: network-guard.ts) is tried at most `maxSilentTries` times in all, so a server
 *   that stopped answering costs at most that many silence bounds per call, not `maxAttempts`;
 * - 401 bad_auth_token / expired_auth_token (or a bare 401, as HEAD errors have no body):
 *   re-authorize (serialised by the caller's `reauthorize`) and repeat the call at once. Should the
 *   repeat hit a token problem again (fault injection / `expire_some_account_authorization_tokens`
 *   can expire the fresh token too), further re-authorizations count as backoff tries, so the loop
 *   is bounded by `maxAttempts`; a dead key fails in b2_authorize_account itself (AuthError);
 * - everything else: no retry.
 * Upload-URL rotation (new URL after 401/408/5xx/network on an upload) lives in upload-url-pool.ts
 * and uses `isRetryable`/`backoffDelay` from here.
 */
import { cancelledError } from '../stream-utils.js';
import { B2CallError, toCallError } from './call-error.js';
import { DEFAULT_TIMEOUTS } from './network-guard.js';

/** Tunables; tests inject a tiny `baseDelayMs` so fault-injection suites stay fast. */
export interface RetryPolicy {
  /** First backoff delay, ms (b2sdk starts at 1 s). */
  baseDelayMs: number;
  /** Backoff ceiling, ms; a Retry-After longer than this is not waited for but reported. */
  maxDelayMs: number;
  /** Tries per API call (b2sdk: 5). */
  maxAttempts: number;
  /** Tries per upload (file or part), each after the first on a fresh upload URL (b2sdk: 20). */
  maxUploadAttempts: number;
  /** Longest a connection may take to be established, ms (never more than `idleTimeoutMs`). */
  connectTimeoutMs: number;
  /**
   * Longest a request may go without a byte in either direction, ms; a download's wait counts
   * only while its consumer is reading. Then the request is abandoned as silent.
   */
  idleTimeoutMs: number;
  /** Tries of one call (or upload, or download) that may end in silence before it fails. */
  maxSilentTries: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 64_000,
  maxAttempts: 5,
  maxUploadAttempts: 10,
  connectTimeoutMs: DEFAULT_TIMEOUTS.connectMs,
  idleTimeoutMs: DEFAULT_TIMEOUTS.idleMs,
  maxSilentTries: 2,
};

/** True for failures worth repeating as-is later: 408, 429, 5xx, network (docs/b2-api.md §3.2). */
export function isRetryable(e: B2CallError): boolean {
  if (e.isCancelled) return false;
  if (e.isNetwork) return true;
  const s = e.status ?? 0;
  return s === 408 || s === 429 || s >= 500;
}

/** True for token problems that a fresh b2_authorize_account cures (docs/b2-api.md §3.2). */
export function isTokenProblem(e: B2CallError): boolean {
  return e.status === 401 && (e.code === 'bad_auth_token' || e.code === 'expired_auth_token' || e.code === 'http_401');
}

/** Delay before try `attempt + 1` (attempt ≥ 1): Retry-After when given, else base·1.5^(n−1) plus up to 50% jitter. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 1.5 ** (attempt - 1));
  return Math.round(exp + Math.random() * exp * 0.5);
}

/** Sleeps `ms`, rejecting with CancelledError as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(cancelledError(undefined, signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(undefined, signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryHooks {
  policy: RetryPolicy;
  signal?: AbortSignal;
  /** Re-authorizes after a token problem; gets the token the failed call used. Omit to disable. */
  reauthorize?: (staleToken: string) => Promise<void>;
  /** The account token the next attempt will use (read before each attempt). */
  currentToken?: () => string;
  /** Ends the retries early for a failure that more tries will not cure (checked after try `attempt`). */
  giveUp?: (e: B2CallError, attempt: number) => boolean;
}

/**
 * Runs `attempt` under the rules above. Resolves with its result or rejects with the last
 * B2CallError (callers map it with error-map.ts); non-B2 errors are re-thrown unchanged.
 * A Retry-After longer than `maxDelayMs` stops retrying at once so the caller can reschedule.
 */
export async function withRetry<T>(attempt: () => Promise<T>, hooks: RetryHooks): Promise<T> {
  let reauthorized = false;
  let silent = 0;
  let tries = 0;
  const aborted = (): boolean => hooks.signal?.aborted === true;
  const reauthorize = hooks.reauthorize;
  for (let n = 1; ; n++) {
    if (aborted()) throw new B2CallError(null, 'cancelled', 'cancelled', undefined);
    const token = hooks.currentToken?.() ?? '';
    tries++;
    try {
      return await attempt();
    } catch (raw) {
      const found = toCallError(raw);
      if (found === null) throw raw;
      const e = found.afterAttempts(tries);
      if (e.isCancelled || aborted()) throw new B2CallError(null, 'cancelled', 'cancelled', undefined);
      if (e.silence !== undefined && ++silent >= hooks.policy.maxSilentTries) throw e;
      // A bare 401 (HEAD answers have no body) may be a token problem or a refusal: it earns one
      // re-authorization, after which it counts as a refusal.
      const tokenProblem = isTokenProblem(e) && reauthorize !== undefined && !(reauthorized && e.code === 'http_401');
      if (tokenProblem && !reauthorized) {
        reauthorized = true;
        await reauthorize(token);
        n--; // the first re-authorized repeat does not use up a try
        continue;
      }
      if (!(isRetryable(e) || tokenProblem) || n >= hooks.policy.maxAttempts || hooks.giveUp?.(e, n) === true) throw e;
      if (tokenProblem) await reauthorize(token);
      if (e.retryAfterMs !== undefined && e.retryAfterMs > hooks.policy.maxDelayMs) throw e;
      try {
        await sleep(backoffDelay(hooks.policy, n, e.retryAfterMs), hooks.signal);
      } catch {
        throw new B2CallError(null, 'cancelled', 'cancelled', undefined);
      }
    }
  }
}
