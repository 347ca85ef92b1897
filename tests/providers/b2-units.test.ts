/**
 * Pure parts of the B2 provider: KeyInfo normalisation, the prefix-aware listing plan, the home
 * path, retry arithmetic, error normalisation (and scrubbing) and the error mapping.
 */
import { describe, expect, it } from 'vitest';
import { b2HomePath, keyInfoFromAllowed } from '../../src/providers/b2/index.js';
import { planListing } from '../../src/providers/b2/listing.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, isTokenProblem, withRetry } from '../../src/providers/b2/retry.js';
import { B2CallError, parseRetryAfter, toCallError } from '../../src/providers/b2/call-error.js';
import { toProviderError } from '../../src/providers/b2/error-map.js';
import { cleanSha1, encodeKey, fileMtime } from '../../src/providers/b2/entries.js';
import {
  AuthError,
  NotFoundError,
  PermissionDeniedError,
  TransientError,
  UnreachableError,
} from '../../src/providers/errors.js';

const ALL_KEY_CAPS = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'listBuckets',
  'listFiles',
  'readFiles',
  'writeFiles',
  'deleteFiles',
];

describe('keyInfoFromAllowed', () => {
  it('null and [] buckets both mean all buckets; deleted bucket names stay null', () => {
    expect(
      keyInfoFromAllowed('k', 'acc', { buckets: null, capabilities: ['listFiles'], namePrefix: null }, null).buckets,
    ).toBeNull();
    expect(
      keyInfoFromAllowed('k', 'acc', { buckets: [], capabilities: ['listFiles'], namePrefix: null }, null).buckets,
    ).toBeNull();
    expect(
      keyInfoFromAllowed('k', 'acc', { buckets: [{ id: 'b1', name: null }], capabilities: [] }, 5).buckets,
    ).toEqual([{ id: 'b1', name: null }]);
    expect(keyInfoFromAllowed('k', 'acc', undefined, 5)).toMatchObject({
      buckets: null,
      capabilities: [],
      namePrefix: null,
      expiresAt: 5,
      accountId: 'acc',
    });
  });

  it('isMaster: key ID = account ID, or every key capability with no restriction', () => {
    expect(keyInfoFromAllowed('acc', 'acc', { capabilities: ['listFiles'] }, null).isMaster).toBe(true);
    expect(keyInfoFromAllowed('k', 'acc', { capabilities: ALL_KEY_CAPS }, null).isMaster).toBe(true);
    expect(keyInfoFromAllowed('k', 'acc', { capabilities: ALL_KEY_CAPS, namePrefix: 'p/' }, null).isMaster).toBe(false);
    expect(
      keyInfoFromAllowed('k', 'acc', { capabilities: ALL_KEY_CAPS, buckets: [{ id: 'b', name: 'n' }] }, null).isMaster,
    ).toBe(false);
    expect(keyInfoFromAllowed('k', 'acc', { capabilities: ['listKeys', 'writeKeys'] }, null).isMaster).toBe(false);
  });
});

describe('planListing (prefix-restricted keys)', () => {
  it('lists normally without a key prefix or inside it', () => {
    expect(planListing('', null)).toEqual({ kind: 'list', prefix: '' });
    expect(planListing('photos/2024/', 'photos/')).toEqual({ kind: 'list', prefix: 'photos/2024/' });
  });
  it('shows only the way down above the prefix', () => {
    expect(planListing('', 'photos/2024/')).toEqual({ kind: 'synthetic', child: 'photos' });
    expect(planListing('photos/', 'photos/2024/')).toEqual({ kind: 'synthetic', child: '2024' });
  });
  it('lists with the key prefix when it ends inside the folder level', () => {
    expect(planListing('photos/', 'photos/20')).toEqual({ kind: 'list', prefix: 'photos/20' });
    expect(planListing('', 'pho')).toEqual({ kind: 'list', prefix: 'pho' });
  });
  it('leaves unrelated folders to B2 (which refuses them)', () => {
    expect(planListing('music/', 'photos/')).toEqual({ kind: 'list', prefix: 'music/' });
  });
});

