/**
 * Restriction enforcement as real B2 does it: every endpoint's capability, bucket restrictions,
 * name prefixes (401 unauthorized), the v1 listing "workaround", and token states.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALL_CAPABILITIES, type RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, start, tokenFor, upload, uploadTo, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketA: string;
let bucketB: string;
let fileA: Json;
let fileB: Json;
let fileNo: Json;
let largeA: Json;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  bucketA = await makeBucket(emu, t, 'enforce-a');
  bucketB = await makeBucket(emu, t, 'enforce-b');
  fileA = await put(emu, t, bucketA, 'ok/a.txt', 'a');
  fileNo = await put(emu, t, bucketA, 'no/x.txt', 'x');
  await put(emu, t, bucketA, 'ok/sub/b.txt', 'b');
  fileB = await put(emu, t, bucketB, 'ok/b.txt', 'b');
  largeA = await ok(emu, t, 'b2_start_large_file', {
    bucketId: bucketA,
    fileName: 'ok/large.bin',
    contentType: 'text/plain',
  });
});
afterAll(() => emu.close());

async function keyToken(body: Json, version = 2): Promise<string> {
  const k = await ok(
    emu,
    t,
    'b2_create_key',
    { accountId: emu.accountId, keyName: `k${Math.random().toString(36).slice(2, 10)}`, ...body },
    version,
  );
  return tokenFor(emu, k.applicationKeyId as string, k.applicationKey as string, version === 4 ? 4 : 2);
}

const unauthorized = (r: { status: number; body: Json }) =>
  expect([r.status, r.body.code]).toEqual([401, 'unauthorized']);

describe('capabilities: each endpoint refuses a key without its capability', () => {
  const cases: [string, string, () => Json][] = [
    ['b2_list_buckets', 'listBuckets', () => ({ accountId: emu.accountId })],
    [
      'b2_create_bucket',
      'writeBuckets',
      () => ({ accountId: emu.accountId, bucketName: 'never-made', bucketType: 'allPrivate' }),
    ],
    ['b2_update_bucket', 'writeBuckets', () => ({ accountId: emu.accountId, bucketId: bucketA })],
    ['b2_delete_bucket', 'deleteBuckets', () => ({ accountId: emu.accountId, bucketId: bucketB })],
    ['b2_get_upload_url', 'writeFiles', () => ({ bucketId: bucketA })],
    ['b2_start_large_file', 'writeFiles', () => ({ bucketId: bucketA, fileName: 'ok/l', contentType: 'text/plain' })],
    ['b2_get_upload_part_url', 'writeFiles', () => ({ fileId: largeA.fileId })],
    ['b2_list_parts', 'writeFiles', () => ({ fileId: largeA.fileId })],
    ['b2_finish_large_file', 'writeFiles', () => ({ fileId: largeA.fileId, partSha1Array: ['x'] })],
    ['b2_cancel_large_file', 'writeFiles', () => ({ fileId: largeA.fileId })],
    ['b2_list_unfinished_large_files', 'listFiles', () => ({ bucketId: bucketA })],
    ['b2_list_file_names', 'listFiles', () => ({ bucketId: bucketA })],
    ['b2_list_file_versions', 'listFiles', () => ({ bucketId: bucketA })],
    ['b2_get_file_info', 'readFiles', () => ({ fileId: fileA.fileId })],
    ['b2_hide_file', 'writeFiles', () => ({ bucketId: bucketA, fileName: 'ok/a.txt' })],
    ['b2_delete_file_version', 'deleteFiles', () => ({ fileId: fileA.fileId, fileName: 'ok/a.txt' })],
    ['b2_copy_file', 'writeFiles', () => ({ sourceFileId: fileA.fileId, fileName: 'ok/copy' })],
    ['b2_copy_part', 'writeFiles', () => ({ sourceFileId: fileA.fileId, largeFileId: largeA.fileId, partNumber: 1 })],
    [
      'b2_get_download_authorization',
      'shareFiles',
      () => ({ bucketId: bucketA, fileNamePrefix: 'ok/', validDurationInSeconds: 10 }),
    ],
    ['b2_create_key', 'writeKeys', () => ({ accountId: emu.accountId, keyName: 'nope', capabilities: ['listFiles'] })],
    ['b2_list_keys', 'listKeys', () => ({ accountId: emu.accountId })],
    ['b2_delete_key', 'deleteKeys', () => ({ applicationKeyId: 'whatever' })],
  ];
  for (const [endpoint, capability, body] of cases) {
    test(`${endpoint} needs ${capability}`, async () => {
      const kt = await keyToken({ capabilities: ALL_CAPABILITIES.filter((c) => c !== capability) });
      unauthorized(await call(emu, kt, endpoint, body()));
    });
  }

  test('downloads from a private bucket need readFiles (by name and by id)', async () => {
    const kt = await keyToken({ capabilities: ['listFiles'] });
    expect((await fetch(`${emu.endpoint}/file/enforce-a/ok/a.txt`, { headers: { Authorization: kt } })).status).toBe(
      401,
    );
    expect(
      (
        await fetch(`${emu.endpoint}/b2api/v2/b2_download_file_by_id?fileId=${fileA.fileId}`, {
          headers: { Authorization: kt },
        })
      ).status,
    ).toBe(401);
  });
});

describe('bucket restrictions', () => {
  let kt: string;
  beforeAll(async () => {
    kt = await keyToken({
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'],
      bucketId: bucketA,
    });
  });

  test('calls naming another bucket (directly or via a file) → 401 unauthorized', async () => {
    unauthorized(await call(emu, kt, 'b2_list_file_names', { bucketId: bucketB }));
    unauthorized(await call(emu, kt, 'b2_get_upload_url', { bucketId: bucketB }));
    unauthorized(
      await call(emu, kt, 'b2_start_large_file', { bucketId: bucketB, fileName: 'x', contentType: 'text/plain' }),
    );
    unauthorized(await call(emu, kt, 'b2_hide_file', { bucketId: bucketB, fileName: 'ok/b.txt' }));
    unauthorized(await call(emu, kt, 'b2_get_file_info', { fileId: fileB.fileId }));
    unauthorized(await call(emu, kt, 'b2_delete_file_version', { fileId: fileB.fileId, fileName: 'ok/b.txt' }));
    unauthorized(await call(emu, kt, 'b2_copy_file', { sourceFileId: fileB.fileId, fileName: 'ok/c' }));
    unauthorized(
      await call(emu, kt, 'b2_copy_file', {
        sourceFileId: fileA.fileId,
        fileName: 'ok/c',
        destinationBucketId: bucketB,
      }),
    );
    unauthorized(
      await call(emu, kt, 'b2_get_download_authorization', {
        bucketId: bucketB,
        fileNamePrefix: '',
        validDurationInSeconds: 5,
      }),
    );
    unauthorized(await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketId: bucketB }));
    unauthorized(await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketName: 'enforce-b' }));
    expect((await fetch(`${emu.endpoint}/file/enforce-b/ok/b.txt`, { headers: { Authorization: kt } })).status).toBe(
      401,
    );
    expect((await call(emu, kt, 'b2_list_file_names', { bucketId: bucketA })).status).toBe(200);
  });

  test('list_buckets without a filter: v2+ → 401, v1 lists only the allowed bucket (workaround)', async () => {
    unauthorized(await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId }, 2));
    unauthorized(await call(emu, kt, 'b2_list_buckets', { accountId: emu.accountId }, 4));
    const v1 = await ok(emu, kt, 'b2_list_buckets', { accountId: emu.accountId }, 1);
    expect(v1.buckets.map((b: Json) => b.bucketName)).toEqual(['enforce-a']);
    const named = await ok(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketName: 'enforce-a' }, 2);
    expect(named.buckets).toHaveLength(1);
  });

  test('multi-bucket (v4) keys reach each of their buckets and nothing else', async () => {
    const third = await makeBucket(emu, t, 'enforce-c');
    const mt = await keyToken({ capabilities: ['listFiles'], bucketIds: [bucketA, bucketB] }, 4);
    expect((await call(emu, mt, 'b2_list_file_names', { bucketId: bucketA }, 4)).status).toBe(200);
    expect((await call(emu, mt, 'b2_list_file_names', { bucketId: bucketB }, 1)).status).toBe(200);
    unauthorized(await call(emu, mt, 'b2_list_file_names', { bucketId: third }, 4));
  });
});

describe('name prefix restrictions', () => {
  let kt: string;
  beforeAll(async () => {
    kt = await keyToken({
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'],
      bucketId: bucketA,
      namePrefix: 'ok/',
    });
  });

  test('file names outside the prefix → 401 on every call that names a file', async () => {
    const u = await ok(emu, kt, 'b2_get_upload_url', { bucketId: bucketA });
    unauthorized(await uploadTo(u, 'no/new.txt', 'n'));
    expect((await uploadTo(u, 'ok/new.txt', 'n')).status).toBe(200);
    unauthorized(
      await call(emu, kt, 'b2_start_large_file', { bucketId: bucketA, fileName: 'no/l', contentType: 'text/plain' }),
    );
    unauthorized(await call(emu, kt, 'b2_hide_file', { bucketId: bucketA, fileName: 'no/x.txt' }));
    unauthorized(await call(emu, kt, 'b2_get_file_info', { fileId: fileNo.fileId }));
    unauthorized(await call(emu, kt, 'b2_delete_file_version', { fileId: fileNo.fileId, fileName: 'no/x.txt' }));
    unauthorized(await call(emu, kt, 'b2_copy_file', { sourceFileId: fileNo.fileId, fileName: 'ok/c' }));
    unauthorized(await call(emu, kt, 'b2_copy_file', { sourceFileId: fileA.fileId, fileName: 'no/c' }));
    unauthorized(
      await call(emu, kt, 'b2_get_download_authorization', {
        bucketId: bucketA,
        fileNamePrefix: '',
        validDurationInSeconds: 5,
      }),
    );
    expect(
      (
        await call(emu, kt, 'b2_get_download_authorization', {
          bucketId: bucketA,
          fileNamePrefix: 'ok/a',
          validDurationInSeconds: 5,
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${emu.endpoint}/file/enforce-a/no/x.txt`, { headers: { Authorization: kt } })).status).toBe(
      401,
    );
    expect((await fetch(`${emu.endpoint}/file/enforce-a/ok/a.txt`, { headers: { Authorization: kt } })).status).toBe(
      200,
    );
  });

  test('v2+ listing with a prefix outside the key prefix → 401 (an empty prefix counts)', async () => {
    for (const endpoint of ['b2_list_file_names', 'b2_list_file_versions']) {
      unauthorized(await call(emu, kt, endpoint, { bucketId: bucketA }, 2));
      unauthorized(await call(emu, kt, endpoint, { bucketId: bucketA, prefix: 'no/' }, 4));
      expect((await call(emu, kt, endpoint, { bucketId: bucketA, prefix: 'ok/' }, 2)).status).toBe(200);
    }
    unauthorized(await call(emu, kt, 'b2_list_unfinished_large_files', { bucketId: bucketA }, 2));
  });

  test('v1 listing filters to the key prefix instead of failing (the 2018 workaround)', async () => {
    const names = await ok(emu, kt, 'b2_list_file_names', { bucketId: bucketA }, 1);
    expect(names.files.map((f: Json) => f.fileName)).toEqual(['ok/a.txt', 'ok/new.txt', 'ok/sub/b.txt']);
    const folders = await ok(emu, kt, 'b2_list_file_names', { bucketId: bucketA, delimiter: '/' }, 1);
    expect(folders.files.map((f: Json) => f.fileName)).toEqual(['ok/']);
    const versions = await ok(emu, kt, 'b2_list_file_versions', { bucketId: bucketA }, 1);
    expect(versions.files.every((f: Json) => (f.fileName as string).startsWith('ok/'))).toBe(true);
    const disjoint = await ok(emu, kt, 'b2_list_file_names', { bucketId: bucketA, prefix: 'no/' }, 1);
    expect(disjoint.files).toEqual([]);
    const unfinished = await ok(emu, kt, 'b2_list_unfinished_large_files', { bucketId: bucketA }, 1);
    expect(unfinished.files.map((f: Json) => f.fileName)).toEqual(['ok/large.bin']);
  });
});

describe('token states', () => {
  test('unknown, missing or garbage tokens → 401 bad_auth_token', async () => {
    for (const token of ['garbage', '']) {
      const r = await call(emu, token, 'b2_list_buckets', { accountId: emu.accountId });
      expect([r.status, r.body.code]).toEqual([401, 'bad_auth_token']);
    }
  });

  test('expired tokens → 401 expired_auth_token; re-authorizing fixes it', async () => {
    const other = await start();
    try {
      const ot = await tokenFor(other);
      const u = await ok(other, ot, 'b2_get_upload_url', { bucketId: await makeBucket(other, ot, 'expiry-bucket') });
      other.expireAllTokens();
      const r = await call(other, ot, 'b2_list_buckets', { accountId: other.accountId });
      expect([r.status, r.body.code]).toEqual([401, 'expired_auth_token']);
      const up = await uploadTo(u, 'x.txt', 'x');
      expect([up.status, up.body.code]).toEqual([401, 'expired_auth_token']);
      const fresh = await tokenFor(other);
      expect((await call(other, fresh, 'b2_list_buckets', { accountId: other.accountId })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  test('tokens expire after tokenLifetimeMs', async () => {
    const other = await start({ tokenLifetimeMs: 1 });
    try {
      const ot = await tokenFor(other);
      let r = await call(other, ot, 'b2_list_buckets', { accountId: other.accountId });
      // The token lives 1 ms; poll (bounded) until the clock has moved past it.
      for (let i = 0; i < 1000 && r.status === 200; i++)
        r = await call(other, ot, 'b2_list_buckets', { accountId: other.accountId });
      expect(r.body.code).toBe('expired_auth_token');
    } finally {
      await other.close();
    }
  });

  test('upload with an account token instead of the upload token → 401', async () => {
    const r = await upload(emu, t, bucketA, 'ok/z.txt', 'z', { Authorization: t });
    expect(r.status).toBe(401);
  });
});

// The permission oracle (tests/permissions) takes this server's answers as the truth; these are the
// documented rules it leans on beyond the ones above (docs/b2-api.md §1.3, §2.1, §2.3, §2.5, §6.1).
describe('rules the permission oracle relies on', () => {
  let pubId: string;
  let pubFile: Json;
  beforeAll(async () => {
    pubId = await makeBucket(emu, t, 'enforce-pub', 'allPublic');
    pubFile = await put(emu, t, pubId, 'open/p.txt', 'p');
  });

  test('anyone may download from an allPublic bucket: no token, or a key without readFiles, for other buckets or another prefix', async () => {
    const noRead = await keyToken({ capabilities: ['listBuckets', 'writeFiles'] });
    const otherBucket = await keyToken({ capabilities: ['listFiles', 'readFiles'], bucketId: bucketA });
    for (const headers of [{}, { Authorization: noRead }, { Authorization: otherBucket }] as Array<
      Record<string, string>
    >) {
      expect((await fetch(`${emu.endpoint}/file/enforce-pub/open/p.txt`, { headers })).status).toBe(200);
    }
  });

  test('b2_copy_file from an allPublic bucket needs no readFiles, but the source must still be in the key bucket and prefix', async () => {
    const writer = await keyToken({ capabilities: ['listBuckets', 'listFiles', 'writeFiles'] });
    expect(
      (await call(emu, writer, 'b2_copy_file', { sourceFileId: pubFile.fileId, fileName: 'open/copied.txt' })).status,
    ).toBe(200);
    unauthorized(await call(emu, writer, 'b2_copy_file', { sourceFileId: fileA.fileId, fileName: 'ok/copied.txt' }));
    const elsewhere = await keyToken({ capabilities: ['listFiles', 'writeFiles'], bucketId: bucketA });
    unauthorized(
      await call(emu, elsewhere, 'b2_copy_file', {
        sourceFileId: pubFile.fileId,
        fileName: 'ok/copied.txt',
        destinationBucketId: bucketA,
      }),
    );
  });

  test('a v4 key with a name prefix and no bucket holds its prefix in every bucket', async () => {
    const kt = await keyToken(
      { capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'], namePrefix: 'ok/' },
      4,
    );
    expect((await call(emu, kt, 'b2_list_file_names', { bucketId: bucketB, prefix: 'ok/' }, 4)).status).toBe(200);
    unauthorized(await call(emu, kt, 'b2_list_file_names', { bucketId: bucketB, prefix: '' }, 4));
    unauthorized(await call(emu, kt, 'b2_hide_file', { bucketId: bucketA, fileName: 'no/x.txt' }, 4));
  });

  test('a key limited to buckets cannot hold account capabilities, so it never creates buckets or keys', async () => {
    const bad = await call(
      emu,
      t,
      'b2_create_key',
      {
        accountId: emu.accountId,
        keyName: 'too-much',
        capabilities: ['writeBuckets', 'listFiles'],
        bucketIds: [bucketA],
      },
      4,
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'bad_request']);
    const kt = await keyToken({ capabilities: ['listBuckets', 'listFiles'], bucketId: bucketA });
    unauthorized(
      await call(emu, kt, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: 'never-made-2',
        bucketType: 'allPrivate',
      }),
    );
  });
});
