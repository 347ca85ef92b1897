/**
 * Applies injected faults at the start of a call: force_cap_exceeded (X-Bz-Test-Mode), 429 with
 * Retry-After, 503 on uploads, expired upload tokens; and picks where a body gets cut off.
 */
import type { IncomingMessage } from 'node:http';
import { B2Error, expiredAuthToken } from '../http/errors.js';
import { hasTestMode, UPLOAD_ENDPOINTS } from './faults.js';
import { header } from '../http/http-util.js';
import type { EmulatorState } from '../state.js';

/** Bodies above this are not drained after an injected failure: the connection is closed instead. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** The X-Bz-Test-Mode header value, if any. */
export function testModeOf(req: IncomingMessage): string | undefined {
  return header(req, 'x-bz-test-mode')?.trim().toLowerCase() || undefined;
}

function capCode(endpoint: string): string {
  if (UPLOAD_ENDPOINTS.has(endpoint) || endpoint === 'b2_get_upload_url' || endpoint === 'b2_get_upload_part_url') {
    return 'storage_cap_exceeded';
  }
  if (endpoint.startsWith('b2_download_file')) return 'download_cap_exceeded';
  return 'transaction_cap_exceeded';
}

/**
 * Throws the injected fault for this call, if any. `bodyReq` is given for upload and download
 * calls: an expired-token fault then expires the upload token, or the account token of a
 * download, that the request carries (JSON calls expire theirs in the router).
 */
export function checkFaults(
  state: EmulatorState,
  endpoint: string,
  testMode: string | undefined,
  bodyReq?: IncomingMessage,
): void {
  const { faults } = state;
  if (hasTestMode(testMode, 'force_cap_exceeded')) {
    throw new B2Error(403, capCode(endpoint), 'Cap exceeded (X-Bz-Test-Mode: force_cap_exceeded)');
  }
  const retryAfter = String(faults.retryAfter());
  if (faults.tooManyRequests(endpoint)) {
    throw new B2Error(429, 'too_many_requests', 'Too many requests (injected)', { 'Retry-After': retryAfter });
  }
  if (!bodyReq) return;
  if (!UPLOAD_ENDPOINTS.has(endpoint)) {
    const token = header(bodyReq, 'authorization');
    const account = token ? state.tokens.findAccount(token) : undefined;
    if (account && faults.expireToken(endpoint, testMode)) {
      account.expired = true;
      throw expiredAuthToken();
    }
    return;
  }
  if (faults.failUpload(endpoint, testMode)) {
    const length = Number(header(bodyReq, 'content-length') ?? '0');
    // Small bodies are drained by Node after the response so the connection survives; big ones
    // would waste seconds, so close the connection as a busy B2 pod would.
    const extra: Record<string, string> = length > DRAIN_LIMIT ? { Connection: 'close' } : {};
    throw new B2Error(503, 'service_unavailable', 'Service unavailable (injected)', {
      'Retry-After': retryAfter,
      ...extra,
    });
  }
  if (faults.expireToken(endpoint, testMode)) {
    state.tokens.expireUpload(header(bodyReq, 'authorization'));
    throw expiredAuthToken();
  }
}

/** For uploads/downloads: where to cut the connection (bytes), decided once per call. */
export function dropPoint(state: EmulatorState, endpoint: string): (total: number) => number | undefined {
  const drop = state.faults.dropConnection(endpoint);
  return (total) => (drop ? Math.floor(total / 2) : undefined);
}
