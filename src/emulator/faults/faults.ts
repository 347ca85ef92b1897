/**
 * Fault injection for client tests, deterministic per seed: the same seed and the same request
 * order give the same faults. Also implements real B2's `X-Bz-Test-Mode` header values
 * (docs/b2-api.md §3.4): fail_some_uploads, expire_some_account_authorization_tokens,
 * force_cap_exceeded.
 */

/** Faults to inject; rates are fractions 0…1 of matching calls. */
export interface FaultOptions {
  /** Seed of the deterministic PRNG (default 1). Setting faults restarts the sequence. */
  seed?: number;
  /** Fraction of b2_upload_file / b2_upload_part answered 503 service_unavailable. */
  uploadFailureRate?: number;
  /** Fraction of calls answered 429 too_many_requests with Retry-After. */
  tooManyRequestsRate?: number;
  /** Retry-After seconds on 429/503 (default 1). */
  retryAfterSeconds?: number;
  /** Fraction of calls answered 401 expired_auth_token (that token then stays expired). */
  expireTokenRate?: number;
  /** Fraction of uploads/downloads whose socket is destroyed mid-body. */
  dropConnectionRate?: number;
  /**
   * Upload bodies (b2_upload_file, b2_upload_part) are read at most this many bytes per second: a
   * slow link, so a client's progress can be watched while an upload runs. Not random.
   */
  uploadBytesPerSecond?: number;
  /** Limit faults to these endpoint names (e.g. ['b2_upload_part']). */
  only?: string[];
}

/** Endpoints that carry file bodies up or down (subject to upload failures / dropped connections). */
export const UPLOAD_ENDPOINTS = new Set(['b2_upload_file', 'b2_upload_part']);
export const DOWNLOAD_ENDPOINTS = new Set(['b2_download_file_by_id', 'b2_download_file_by_name']);

/** mulberry32: a tiny, good-enough deterministic PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when the X-Bz-Test-Mode value (one mode, or several separated by commas) includes `mode`. */
export function hasTestMode(testMode: string | undefined, mode: string): boolean {
  return testMode !== undefined && testMode.split(',').some((m) => m.trim() === mode);
}

/** Rates used for the X-Bz-Test-Mode header (real B2 does not document them). */
const TEST_MODE_UPLOAD_FAILURE = 0.25;
const TEST_MODE_EXPIRE = 0.1;

/** Decides, per call, whether to inject a fault. */
export class FaultInjector {
  private opts: FaultOptions = {};
  private rng: () => number = mulberry32(1);
  private readonly testModeRng: () => number = mulberry32(0x5eed);

  constructor(initial?: FaultOptions) {
    if (initial) this.set(initial);
  }

  /** Replaces the fault settings and restarts the PRNG from the seed. */
  set(f: FaultOptions): void {
    this.opts = { ...f };
    this.rng = mulberry32(f.seed ?? 1);
  }

  /** Current settings (a copy). */
  get(): FaultOptions {
    return { ...this.opts };
  }

  /** Retry-After seconds for injected 429/503. */
  retryAfter(): number {
    return this.opts.retryAfterSeconds ?? 1;
  }

  private roll(rate: number | undefined, endpoint: string): boolean {
    if (!rate || rate <= 0) return false;
    if (this.opts.only && !this.opts.only.includes(endpoint)) return false;
    return this.rng() < rate;
  }

  /** Should this call get 429 too_many_requests? */
  tooManyRequests(endpoint: string): boolean {
    return this.roll(this.opts.tooManyRequestsRate, endpoint);
  }

  /** Should this account-token call get 401 expired_auth_token (and its token expire)? */
  expireToken(endpoint: string, testMode: string | undefined): boolean {
    if (hasTestMode(testMode, 'expire_some_account_authorization_tokens') && this.testModeRng() < TEST_MODE_EXPIRE)
      return true;
    return this.roll(this.opts.expireTokenRate, endpoint);
  }

  /** Should this upload get 503 service_unavailable? */
  failUpload(endpoint: string, testMode: string | undefined): boolean {
    if (!UPLOAD_ENDPOINTS.has(endpoint)) return false;
    if (hasTestMode(testMode, 'fail_some_uploads') && this.testModeRng() < TEST_MODE_UPLOAD_FAILURE) return true;
    return this.roll(this.opts.uploadFailureRate, endpoint);
  }

  /** How fast this upload's body may arrive (bytes per second), or undefined for no limit. */
  uploadRate(endpoint: string): number | undefined {
    const rate = this.opts.uploadBytesPerSecond;
    if (rate === undefined || !(rate > 0) || !UPLOAD_ENDPOINTS.has(endpoint)) return undefined;
    return this.opts.only && !this.opts.only.includes(endpoint) ? undefined : rate;
  }

  /** Should this upload/download lose its connection mid-body? */
  dropConnection(endpoint: string): boolean {
    if (!UPLOAD_ENDPOINTS.has(endpoint) && !DOWNLOAD_ENDPOINTS.has(endpoint)) return false;
    return this.roll(this.opts.dropConnectionRate, endpoint);
  }
}