describe('b2HomePath', () => {
  const base = { accountId: 'a', applicationKeyId: 'k', isMaster: false, capabilities: [], expiresAt: null };
  it('root for unrestricted or multi-bucket keys, the bucket or prefix folder otherwise', () => {
    expect(b2HomePath({ ...base, buckets: null, namePrefix: null })).toBe('/');
    expect(
      b2HomePath({
        ...base,
        buckets: [
          { id: '1', name: 'a' },
          { id: '2', name: 'b' },
        ],
        namePrefix: 'x/',
      }),
    ).toBe('/');
    expect(b2HomePath({ ...base, buckets: [{ id: '1', name: 'a' }], namePrefix: null })).toBe('/a');
    expect(b2HomePath({ ...base, buckets: [{ id: '1', name: 'a' }], namePrefix: 'x/y/' })).toBe('/a/x/y');
    expect(b2HomePath({ ...base, buckets: [{ id: '1', name: 'a' }], namePrefix: 'x/partial' })).toBe('/a/x');
  });
});

describe('retry arithmetic', () => {
  it('Retry-After wins; otherwise exponential with at most 50% jitter, capped', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(p, 3, 2500)).toBe(2500);
    for (const n of [1, 2, 3]) {
      const d = backoffDelay(p, n, undefined);
      const exp = 100 * 1.5 ** (n - 1);
      expect(d).toBeGreaterThanOrEqual(exp);
      expect(d).toBeLessThanOrEqual(exp * 1.5 + 1);
    }
    expect(backoffDelay(p, 40, undefined)).toBeLessThanOrEqual(1500);
  });
  it('classifies per docs/b2-api.md §3.2', () => {
    expect(isRetryable(new B2CallError(429, 'too_many_requests', '', 1000))).toBe(true);
    expect(isRetryable(new B2CallError(503, 'service_unavailable', '', undefined))).toBe(true);
    expect(isRetryable(new B2CallError(408, 'request_timeout', '', undefined))).toBe(true);
    expect(isRetryable(new B2CallError(null, 'network', '', undefined, 'ECONNRESET'))).toBe(true);
    expect(isRetryable(new B2CallError(400, 'bad_request', '', undefined))).toBe(false);
    expect(isRetryable(new B2CallError(401, 'unauthorized', '', undefined))).toBe(false);
    expect(isTokenProblem(new B2CallError(401, 'expired_auth_token', '', undefined))).toBe(true);
    expect(isTokenProblem(new B2CallError(401, 'bad_auth_token', '', undefined))).toBe(true);
    expect(isTokenProblem(new B2CallError(401, 'unauthorized', '', undefined))).toBe(false);
  });
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
  });
});

describe('error normalisation drops axios config (and with it every token)', () => {
  const token = '4_secret_account_token';
  const axiosError = (response?: object, code?: string) => ({
    isAxiosError: true,
    code,
    config: { headers: { Authorization: token } },
    request: { _header: `POST / HTTP/1.1\r\nAuthorization: ${token}` },
    response,
  });

  it('keeps status, code, message and Retry-After only', () => {
    const e = toCallError(
      axiosError({
        status: 503,
        data: { status: 503, code: 'service_unavailable', message: 'busy' },
        headers: { 'retry-after': '2' },
      }),
    );
    expect(e).toMatchObject({ status: 503, code: 'service_unavailable', message: 'busy', retryAfterMs: 2000 });
    expect(JSON.stringify(e)).not.toContain(token);
    expect(Object.values(e ?? {}).join(' ')).not.toContain(token);
  });

  it('network failures and cancellations', () => {
    expect(toCallError(axiosError(undefined, 'ECONNRESET'))).toMatchObject({
      status: null,
      networkCode: 'ECONNRESET',
      isNetwork: true,
    });
    expect(toCallError(axiosError(undefined, 'ERR_CANCELED'))?.isCancelled).toBe(true);
    expect(toCallError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))?.isUnreachable).toBe(true);
    expect(toCallError(new RangeError('a bug'))).toBeNull();
  });
});

