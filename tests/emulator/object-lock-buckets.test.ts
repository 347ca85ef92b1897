/**
 * Object Lock on buckets and new files (docs/b2-api.md §10.1–§10.3, §10.6): fileLockEnabled at
 * creation and later, default retention, retention and legal hold sent with uploads, large files
 * and copies, bucket_missing_file_lock where B2 answers it, the capabilities that gate each
 * setting, and how files show them in JSON (v1–v4) and in download headers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, start, tokenFor, upload, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let plainBucket: string;
let lockedBucket: string;
const DAY = 86_400_000;
const future = (ms = DAY) => Date.now() + ms;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  plainBucket = await makeBucket(emu, t, 'lock-plain');
  lockedBucket = (
    await ok(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'lock-enabled',
      bucketType: 'allPrivate',
      fileLockEnabled: true,
    })
  ).bucketId;
});
afterAll(() => emu.close());

async function keyToken(capabilities: string[]): Promise<string> {
  const k = await ok(
    emu,
    t,
    'b2_create_key',
    { accountId: emu.accountId, keyName: `k${Math.random().toString(36).slice(2, 10)}`, capabilities },
    4,
  );
  return tokenFor(emu, k.applicationKeyId as string, k.applicationKey as string);
}
const lockOf = async (bucketId: string, version = 2) =>
  (await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketId }, version)).buckets[0]
    .fileLockConfiguration;
const retentionHeaders = (mode: string, until: number) => ({
  'X-Bz-File-Retention-Mode': mode,
  'X-Bz-File-Retention-Retain-Until-Timestamp': String(until),
});

describe('Object Lock on buckets', () => {
  test('fileLockEnabled at creation shows on every API version; false at creation is no lock', async () => {
    for (const version of [1, 2, 3, 4]) {
      expect(await lockOf(lockedBucket, version)).toEqual({
        isClientAuthorizedToRead: true,
        value: { defaultRetention: { mode: null, period: null }, isFileLockEnabled: true },
      });
    }
    const off = await ok(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'lock-off-create',
      bucketType: 'allPrivate',
      fileLockEnabled: false,
    });
    expect(off.fileLockConfiguration.value.isFileLockEnabled).toBe(false);
  });

  test('defaultRetention needs Object Lock (bucket_missing_file_lock); enabling later works; disabling is file_lock_conflict', async () => {
    const id = await makeBucket(emu, t, 'lock-later');
    const governance7 = { mode: 'governance', period: { duration: 7, unit: 'days' } };
    const early = await call(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      defaultRetention: governance7,
    });
    expect(early.body).toEqual({
      status: 400,
      code: 'bucket_missing_file_lock',
      message: 'The bucket is not file lock enabled',
    });
    expect(
      (await ok(emu, t, 'b2_update_bucket', { accountId: emu.accountId, bucketId: id, fileLockEnabled: false }))
        .fileLockConfiguration.value.isFileLockEnabled,
    ).toBe(false);
    const both = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      fileLockEnabled: true,
      defaultRetention: governance7,
    });
    expect(both.fileLockConfiguration.value).toEqual({ defaultRetention: governance7, isFileLockEnabled: true });
    const cleared = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      defaultRetention: { mode: null },
    });
    expect(cleared.fileLockConfiguration.value.defaultRetention).toEqual({ mode: null, period: null });
    const disable = await call(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      fileLockEnabled: false,
    });
    expect([disable.status, disable.body.code]).toEqual([400, 'file_lock_conflict']);
  });

  test('a default retention is 1 to 3000 days, in days or years', async () => {
    const bad = [
      { mode: 'governance', period: { duration: 0, unit: 'days' } },
      { mode: 'governance', period: { duration: 3001, unit: 'days' } },
      { mode: 'compliance', period: { duration: 9, unit: 'years' } },
      { mode: 'governance', period: { duration: 1, unit: 'weeks' } },
      { mode: 'forever', period: { duration: 1, unit: 'days' } },
      { mode: 'governance' },
    ];
    for (const defaultRetention of bad) {
      const r = await call(emu, t, 'b2_update_bucket', {
        accountId: emu.accountId,
        bucketId: lockedBucket,
        defaultRetention,
      });
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
    const years = { mode: 'compliance', period: { duration: 8, unit: 'years' } };
    const id = (
      await ok(emu, t, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: 'lock-years',
        bucketType: 'allPrivate',
        fileLockEnabled: true,
        defaultRetention: years,
      })
    ).bucketId;
    expect((await lockOf(id)).value.defaultRetention).toEqual(years);
  });

  test('writeBucketRetentions is needed to enable it or set a default; readBucketRetentions to see it', async () => {
    const kt = await keyToken(['listBuckets', 'writeBuckets']);
    const created = await call(emu, kt, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'lock-no-cap',
      bucketType: 'allPrivate',
      fileLockEnabled: true,
    });
    expect([created.status, created.body.code]).toEqual([401, 'unauthorized']);
    const updated = await call(emu, kt, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: lockedBucket,
      defaultRetention: { mode: null },
    });
    expect(updated.status).toBe(401);
    const listed = await ok(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketId: lockedBucket });
    expect(listed.buckets[0].fileLockConfiguration).toEqual({ isClientAuthorizedToRead: false, value: null });
  });
});

describe('Object Lock on new files', () => {
  test('retention or legal hold for a bucket without Object Lock is 400 bucket_missing_file_lock, on every write path', async () => {
    const src = await put(emu, t, plainBucket, 'src.txt', 'x');
    const refusals = [
      await upload(emu, t, plainBucket, 'a.txt', 'x', retentionHeaders('governance', future())),
      await upload(emu, t, plainBucket, 'b.txt', 'x', { 'X-Bz-File-Legal-Hold': 'on' }),
      await call(emu, t, 'b2_start_large_file', {
        bucketId: plainBucket,
        fileName: 'c.bin',
        contentType: 'text/plain',
        fileRetention: { mode: 'compliance', retainUntilTimestamp: future() },
      }),
      await call(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'd.txt', legalHold: 'on' }),
    ];
    for (const r of refusals) expect([r.status, r.body.code]).toEqual([400, 'bucket_missing_file_lock']);
    expect(
      (await ok(emu, t, 'b2_list_file_names', { bucketId: plainBucket })).files.map((f: Json) => f.fileName),
    ).toEqual(['src.txt']);
  });

  test('upload headers set retention and legal hold; JSON (v1–v4) and download headers show them', async () => {
    const until = future();
    const f = await put(emu, t, lockedBucket, 'held.txt', 'held', {
      ...retentionHeaders('governance', until),
      'X-Bz-File-Legal-Hold': 'on',
    });
    const retention = { isClientAuthorizedToRead: true, value: { mode: 'governance', retainUntilTimestamp: until } };
    expect([f.fileRetention, f.legalHold]).toEqual([retention, { isClientAuthorizedToRead: true, value: 'on' }]);
    for (const version of [1, 2, 3, 4]) {
      const listed = (
        await ok(emu, t, 'b2_list_file_versions', { bucketId: lockedBucket, prefix: 'held.txt' }, version)
      ).files[0];
      expect([listed.fileRetention, listed.legalHold.value]).toEqual([retention, 'on']);
    }
    const got = await fetch(`${emu.endpoint}/file/lock-enabled/held.txt`, { headers: { Authorization: t } });
    expect([
      got.headers.get('x-bz-file-retention-mode'),
      got.headers.get('x-bz-file-retention-retain-until-timestamp'),
      got.headers.get('x-bz-file-legal-hold'),
    ]).toEqual(['governance', String(until), 'on']);
    expect(got.headers.get('x-bz-client-unauthorized-to-read')).toBeNull();
  });

  test('a key without the read capabilities sees isClientAuthorizedToRead false and X-Bz-Client-Unauthorized-To-Read', async () => {
    await put(emu, t, lockedBucket, 'hidden-lock.txt', 'x', { 'X-Bz-File-Legal-Hold': 'on' });
    const kt = await keyToken(['listFiles', 'readFiles']);
    const f = (await ok(emu, kt, 'b2_list_file_names', { bucketId: lockedBucket, prefix: 'hidden-lock.txt' })).files[0];
    expect([f.fileRetention, f.legalHold]).toEqual([
      { isClientAuthorizedToRead: false, value: null },
      { isClientAuthorizedToRead: false, value: null },
    ]);
    const got = await fetch(`${emu.endpoint}/file/lock-enabled/hidden-lock.txt`, { headers: { Authorization: kt } });
    expect(got.headers.get('x-bz-file-legal-hold')).toBeNull();
    expect(got.headers.get('x-bz-client-unauthorized-to-read')).toBe(
      'X-Bz-File-Retention-Mode,X-Bz-File-Retention-Retain-Until-Timestamp,X-Bz-File-Legal-Hold',
    );
  });

  test('the bucket default covers files that bring none: uploads, large files, copies', async () => {
    const id = (
      await ok(emu, t, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: 'lock-default',
        bucketType: 'allPrivate',
        fileLockEnabled: true,
        defaultRetention: { mode: 'compliance', period: { duration: 2, unit: 'days' } },
      })
    ).bucketId;
    const before = Date.now();
    const up = await put(emu, t, id, 'auto.txt', 'x');
    const started = await ok(emu, t, 'b2_start_large_file', {
      bucketId: id,
      fileName: 'auto.bin',
      contentType: 'text/plain',
    });
    const copied = await ok(emu, t, 'b2_copy_file', { sourceFileId: up.fileId, fileName: 'auto-copy.txt' });
    for (const f of [up, started, copied]) {
      expect(f.fileRetention.value.mode).toBe('compliance');
      expect(f.fileRetention.value.retainUntilTimestamp).toBeGreaterThanOrEqual(before + 2 * DAY);
      expect(f.fileRetention.value.retainUntilTimestamp).toBeLessThanOrEqual(Date.now() + 2 * DAY);
    }
    const own = await put(emu, t, id, 'own.txt', 'x', retentionHeaders('governance', future(3 * DAY)));
    expect(own.fileRetention.value.mode).toBe('governance');
  });

  test('JSON settings on start_large_file and copy_file; malformed settings are 400', async () => {
    const until = future();
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId: lockedBucket,
      fileName: 'big.bin',
      contentType: 'text/plain',
      fileRetention: { mode: 'governance', retainUntilTimestamp: until },
      legalHold: 'off',
    });
    expect([s.fileRetention.value, s.legalHold.value]).toEqual([
      { mode: 'governance', retainUntilTimestamp: until },
      'off',
    ]);
    const src = await put(emu, t, lockedBucket, 'copy-src.txt', 'x');
    const c = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'copy-held.txt',
      legalHold: 'on',
    });
    expect(c.legalHold.value).toBe('on');
    const bad: Record<string, string>[] = [
      { 'X-Bz-File-Retention-Mode': 'governance' },
      retentionHeaders('governance', Date.now() - 1000),
      retentionHeaders('forever', future()),
      { 'X-Bz-File-Legal-Hold': 'maybe' },
    ];
    for (const headers of bad) expect((await upload(emu, t, lockedBucket, 'bad.txt', 'x', headers)).status).toBe(400);
  });

  test('writeFileRetentions and writeFileLegalHolds gate setting them on upload (401)', async () => {
    const kt = await keyToken(['writeFiles']);
    expect((await upload(emu, kt, lockedBucket, 'k1.txt', 'x', retentionHeaders('governance', future()))).status).toBe(
      401,
    );
    expect((await upload(emu, kt, lockedBucket, 'k2.txt', 'x', { 'X-Bz-File-Legal-Hold': 'on' })).status).toBe(401);
    expect((await upload(emu, kt, lockedBucket, 'k3.txt', 'x')).status).toBe(200);
  });
});
