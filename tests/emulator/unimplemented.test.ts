/**
 * What the server does not implement is refused, never dropped (docs/b2-api.md §8): lifecycle
 * and CORS rules it would not apply are 400, and the master key advertises only capabilities of
 * features the server has. Also the last dropped field, customUploadTimestamp on
 * b2_start_large_file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { authorizeRaw, call, makeBucket, ok, sha1, start, tokenFor } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 5 });
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'unimplemented');
});
afterAll(() => emu.close());

const NOT_SERVED = ['listAllBucketNames', 'readBuckets', 'readBucketLifecycleRules', 'writeBucketLifecycleRules'];
const SERVED = [
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketRetentions',
  'writeBucketRetentions',
  'readFileRetentions',
  'writeFileRetentions',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'bypassGovernance',
  'readBucketReplications',
  'writeBucketReplications',
  'readBucketNotifications',
  'writeBucketNotifications',
];

describe('refused, not dropped', () => {
  test('the master key advertises only implemented capabilities, on every version; keys may still hold the others', async () => {
    for (const version of [1, 2, 3, 4]) {
      const r = await authorizeRaw(emu, version, emu.masterKeyId, emu.masterKey);
      const caps = (
        version < 3
          ? r.body.allowed.capabilities
          : version === 3
            ? r.body.apiInfo.storageApi.capabilities
            : r.body.apiInfo.storageApi.allowed.capabilities
      ) as string[];
      expect(caps.filter((c) => NOT_SERVED.includes(c))).toEqual([]);
      expect(SERVED.filter((c) => !caps.includes(c))).toEqual([]);
    }
    const k = await ok(
      emu,
      t,
      'b2_create_key',
      {
        accountId: emu.accountId,
        keyName: 's3-style',
        capabilities: ['listBuckets', 'readBuckets', 'listAllBucketNames'],
      },
      4,
    );
    expect(k.capabilities).toEqual(['listBuckets', 'readBuckets', 'listAllBucketNames']);
  });

  test('lifecycle and CORS rules are 400 on create and update (the server would not apply them); empty lists are fine', async () => {
    const lifecycle = [{ fileNamePrefix: 'tmp/', daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null }];
    const cors = [
      {
        corsRuleName: 'all',
        allowedOrigins: ['*'],
        allowedOperations: ['b2_download_file_by_name'],
        maxAgeSeconds: 60,
      },
    ];
    for (const extra of [{ lifecycleRules: lifecycle }, { corsRules: cors }]) {
      const created = await call(emu, t, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: 'rules-refused',
        bucketType: 'allPrivate',
        ...extra,
      });
      expect([created.status, created.body.code]).toEqual([400, 'bad_request']);
      expect(created.body.message).toContain('not implemented');
      const updated = await call(emu, t, 'b2_update_bucket', { accountId: emu.accountId, bucketId, ...extra });
      expect([updated.status, updated.body.code]).toEqual([400, 'bad_request']);
    }
    const empty = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId,
      lifecycleRules: [],
      corsRules: [],
    });
    expect([empty.lifecycleRules, empty.corsRules, empty.revision]).toEqual([[], [], 2]);
  });

  test('customUploadTimestamp on b2_start_large_file sets the upload time; the future is 400', async () => {
    const when = Date.now() - 86_400_000;
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'dated.bin',
      contentType: 'text/plain',
      customUploadTimestamp: when,
    });
    expect(s.uploadTimestamp).toBe(when);
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const parts = [Buffer.from('12345'), Buffer.from('6')];
    for (const [i, p] of parts.entries())
      await fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-Part-Number': String(i + 1),
          'X-Bz-Content-Sha1': sha1(p),
        },
        body: p,
      });
    expect(
      (await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: parts.map((p) => sha1(p)) }))
        .uploadTimestamp,
    ).toBe(when);
    const future = await call(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'later.bin',
      contentType: 'text/plain',
      customUploadTimestamp: Date.now() + 3_600_000,
    });
    expect([future.status, future.body.code]).toEqual([400, 'bad_request']);
  });
});
