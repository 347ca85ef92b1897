/**
 * b2_authorize_account on **v4**, and turning its `allowed` block into KeyInfo.
 *
 * Why not the library's `authorize()`: backblaze-b2 1.7.1 hard-codes
 * `https://api.backblazeb2.com/b2api/v2/b2_authorize_account`, and keys created through v4 with any
 * bucket restriction (every multi-bucket key, and new bucket keys from the CLI and web UI) get
 * 400 "not currently supported on API version number 2" there (docs/b2-api.md §1.4). v4 works for
 * every key type, and its token works on the library's v2 endpoints (docs/b2-api.md §1.1), so we call
 * v4 ourselves and hand token/apiUrl/downloadUrl/accountId to the library in `applyToClient`.
 */
import type B2 from 'backblaze-b2';
import { AuthError, CancelledError, UnreachableError } from '../errors.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { errorFromBody, toCallError, type B2CallError } from './call-error.js';
import { readJson, sendHttp } from './http-exchange.js';
import { formatWait, triedTimes, type GuardedAgents } from './network-guard.js';
import { withRetry, type RetryPolicy } from './retry.js';
import type { WireAllowedV4, WireAuthorizeV4 } from './wire-types.js';

/** Real B2's authorize host; `endpoint` options replace this base URL. */
export const DEFAULT_ENDPOINT = 'https://api.backblazeb2.com';

/** What later calls need from an authorization. `token` is secret: never log or show it. */
export interface AuthState {
  token: string;
  apiUrl: string;
  downloadUrl: string;
  accountId: string;
  recommendedPartSize: number;
  absoluteMinimumPartSize: number;
}

/** The capabilities that together manage keys: with no restriction, such a key runs the account. */
const KEY_MANAGEMENT = ['listKeys', 'writeKeys', 'deleteKeys'];

/**
 * Normalises v4 `allowed` into KeyInfo.
 * - buckets: `null` and `[]` both mean "all buckets" (docs/b2-api.md §1.3; rclone checks len, b2sdk truthiness).
 * - isMaster: the key ID equals the account ID (the master key may be given as the account ID), or
 *   the key has listKeys+writeKeys+deleteKeys with no bucket and no name-prefix restriction
 *   (writeKeys on such a key can mint any key, so it is effectively the master key; docs/b2-api.md §2.5).
 */
export function keyInfoFromAllowed(
  applicationKeyId: string,
  accountId: string,
  allowed: WireAllowedV4 | undefined,
  expiresAt: number | null | undefined,
): KeyInfo {
  const buckets = allowed?.buckets ?? null;
  const capabilities = [...(allowed?.capabilities ?? [])];
  const namePrefix = allowed?.namePrefix ?? null;
  const normalisedBuckets =
    buckets === null || buckets.length === 0 ? null : buckets.map((b) => ({ id: b.id, name: b.name ?? null }));
  const unrestricted = normalisedBuckets === null && (namePrefix === null || namePrefix === '');
  const isMaster =
    applicationKeyId === accountId || (unrestricted && KEY_MANAGEMENT.every((c) => capabilities.includes(c)));
  return {
    accountId,
    applicationKeyId,
    isMaster,
    buckets: normalisedBuckets,
    capabilities,
    namePrefix: namePrefix === '' ? null : namePrefix,
    expiresAt: expiresAt ?? null,
  };
}

/** Hands a v4 authorization to the backblaze-b2 client: the one place its v2-only authorize is bypassed. */
export function applyToClient(client: B2, auth: AuthState): void {
  client.authorizationToken = auth.token;
  client.apiUrl = auth.apiUrl;
  client.downloadUrl = auth.downloadUrl;
  client.accountId = auth.accountId;
}