describe('toProviderError', () => {
  const key = {
    accountId: 'a',
    applicationKeyId: 'k',
    isMaster: false,
    buckets: [{ id: '1', name: 'mine' }],
    capabilities: ['listFiles', 'readFiles'],
    namePrefix: 'p/',
    expiresAt: null,
  };
  const unauthorized = new B2CallError(401, 'unauthorized', '', undefined);
  it('401 unauthorized names the bucket, prefix or capability that is missing', () => {
    const bucket = toProviderError(unauthorized, { op: 'x', bucket: 'other', capability: 'listFiles' }, key);
    expect(bucket).toBeInstanceOf(PermissionDeniedError);
    expect((bucket as PermissionDeniedError).missing).toEqual(['bucket:other']);
    const prefix = toProviderError(
      unauthorized,
      { op: 'x', bucket: 'mine', fileName: 'q/file', capability: 'readFiles' },
      key,
    );
    expect((prefix as PermissionDeniedError).missing).toEqual(['prefix:p/']);
    const cap = toProviderError(
      unauthorized,
      { op: 'x', bucket: 'mine', fileName: 'p/file', capability: 'deleteFiles', action: 'Delete' },
      key,
    );
    expect((cap as PermissionDeniedError).missing).toEqual(['deleteFiles']);
    expect(cap.message).toBe('Delete needs the deleteFiles capability; this key has listFiles, readFiles.');
  });
  it('maps the other families', () => {
    expect(
      toProviderError(new B2CallError(404, 'not_found', '', undefined), { op: 'x', path: '/b/f' }, key),
    ).toBeInstanceOf(NotFoundError);
    expect(toProviderError(new B2CallError(401, 'expired_auth_token', '', undefined), { op: 'x' }, key)).toBeInstanceOf(
      AuthError,
    );
    const t = toProviderError(new B2CallError(429, 'too_many_requests', '', 5000), { op: 'x' }, key);
    expect(t).toBeInstanceOf(TransientError);
    expect((t as TransientError).retryAfterMs).toBe(5000);
    expect(
      toProviderError(new B2CallError(null, 'network', '', undefined, 'ENOTFOUND'), { op: 'x' }, key),
    ).toBeInstanceOf(UnreachableError);
  });
});

describe('entries', () => {
  it('SHA1: unverified: prefix stripped, none → null', () => {
    expect(cleanSha1(`unverified:${'A'.repeat(40)}`)).toBe('a'.repeat(40));
    expect(cleanSha1('none')).toBeNull();
  });
  it('mtime from src_last_modified_millis, else the upload time', () => {
    expect(fileMtime({ src_last_modified_millis: '123' }, 999)).toBe(123);
    expect(fileMtime({}, 999)).toBe(999);
  });
  it('download names keep / and encode + and spaces', () => {
    expect(encodeKey('a b/c+d/é.txt')).toBe('a%20b/c%2Bd/%C3%A9.txt');
  });
});

describe('withRetry giveUp', () => {
  const refused = (): B2CallError =>
    new B2CallError(null, 'network', 'connection failed (ECONNREFUSED)', undefined, 'ECONNREFUSED');
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 2 };

  it('stops as soon as giveUp says so, keeping the last error', async () => {
    let calls = 0;
    const run = withRetry(
      () => {
        calls++;
        return Promise.reject(refused());
      },
      { policy, giveUp: (e, attempt) => e.isUnreachable && attempt >= 2 },
    );
    await expect(run).rejects.toMatchObject({ networkCode: 'ECONNREFUSED' });
    expect(calls).toBe(2);
  });

  it('without giveUp, uses every try the policy allows', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(refused());
        },
        { policy },
      ),
    ).rejects.toBeInstanceOf(B2CallError);
    expect(calls).toBe(policy.maxAttempts);
  });
});
