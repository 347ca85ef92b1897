/**
 * One normalised shape for a failed B2 exchange, whether it came from the backblaze-b2 library
 * (axios errors) or from our own fetch calls. This is also the scrubbing point: axios errors carry
 * the request config, headers included (Authorization = account or upload token), so they are
 * converted here and never passed on, not even as `cause`.
 */
import { findSilence } from './network-guard.js';
import type { WireError } from './wire-types.js';

/** Network-level failure codes that mean "the endpoint is not there at all" (vs. a dropped connection). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A request the network guard gave up on (network-guard.ts): where, how long, which phase. */
export interface Silence {
  /** `host:port`, never a path or a query. */
  host: string;
  waitedMs: number;
  phase: 'connect' | 'idle';
}

/**
 * A B2 call that failed. `status` is null for network failures (then `networkCode` says why, and
 * `silence` is set when the server went quiet); `code`/`message` come from the B2 error body
 * `{status, code, message}` (docs/b2-api.md §3.1). `attempts` is how many tries the call made in all.
 * Contains no secrets: no URLs, no headers.
 */
export class B2CallError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly retryAfterMs: number | undefined,
    readonly networkCode?: string,
    readonly silence?: Silence,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'B2CallError';
  }

  /** True when no HTTP response arrived (refused, reset, dropped mid-body, timed out). */
  get isNetwork(): boolean {
    return this.status === null && this.code !== 'cancelled';
  }

  /** True when the endpoint could not be reached at all (DNS, refused, TLS) or stayed silent. */
  get isUnreachable(): boolean {
    return (
      this.isNetwork &&
      (this.silence !== undefined || (this.networkCode !== undefined && UNREACHABLE_CODES.has(this.networkCode)))
    );
  }

  /** The same failure, recorded as the last of `attempts` tries. */
  afterAttempts(attempts: number): B2CallError {
    return new B2CallError(
      this.status,
      this.code,
      this.message,
      this.retryAfterMs,
      this.networkCode,
      this.silence,
      attempts,
    );
  }

  get isCancelled(): boolean {
    return this.code === 'cancelled';
  }
}

/** Parses `Retry-After` (integer seconds, or an HTTP date) into ms; undefined when absent or odd. */
export function parseRetryAfter(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? undefined : Math.max(0, when - Date.now());
}

/** Builds a B2CallError from an HTTP status, a parsed (or unparsable) body and Retry-After. */
export function errorFromBody(status: number, body: unknown, retryAfter: unknown): B2CallError {
  const wire: WireError = typeof body === 'object' && body !== null ? body : {};
  const code = typeof wire.code === 'string' && wire.code !== '' ? wire.code : `http_${status}`;
  const message = typeof wire.message === 'string' ? wire.message : '';
  return new B2CallError(status, code, message, parseRetryAfter(retryAfter));
}

interface AxiosLike {
  isAxiosError: true;
  code?: string;
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
}

function isAxiosLike(e: unknown): e is AxiosLike {
  return typeof e === 'object' && e !== null && (e as { isAxiosError?: unknown }).isAxiosError === true;
}

/** Digs the system error code (ECONNRESET …) out of an error and its causes. */
function systemCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && typeof cur === 'object' && cur !== null; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code) && code !== 'ERR_BAD_REQUEST' && code !== 'ERR_BAD_RESPONSE')
      return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Normalises anything a B2 call can throw into a B2CallError, or returns null for errors that are
 * not about the exchange (programming errors), which callers re-throw unchanged.
 */
export function toCallError(e: unknown): B2CallError | null {
  if (e instanceof B2CallError) return e;
  const silence = findSilence(e);
  if (silence !== null) {
    return new B2CallError(null, 'network', silence.message, undefined, silence.code, {
      host: silence.host,
      waitedMs: silence.waitedMs,
      phase: silence.phase,
    });
  }
  if (isAxiosLike(e)) {
    if (e.code === 'ERR_CANCELED') return new B2CallError(null, 'cancelled', 'cancelled', undefined);
    if (e.response !== undefined) {
      const { status, data, headers } = e.response;
      return errorFromBody(status, data, headers?.['retry-after']);
    }
    const code = systemCode(e) ?? 'ENETWORK';
    return new B2CallError(null, 'network', `connection failed (${code})`, undefined, code);
  }
  if (e instanceof Error && (e.name === 'AbortError' || (e as { code?: unknown }).code === 'ABORT_ERR')) {
    return new B2CallError(null, 'cancelled', 'cancelled', undefined);
  }
  // fetch (undici) reports network failures as TypeError('fetch failed'|'terminated') with a cause.
  if (e instanceof TypeError && (e.message === 'fetch failed' || e.message === 'terminated')) {
    const code = systemCode(e) ?? 'ENETWORK';
    return new B2CallError(null, 'network', `connection failed (${code})`, undefined, code);
  }
  if (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    /^E[A-Z]+$/.test(String((e as { code?: unknown }).code))
  ) {
    const code = String((e as { code?: unknown }).code);
    return new B2CallError(null, 'network', `connection failed (${code})`, undefined, code);
  }
  return null;
}
