/**
 * b2_authorize_account on v1–v4: methods, credentials, per-version shapes, v4-only keys,
 * expired keys, one token namespace, the Date header.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { authorizeRaw, b2Client, call, makeBucket, ok, start, tokenFor } from './helpers.js';

let emu: RunningEmulator;
let master: string;
let bucketId: string;

beforeAll(async () => {
  emu = await start({ recommendedPartSize: 12345, absoluteMinimumPartSize: 678 });
  master = await tokenFor(emu);
  bucketId = await makeBucket(emu, master, 'auth-bucket');
});
afterAll(() => emu.close());

describe('b2_authorize_account', () => {
  test('v1 is flat and has minimumPartSize', async () => {
    const r = await authorizeRaw(emu, 1, emu.masterKeyId, emu.masterKey);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      accountId: emu.accountId,
      apiUrl: emu.endpoint,
      downloadUrl: emu.endpoint,
      recommendedPartSize: 12345,
      absoluteMinimumPartSize: 678,
      minimumPartSize: 12345,
      allowed: { bucketId: null, namePrefix: null },
    });
    expect(r.body.allowed.capabilities).toContain('writeKeys');
    expect(typeof r.body.s3ApiUrl).toBe('string');
  });

  test('v2 is flat with allowed.bucketName', async () => {
    const r = await authorizeRaw(emu, 2, emu.masterKeyId, emu.masterKey);
    expect(r.body).toMatchObject({
      accountId: emu.accountId,
      apiUrl: emu.endpoint,
      allowed: { bucketId: null, bucketName: null },
    });
    expect(r.body).not.toHaveProperty('minimumPartSize');
    expect(r.body).not.toHaveProperty('apiInfo');
  });

  test('v3 groups everything under apiInfo.storageApi with infoType', async () => {
    const r = await authorizeRaw(emu, 3, emu.masterKeyId, emu.masterKey);
    expect(r.body).not.toHaveProperty('apiUrl');
    expect(r.body.applicationKeyExpirationTimestamp).toBeNull();
    expect(r.body.apiInfo.storageApi).toMatchObject({
      apiUrl: emu.endpoint,
      downloadUrl: emu.endpoint,
      bucketId: null,
      bucketName: null,
      infoType: 'storageApi',
      namePrefix: null,
      recommendedPartSize: 12345,
      absoluteMinimumPartSize: 678,
    });
    expect(r.body.apiInfo).not.toHaveProperty('groupsApi');
  });

  test('v4 uses allowed.buckets (null for all buckets) and nothing flat in storageApi', async () => {
    const r = await authorizeRaw(emu, 4, emu.masterKeyId, emu.masterKey);
    const s = r.body.apiInfo.storageApi;
    expect(s.allowed.buckets).toBeNull();
    expect(s.allowed.namePrefix).toBeNull();
    expect(s.allowed.capabilities).toContain('deleteFiles');
    for (const gone of ['bucketId', 'bucketName', 'capabilities', 'namePrefix', 'infoType'])
      expect(s).not.toHaveProperty(gone);
    for (const needed of ['apiUrl', 'downloadUrl', 'absoluteMinimumPartSize', 'recommendedPartSize', 's3ApiUrl'])
      expect(s).toHaveProperty(needed);
  });

  test('POST with {} works (b2sdk) and so does the account ID in place of the master key ID', async () => {
    expect((await authorizeRaw(emu, 4, emu.masterKeyId, emu.masterKey, 'POST')).status).toBe(200);
    const r = await authorizeRaw(emu, 2, emu.accountId, emu.masterKey);
    expect(r.status).toBe(200);
    expect(r.body.accountId).toBe(emu.accountId);
  });

  test('wrong secret or unknown key ID → 401 unauthorized with WWW-Authenticate', async () => {
    const bad = await authorizeRaw(emu, 2, emu.masterKeyId, 'K004wrong');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(bad.headers.get('www-authenticate')).toContain('authorize_account');
    const unknown = await authorizeRaw(emu, 2, '004000000000000000000000f', 'x');
    expect(unknown.body.code).toBe('unauthorized');
  });

  test('missing or malformed Basic header → 401 bad_auth_token', async () => {
    const r = await fetch(`${emu.endpoint}/b2api/v2/b2_authorize_account`);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { code: string }).code).toBe('bad_auth_token');
    const m = await fetch(`${emu.endpoint}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: 'Basic bm9jb2xvbg==' },
    });
    expect(((await m.json()) as { code: string }).code).toBe('bad_auth_token');
  });

  test('a key created through v4 with bucketIds works on v4 only: 400 bad_request on v1–v3', async () => {
    const k = await ok(
      emu,
      master,
      'b2_create_key',
      { accountId: emu.accountId, keyName: 'v4only', capabilities: ['listFiles'], bucketIds: [bucketId] },
      4,
    );
    for (const v of [1, 2, 3]) {
      const r = await authorizeRaw(emu, v, k.applicationKeyId, k.applicationKey);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        status: 400,
        code: 'bad_request',
        message: `This request is not currently supported on API version number ${v}`,
      });
    }
    const r4 = await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey);
    expect(r4.body.apiInfo.storageApi.allowed.buckets).toEqual([{ id: bucketId, name: 'auth-bucket' }]);
  });

  test('a key created through v3 with one bucket works everywhere; v1/v2/v3 show it flat', async () => {
    const k = await ok(
      emu,
      master,
      'b2_create_key',
      {
        accountId: emu.accountId,
        keyName: 'v3key',
        capabilities: ['listFiles', 'readFiles'],
        bucketId,
        namePrefix: 'a/',
      },
      3,
    );
    const v2 = await authorizeRaw(emu, 2, k.applicationKeyId, k.applicationKey);
    expect(v2.body.allowed).toEqual({
      bucketId,
      bucketName: 'auth-bucket',
      capabilities: ['listFiles', 'readFiles'],
      namePrefix: 'a/',
    });
    // Debian's rclone (1.60) authorizes on v1 and needs allowed.bucketName there too.
    const v1 = await authorizeRaw(emu, 1, k.applicationKeyId, k.applicationKey);
    expect(v1.body.allowed).toEqual({
      bucketId,
      bucketName: 'auth-bucket',
      capabilities: ['listFiles', 'readFiles'],
      namePrefix: 'a/',
    });
    const v3 = await authorizeRaw(emu, 3, k.applicationKeyId, k.applicationKey);
    expect(v3.body.apiInfo.storageApi).toMatchObject({ bucketId, bucketName: 'auth-bucket', namePrefix: 'a/' });
    const v4 = await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey);
    expect(v4.body.apiInfo.storageApi.allowed).toEqual({
      buckets: [{ id: bucketId, name: 'auth-bucket' }],
      capabilities: ['listFiles', 'readFiles'],
      namePrefix: 'a/',
    });
  });

  test('unrestricted keys created through v4 still authorize on v3', async () => {
    const k = await ok(
      emu,
      master,
      'b2_create_key',
      { accountId: emu.accountId, keyName: 'v4open', capabilities: ['listBuckets'] },
      4,
    );
    expect((await authorizeRaw(emu, 3, k.applicationKeyId, k.applicationKey)).status).toBe(200);
  });

  test('allowed bucket name is null once the bucket is deleted', async () => {
    const gone = await makeBucket(emu, master, 'soon-gone');
    const k = await ok(
      emu,
      master,
      'b2_create_key',
      { accountId: emu.accountId, keyName: 'orphan', capabilities: ['listFiles'], bucketIds: [gone] },
      4,
    );
    await ok(emu, master, 'b2_delete_bucket', { accountId: emu.accountId, bucketId: gone });
    const r = await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey);
    expect(r.body.apiInfo.storageApi.allowed.buckets).toEqual([{ id: gone, name: null }]);
  });

  test('a key with validDurationInSeconds reports its expiry on authorize', async () => {
    const k = await ok(emu, master, 'b2_create_key', {
      accountId: emu.accountId,
      keyName: 'short',
      capabilities: ['listBuckets'],
      validDurationInSeconds: 3600,
    });
    const r = await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey);
    expect(r.body.applicationKeyExpirationTimestamp).toBe(k.expirationTimestamp);
    expect(k.expirationTimestamp).toBeGreaterThan(Date.now());
  });

  test('one token namespace: a v4 token works on v1, v2 and v3 endpoints', async () => {
    const t = await tokenFor(emu, emu.masterKeyId, emu.masterKey, 4);
    for (const v of [1, 2, 3, 4]) {
      const r = await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId }, v);
      expect(r.status).toBe(200);
      expect(r.body.buckets.map((b: { bucketName: string }) => b.bucketName)).toContain('auth-bucket');
    }
  });

  test('every response has an HTTP Date header close to now (b2sdk clock-skew check)', async () => {
    for (const r of [
      await authorizeRaw(emu, 2, emu.masterKeyId, emu.masterKey),
      await authorizeRaw(emu, 2, emu.masterKeyId, 'bad'),
    ]) {
      const date = r.headers.get('date');
      expect(date).toMatch(/GMT$/);
      expect(Math.abs(Date.parse(date ?? '') - Date.now())).toBeLessThan(600_000);
    }
  });

  test('the backblaze-b2 npm client authorizes via axiosOverride and sees the account ID', async () => {
    const b2 = await b2Client(emu);
    expect(b2.accountId).toBe(emu.accountId);
    const r = await b2.listBuckets();
    expect(r.data.buckets.length).toBeGreaterThan(0);
  });
});