/** Turns a failed authorize into AuthError/UnreachableError with plain words (no secrets). */
function authFailure(e: B2CallError, endpoint: string): Error {
  const host = safeHost(endpoint);
  if (e.isCancelled) return new CancelledError('Signing in to B2 was cancelled.');
  if (e.silence !== undefined) {
    const waited = formatWait(e.silence.waitedMs);
    const what = e.silence.phase === 'connect' ? `could not connect within ${waited}` : `sent no answer for ${waited}`;
    return new UnreachableError(
      `Cannot reach B2 at ${e.silence.host}: signing in ${what} (${triedTimes(e.attempts)}).`,
    );
  }
  if (e.isNetwork) return new UnreachableError(`Cannot reach B2 at ${host} (${e.networkCode ?? 'network error'}).`);
  const msg = e.message.toLowerCase();
  if (e.status === 401 || e.status === 403) {
    if (msg.includes('expired')) return new AuthError('This application key has expired; create a new one.');
    if (/deleted|revoked|does not exist|not found|not valid|unknown/.test(msg)) {
      return new AuthError('B2 does not know this application key ID: it was deleted or mistyped.');
    }
    if (e.code === 'transaction_cap_exceeded')
      return new AuthError('B2 refused to authorize: the account reached its transaction cap.');
    return new AuthError(
      'B2 rejected the application key ID or key: check that both are right and the key was not deleted.',
    );
  }
  if (e.status === 400)
    return new AuthError(`B2 refused this key (${e.code}${e.message !== '' ? `: ${e.message}` : ''}).`);
  return new UnreachableError(
    `B2 at ${host} is not answering properly (${e.status ?? ''} ${e.code}); try again later.`,
  );
}

function safeHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'the given endpoint';
  }
}

/**
 * `endpoint` without user-info (`http://user:pass@host` → `http://host`) and trailing slashes:
 * B2 signs in with its own Authorization header, and a password in a URL must never reach an
 * error message or a log.
 */
export function endpointBase(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return endpoint.replace(/\/+$/, '');
  }
}

/**
 * Sign-in attempts against an endpoint that refuses connections or does not resolve: almost always
 * a wrong endpoint, so one quick second try rather than the full backoff (which made
 * `keys inspect` hang ~10 s over SSH).
 */
const UNREACHABLE_TRIES = 2;

/**
 * Calls v4 b2_authorize_account (GET, Basic auth) on `endpoint` with B2's retry rules.
 * @throws AuthError (wrong ID/key, expired or deleted key), UnreachableError (endpoint down, or
 * not answering like B2 after retries), CancelledError (`signal` fired).
 */
export async function authorizeV4(
  endpoint: string,
  applicationKeyId: string,
  applicationKey: string,
  options: { userAgent: string; policy: RetryPolicy; agents: GuardedAgents; signal?: AbortSignal },
): Promise<{ auth: AuthState; keyInfo: KeyInfo }> {
  const url = `${endpointBase(endpoint)}/b2api/v4/b2_authorize_account`;
  const basic = Buffer.from(`${applicationKeyId}:${applicationKey}`).toString('base64');
  let agent;
  try {
    agent = options.agents.for(new URL(url));
  } catch {
    throw new UnreachableError(
      `The endpoint "${endpointBase(endpoint)}" is not a URL (for example https://api.backblazeb2.com).`,
    );
  }
  let body: WireAuthorizeV4;
  try {
    body = await withRetry(
      async () => {
        const res = await sendHttp({
          method: 'GET',
          url,
          headers: { Authorization: `Basic ${basic}`, 'User-Agent': options.userAgent },
          agent,
          signal: options.signal,
        });
        const json = await readJson(res);
        if (json === null || typeof json !== 'object' || !('apiInfo' in json)) {
          throw errorFromBody(502, { code: 'not_b2', message: 'the endpoint did not answer like B2' }, null);
        }
        return json as WireAuthorizeV4;
      },
      {
        policy: options.policy,
        signal: options.signal,
        giveUp: (e, attempt) => e.isUnreachable && attempt >= UNREACHABLE_TRIES,
      },
    );
  } catch (raw) {
    const e = toCallError(raw);
    if (e === null) throw raw;
    throw authFailure(e, endpoint);
  }
  const api = body.apiInfo.storageApi;
  const auth: AuthState = {
    token: body.authorizationToken,
    apiUrl: api.apiUrl.replace(/\/+$/, ''),
    downloadUrl: api.downloadUrl.replace(/\/+$/, ''),
    accountId: body.accountId,
    recommendedPartSize: api.recommendedPartSize,
    absoluteMinimumPartSize: api.absoluteMinimumPartSize,
  };
  return {
    auth,
    keyInfo: keyInfoFromAllowed(applicationKeyId, body.accountId, api.allowed, body.applicationKeyExpirationTimestamp),
  };
}
