/**
 * Object Lock on stored files (docs/b2-api.md §10.4, §10.5): which versions b2_delete_file_version
 * refuses (legal hold, compliance until expiry, governance without bypassGovernance), hiding
 * locked files, b2_update_file_retention (extend freely, shorten or remove governance only with a
 * bypass, compliance never) and b2_update_file_legal_hold, with their capabilities.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { until } from '../support/poll.js';
import { call, makeBucket, ok, put, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;
const DAY = 86_400_000;
const future = (ms = DAY) => Date.now() + ms;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  bucketId = (
    await ok(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'locked-files',
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
const retained = (name: string, mode: string, until: number) =>
  put(emu, t, bucketId, name, name, {
    'X-Bz-File-Retention-Mode': mode,
    'X-Bz-File-Retention-Retain-Until-Timestamp': String(until),
  });
const remove = (f: Json, extra: Json = {}, token = t) =>
  call(emu, token, 'b2_delete_file_version', { fileId: f.fileId, fileName: f.fileName, ...extra });
const setRetention = (f: Json, fileRetention: Json, extra: Json = {}, token = t) =>
  call(emu, token, 'b2_update_file_retention', { fileId: f.fileId, fileName: f.fileName, fileRetention, ...extra });
const status = (r: { status: number; body: Json }) => [r.status, r.body.code];

describe('deleting locked versions', () => {
  test('governance: 401 without bypassGovernance, 401 for a key without the capability, deleted with both', async () => {
    const f = await retained('gov.txt', 'governance', future());
    expect(status(await remove(f))).toEqual([401, 'unauthorized']);
    const noBypass = await keyToken(['deleteFiles']);
    expect(status(await remove(f, { bypassGovernance: true }, noBypass))).toEqual([401, 'unauthorized']);
    expect(
      await ok(emu, t, 'b2_delete_file_version', { fileId: f.fileId, fileName: f.fileName, bypassGovernance: true }),
    ).toEqual({ fileId: f.fileId, fileName: 'gov.txt' });
  });

  test('compliance: refused even with bypassGovernance, until the date passes', async () => {
    const soon = Date.now() + 400;
    const f = await retained('comp.txt', 'compliance', soon);
    expect(status(await remove(f, { bypassGovernance: true }))).toEqual([401, 'unauthorized']);
    expect((await remove(f)).body.message).toContain('(compliance)');
    await until(() => Date.now() > soon, 'the retention date to pass');
    expect((await remove(f)).status).toBe(200);
  });

  test('legal hold on blocks deletion even without retention; off releases it', async () => {
    const f = await put(emu, t, bucketId, 'hold.txt', 'x', { 'X-Bz-File-Legal-Hold': 'on' });
    expect(status(await remove(f, { bypassGovernance: true }))).toEqual([401, 'unauthorized']);
    expect(
      await ok(emu, t, 'b2_update_file_legal_hold', { fileId: f.fileId, fileName: f.fileName, legalHold: 'off' }),
    ).toEqual({ fileId: f.fileId, fileName: 'hold.txt', legalHold: 'off' });
    expect((await remove(f)).status).toBe(200);
  });

  test('hiding a locked file is allowed and deletes nothing; the hide marker can be deleted', async () => {
    const f = await retained('hide-me.txt', 'compliance', future());
    const marker = await ok(emu, t, 'b2_hide_file', { bucketId, fileName: 'hide-me.txt' });
    expect(marker.action).toBe('hide');
    expect(
      (await ok(emu, t, 'b2_list_file_versions', { bucketId, prefix: 'hide-me.txt' })).files.map((x: Json) => x.fileId),
    ).toEqual([marker.fileId, f.fileId]);
    expect((await remove(marker)).status).toBe(200);
  });

  test('an unfinished large file carries no lock yet: it can be cancelled', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'pending.bin',
      contentType: 'text/plain',
      fileRetention: { mode: 'compliance', retainUntilTimestamp: future() },
    });
    expect((await remove(s)).status).toBe(200);
  });
});

describe('b2_update_file_retention', () => {
  test('governance: extend freely, shorten or remove only with bypassGovernance (403 access_denied without)', async () => {
    const t1 = future();
    const f = await retained('upd-gov.txt', 'governance', t1);
    const longer = await ok(emu, t, 'b2_update_file_retention', {
      fileId: f.fileId,
      fileName: f.fileName,
      fileRetention: { mode: 'governance', retainUntilTimestamp: t1 + DAY },
    });
    expect(longer).toEqual({
      fileId: f.fileId,
      fileName: 'upd-gov.txt',
      fileRetention: { mode: 'governance', retainUntilTimestamp: t1 + DAY },
    });
    expect(status(await setRetention(f, { mode: 'governance', retainUntilTimestamp: t1 }))).toEqual([
      403,
      'access_denied',
    ]);
    expect(status(await setRetention(f, { mode: null, retainUntilTimestamp: null }))).toEqual([403, 'access_denied']);
    const removed = await setRetention(f, { mode: null, retainUntilTimestamp: null }, { bypassGovernance: true });
    expect(removed.body.fileRetention).toEqual({ mode: null, retainUntilTimestamp: null });
    expect((await ok(emu, t, 'b2_get_file_info', { fileId: f.fileId })).fileRetention.value).toEqual({
      mode: null,
      retainUntilTimestamp: null,
    });
    expect((await remove(f)).status).toBe(200);
  });

  test('governance may become compliance; compliance only extends (403 even with bypass)', async () => {
    const t1 = future();
    const f = await retained('upd-comp.txt', 'governance', t1);
    expect((await setRetention(f, { mode: 'compliance', retainUntilTimestamp: t1 })).status).toBe(200);
    expect(
      status(await setRetention(f, { mode: 'governance', retainUntilTimestamp: t1 + DAY }, { bypassGovernance: true })),
    ).toEqual([403, 'access_denied']);
    expect(
      status(
        await setRetention(f, { mode: 'compliance', retainUntilTimestamp: t1 - 1000 }, { bypassGovernance: true }),
      ),
    ).toEqual([403, 'access_denied']);
    expect((await setRetention(f, { mode: 'compliance', retainUntilTimestamp: t1 + DAY })).status).toBe(200);
    const listed = (await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: 'upd-comp.txt' })).files[0];
    expect(listed.fileRetention.value).toEqual({ mode: 'compliance', retainUntilTimestamp: t1 + DAY });
  });

  test('a file without retention gets one; bad values are 400; a past date is 400', async () => {
    const f = await put(emu, t, bucketId, 'none-yet.txt', 'x');
    expect((await setRetention(f, { mode: 'governance', retainUntilTimestamp: future() })).status).toBe(200);
    for (const bad of [
      { mode: 'forever', retainUntilTimestamp: future() },
      { mode: 'governance', retainUntilTimestamp: Date.now() - 1 },
      { mode: null, retainUntilTimestamp: future() },
    ]) {
      expect(status(await setRetention(f, bad))).toEqual([400, 'bad_request']);
    }
    expect(status(await call(emu, t, 'b2_update_file_retention', { fileId: f.fileId, fileName: f.fileName }))).toEqual([
      400,
      'bad_request',
    ]);
  });

  test('capabilities: writeFileRetentions, writeFileLegalHolds; bypassGovernance for the bypass', async () => {
    const f = await retained('caps.txt', 'governance', future());
    const holdsOnly = await keyToken(['writeFileLegalHolds']);
    expect(
      status(await setRetention(f, { mode: 'governance', retainUntilTimestamp: future(2 * DAY) }, {}, holdsOnly)),
    ).toEqual([401, 'unauthorized']);
    const retentionsOnly = await keyToken(['writeFileRetentions']);
    expect(
      status(
        await call(emu, retentionsOnly, 'b2_update_file_legal_hold', {
          fileId: f.fileId,
          fileName: f.fileName,
          legalHold: 'on',
        }),
      ),
    ).toEqual([401, 'unauthorized']);
    expect(
      status(
        await setRetention(f, { mode: null, retainUntilTimestamp: null }, { bypassGovernance: true }, retentionsOnly),
      ),
    ).toEqual([401, 'unauthorized']);
    expect(
      (await setRetention(f, { mode: 'governance', retainUntilTimestamp: future(2 * DAY) }, {}, retentionsOnly)).status,
    ).toBe(200);
  });
});

describe('outside Object Lock', () => {
  test('both updates answer 400 bucket_missing_file_lock in a bucket without it; unknown files are 400', async () => {
    const plain = await makeBucket(emu, t, 'unlocked-files');
    const f = await put(emu, t, plain, 'p.txt', 'x');
    const r1 = await setRetention(f, { mode: 'governance', retainUntilTimestamp: future() });
    expect(r1.body).toEqual({
      status: 400,
      code: 'bucket_missing_file_lock',
      message: 'The bucket is not file lock enabled',
    });
    expect(
      status(
        await call(emu, t, 'b2_update_file_legal_hold', { fileId: f.fileId, fileName: f.fileName, legalHold: 'on' }),
      ),
    ).toEqual([400, 'bucket_missing_file_lock']);
    expect(
      status(
        await call(emu, t, 'b2_update_file_legal_hold', { fileId: f.fileId, fileName: 'other.txt', legalHold: 'on' }),
      ),
    ).toEqual([400, 'file_not_present']);
    const g = await put(emu, t, bucketId, 'legal.txt', 'x');
    expect(
      status(
        await call(emu, t, 'b2_update_file_legal_hold', { fileId: g.fileId, fileName: g.fileName, legalHold: 'maybe' }),
      ),
    ).toEqual([400, 'bad_request']);
  });
});
