/**
 * Application keys: create (v1–v3 bucketId, v4 bucketIds), the secret only at creation, list
 * paging and per-version visibility, delete and revocation, validation.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { authorizeRaw, b2Client, call, makeBucket, ok, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketA: string;
let bucketB: string;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  bucketA = await makeBucket(emu, t, 'keys-bucket-a');
  bucketB = await makeBucket(emu, t, 'keys-bucket-b');
});
afterAll(() => emu.close());

const create = (body: Json, version = 2) =>
  call(emu, t, 'b2_create_key', { accountId: emu.accountId, ...body }, version);

describe('keys', () => {
  test('v2 create: bucketId shape with the secret; list shows no secret', async () => {
    const r = await create({
      keyName: 'v2-key',
      capabilities: ['listFiles', 'readFiles'],
      bucketId: bucketA,
      namePrefix: 'p/',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      accountId: emu.accountId,
      bucketId: bucketA,
      capabilities: ['listFiles', 'readFiles'],
      keyName: 'v2-key',
      namePrefix: 'p/',
      expirationTimestamp: null,
      options: ['s3'],
    });
    expect(r.body.applicationKeyId).toMatch(/^004[0-9a-f]{12}[0-9a-f]{10}$/);
    expect(r.body.applicationKey).toMatch(/^K004.{27}$/);
    expect(r.body).not.toHaveProperty('bucketIds');
    const list = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId });
    const listed = list.keys.find((k: Json) => k.applicationKeyId === r.body.applicationKeyId);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('applicationKey');
  });

  test('v4 create: bucketIds (several) in and out; v4 list shows bucketIds', async () => {
    const r = await create({ keyName: 'multi', capabilities: ['listFiles'], bucketIds: [bucketA, bucketB] }, 4);
    expect(r.body.bucketIds).toEqual([bucketA, bucketB]);
    expect(r.body).not.toHaveProperty('bucketId');
    const list = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId }, 4);
    expect(list.keys.find((k: Json) => k.keyName === 'multi').bucketIds).toEqual([bucketA, bucketB]);
  });

  test('v1–v3 list_keys leave out keys created through v4 with bucket restrictions', async () => {
    await create({ keyName: 'hidden-from-v3', capabilities: ['listFiles'], bucketIds: [bucketA] }, 4);
    for (const v of [1, 2, 3]) {
      const list = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId }, v);
      expect(list.keys.map((k: Json) => k.keyName)).not.toContain('hidden-from-v3');
    }
    const v4 = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId }, 4);
    expect(v4.keys.map((k: Json) => k.keyName)).toContain('hidden-from-v3');
  });

  test('list pages by maxKeyCount / startApplicationKeyId; maxKeyCount over 10000 → 400', async () => {
    for (let i = 0; i < 5; i++) await create({ keyName: `page-${i}`, capabilities: ['listBuckets'] });
    const all = await ok(emu, t, 'b2_list_keys', { accountId: emu.accountId, maxKeyCount: 1000 }, 4);
    const seen: string[] = [];
    let start: string | null = null;
    do {
      const page: Json = await ok(
        emu,
        t,
        'b2_list_keys',
        { accountId: emu.accountId, maxKeyCount: 2, startApplicationKeyId: start },
        4,
      );
      expect(page.keys.length).toBeLessThanOrEqual(2);
      seen.push(...page.keys.map((k: Json) => k.applicationKeyId as string));
      start = page.nextApplicationKeyId as string | null;
    } while (start !== null);
    expect(seen).toEqual(all.keys.map((k: Json) => k.applicationKeyId));
    expect([...seen].sort()).toEqual(seen);
    expect((await call(emu, t, 'b2_list_keys', { accountId: emu.accountId, maxKeyCount: 10001 })).body.code).toBe(
      'out_of_range',
    );
  });

  test('delete returns the key and revokes its tokens at once', async () => {
    const k = (await create({ keyName: 'doomed', capabilities: ['listBuckets'] })).body;
    const kt = await tokenFor(emu, k.applicationKeyId, k.applicationKey, 2);
    expect((await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId })).status).toBe(200);
    const del = await ok(emu, t, 'b2_delete_key', { applicationKeyId: k.applicationKeyId });
    expect(del).toMatchObject({ applicationKeyId: k.applicationKeyId, keyName: 'doomed' });
    expect(del).not.toHaveProperty('applicationKey');
    const after = await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId });
    expect([after.status, after.body.code]).toEqual([401, 'bad_auth_token']);
    expect((await authorizeRaw(emu, 2, k.applicationKeyId, k.applicationKey)).body.code).toBe('unauthorized');
    const again = await call(emu, t, 'b2_delete_key', { applicationKeyId: k.applicationKeyId });
    expect([again.status, again.body.code]).toEqual([400, 'bad_request']);
  });

  test('v1–v3 delete_key refuses a v4-restricted key; v4 deletes it with bucketIds', async () => {
    const k = (await create({ keyName: 'v4-delete', capabilities: ['listFiles'], bucketIds: [bucketB] }, 4)).body;
    const v2 = await call(emu, t, 'b2_delete_key', { applicationKeyId: k.applicationKeyId }, 2);
    expect(v2.body).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'This request is not currently supported on API version number 2',
    });
    const v4 = await ok(emu, t, 'b2_delete_key', { applicationKeyId: k.applicationKeyId }, 4);
    expect(v4.bucketIds).toEqual([bucketB]);
  });

  test('validation: key name, capabilities, duration, bucket-scoped capabilities, prefix without bucket', async () => {
    const bad: [Json, number][] = [
      [{ keyName: 'bad name!', capabilities: ['listFiles'] }, 2],
      [{ keyName: 'x'.repeat(101), capabilities: ['listFiles'] }, 2],
      [{ keyName: 'empty-caps', capabilities: [] }, 2],
      [{ keyName: 'unknown-cap', capabilities: ['flyToTheMoon'] }, 2],
      [{ keyName: 'dur0', capabilities: ['listFiles'], validDurationInSeconds: 0 }, 2],
      [{ keyName: 'durbig', capabilities: ['listFiles'], validDurationInSeconds: 86_400_001 }, 2],
      [{ keyName: 'scoped', capabilities: ['listFiles', 'writeKeys'], bucketId: bucketA }, 2],
      [{ keyName: 'prefix-only', capabilities: ['listFiles'], namePrefix: 'a/' }, 3],
      [{ keyName: 'v4-bucketId', capabilities: ['listFiles'], bucketId: bucketA }, 4],
      [{ keyName: 'v2-bucketIds', capabilities: ['listFiles'], bucketIds: [bucketA] }, 2],
    ];
    for (const [body, version] of bad) {
      const r = await create(body, version);
      expect([body.keyName, r.status, r.body.code]).toEqual([body.keyName, 400, 'bad_request']);
    }
    const unknownBucket = await create({
      keyName: 'ghost',
      capabilities: ['listFiles'],
      bucketId: 'ffffffffffffffffffffffff',
    });
    expect(unknownBucket.body.code).toBe('bad_bucket_id');
  });

  test('v4 allows a namePrefix without buckets (all buckets with a prefix); such a key is v4-only', async () => {
    const k = (await create({ keyName: 'all-buckets-prefix', capabilities: ['listFiles'], namePrefix: 'team/' }, 4))
      .body;
    expect(k).toMatchObject({ bucketIds: null, namePrefix: 'team/' });
    expect((await authorizeRaw(emu, 4, k.applicationKeyId, k.applicationKey)).status).toBe(200);
    expect((await authorizeRaw(emu, 3, k.applicationKeyId, k.applicationKey)).status).toBe(400);
  });

  test('bucket-restricted keys cannot create keys', async () => {
    const k = (await create({ keyName: 'restricted', capabilities: ['listFiles'], bucketId: bucketA })).body;
    const kt = await tokenFor(emu, k.applicationKeyId, k.applicationKey, 2);
    const r = await call(emu, kt, 'b2_create_key', {
      accountId: emu.accountId,
      keyName: 'child',
      capabilities: ['listFiles'],
    });
    expect([r.status, r.body.code]).toEqual([401, 'unauthorized']);
  });

  test('backblaze-b2 createKey / listKeys / deleteKey', async () => {
    const b2 = await b2Client(emu);
    const k = await b2.createKey({
      capabilities: ['listBuckets', 'listFiles'],
      keyName: 'from-lib',
      bucketId: bucketA,
      namePrefix: 'x/',
    });
    expect(k.data.applicationKey).toBeTruthy();
    const list = await b2.listKeys({ maxKeyCount: 1000 });
    expect(list.data.keys.map((x: Json) => x.keyName)).toContain('from-lib');
    const del = await b2.deleteKey({ applicationKeyId: k.data.applicationKeyId });
    expect(del.data.keyName).toBe('from-lib');
  });
});
