/**
 * b2_authorize_account on every version (docs/b2-api.md §1.3, §1.4): GET or POST, Basic auth with
 * `keyId:key`; the account ID is accepted in place of the master key ID; v4-only keys get
 * 400 bad_request on v1–v3; the response is flat on v1/v2, under apiInfo on v3, and uses
 * allowed.buckets on v4.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { B2Error, badAuthToken, badRequest } from '../http/errors.js';
import { header } from '../http/http-util.js';
import type { ApiVersion } from '../store/model.js';
import { masterPrincipal, principalFor, type Principal } from './principal.js';
import type { EmulatorState } from '../state.js';

const AUTHORIZE_REALM = { 'WWW-Authenticate': 'BASIC realm="authorize_account"' };

function badCredentials(message: string): B2Error {
  return new B2Error(401, 'unauthorized', message, AUTHORIZE_REALM);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses `Authorization: Basic base64(id:key)`. Throws 401 bad_auth_token when malformed. */
function parseBasic(req: IncomingMessage): { id: string; secret: string } {
  const value = header(req, 'authorization') ?? '';
  const m = /^Basic\s+(\S+)$/i.exec(value.trim());
  if (!m?.[1]) throw badAuthToken('Missing or malformed Basic authorization header');
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw badAuthToken('Malformed Basic authorization header');
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Checks the credentials and returns the key's principal. */
function authenticate(state: EmulatorState, id: string, secret: string): Principal {
  const { meta } = state.store;
  if (id === meta.masterKeyId || id === meta.accountId) {
    if (!sameSecret(secret, meta.masterKey)) throw badCredentials('secret key is wrong');
    return masterPrincipal(state.store);
  }
  const key = state.store.keys.get(id);
  if (!key) throw badCredentials('application key ID not valid');
  if (!sameSecret(secret, key.applicationKey)) throw badCredentials('secret key is wrong');
  if (key.expirationTimestamp !== null && key.expirationTimestamp <= Date.now()) {
    throw badCredentials('application key has expired');
  }
  return principalFor(state.store, id);
}

/** Handles b2_authorize_account for `version` and returns the response body. */
export function authorizeAccount(
  state: EmulatorState,
  version: ApiVersion,
  req: IncomingMessage,
): Record<string, unknown> {
  const { id, secret } = parseBasic(req);
  const p = authenticate(state, id, secret);
  if (p.v4Only && version < 4) {
    throw badRequest(`This request is not currently supported on API version number ${version}`);
  }
  const token = state.tokens.issueAccount(p.keyId, p.expirationTimestamp);
  const { meta } = state.store;
  const { endpoint, settings } = state;
  const buckets =
    p.bucketIds && p.bucketIds.length > 0
      ? p.bucketIds.map((bid) => ({ id: bid, name: state.store.buckets.get(bid)?.bucketName ?? null }))
      : null;
  const single = buckets?.[0] ?? null;
  const capabilities = [...p.capabilities];
  const sizes = {
    absoluteMinimumPartSize: settings.absoluteMinimumPartSize,
    recommendedPartSize: settings.recommendedPartSize,
  };
  switch (version) {
    case 1:
    case 2:
      return {
        accountId: meta.accountId,
        allowed: {
          bucketId: single?.id ?? null,
          // The v1 docs omit bucketName, but rclone ≤1.6x (Debian's) authorizes on v1 and refuses
          // a restricted key whose allowed.bucketName is empty, so real B2 must send it on v1 too.
          bucketName: single?.name ?? null,
          capabilities,
          namePrefix: p.namePrefix,
        },
        apiUrl: endpoint,
        authorizationToken: token.token,
        downloadUrl: endpoint,
        ...sizes,
        ...(version === 1 ? { minimumPartSize: settings.recommendedPartSize } : {}),
        s3ApiUrl: endpoint,
      };
    case 3:
      return {
        accountId: meta.accountId,
        apiInfo: {
          storageApi: {
            ...sizes,
            apiUrl: endpoint,
            bucketId: single?.id ?? null,
            bucketName: single?.name ?? null,
            capabilities,
            downloadUrl: endpoint,
            infoType: 'storageApi',
            namePrefix: p.namePrefix,
            s3ApiUrl: endpoint,
          },
        },
        applicationKeyExpirationTimestamp: p.expirationTimestamp,
        authorizationToken: token.token,
      };
    case 4:
      return {
        accountId: meta.accountId,
        apiInfo: {
          storageApi: {
            ...sizes,
            allowed: { buckets, capabilities, namePrefix: p.namePrefix },
            apiUrl: endpoint,
            downloadUrl: endpoint,
            s3ApiUrl: endpoint,
          },
        },
        applicationKeyExpirationTimestamp: p.expirationTimestamp,
        authorizationToken: token.token,
      };
    default: {
      const never: never = version;
      throw new Error(`unknown version ${String(never)}`);
    }
  }
}
