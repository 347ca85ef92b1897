/**
 * Buckets: create, list (filters, bucketTypes), update (revision, ifRevisionIs), delete
 * (non-empty refusal), name rules and limits — through backblaze-b2 and fetch.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, b2Fails, call, makeBucket, ok, put, start, tokenFor } from './helpers.js';

let emu: RunningEmulator;
let t: string;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
});
afterAll(() => emu.close());

describe('buckets', () => {
  test('create returns the full bucket object; list finds it sorted by name', async () => {
    const b2 = await b2Client(emu);
    const created = await b2.createBucket({ bucketName: 'zeta-bucket', bucketType: 'allPrivate' });
    expect(created.data).toMatchObject({
      accountId: emu.accountId,
      bucketName: 'zeta-bucket',
      bucketType: 'allPrivate',
      bucketInfo: {},
      corsRules: [],
      lifecycleRules: [],
      options: ['s3'],
      revision: 1,
      defaultServerSideEncryption: { isClientAuthorizedToRead: true, value: { algorithm: null, mode: null } },
      fileLockConfiguration: { isClientAuthorizedToRead: true, value: { isFileLockEnabled: false } },
    });
    expect(created.data.bucketId).toMatch(/^[0-9a-f]{24}$/);
    await makeBucket(emu, t, 'alpha-bucket', 'allPublic');
    const names = (await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId })).buckets.map(
      (b: { bucketName: string }) => b.bucketName,
    );
    expect(names.indexOf('alpha-bucket')).toBeLessThan(names.indexOf('zeta-bucket'));
  });

  test('list filters by bucketId, bucketName and bucketTypes; GET with query parameters works', async () => {
    const id = await makeBucket(emu, t, 'filter-me');
    const byId = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketId: id });
    expect(byId.buckets.map((b: { bucketName: string }) => b.bucketName)).toEqual(['filter-me']);
    const byName = await ok(emu, t, 'b2_list_buckets', {
      accountId: emu.accountId,
      bucketName: 'filter-me',
      bucketId: null,
    });
    expect(byName.buckets).toHaveLength(1);
    const publicOnly = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketTypes: ['allPublic'] });
    expect(publicOnly.buckets.every((b: { bucketType: string }) => b.bucketType === 'allPublic')).toBe(true);
    const all = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketTypes: ['all'] });
    expect(all.buckets.length).toBeGreaterThan(publicOnly.buckets.length);
    const q = new URLSearchParams({ accountId: emu.accountId, bucketName: 'filter-me' });
    const r = await fetch(`${emu.endpoint}/b2api/v3/b2_list_buckets?${q.toString()}`, {
      headers: { Authorization: t },
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { buckets: unknown[] }).buckets).toHaveLength(1);
  });

  test('duplicate names (case-insensitive) → 400 duplicate_bucket_name', async () => {
    await makeBucket(emu, t, 'dupe-bucket');
    const r = await call(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'DUPE-bucket',
      bucketType: 'allPrivate',
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: 400, code: 'duplicate_bucket_name', message: 'Bucket name is already in use.' });
  });

  test('invalid names and types → 400 bad_request', async () => {
    for (const bucketName of ['short', 'has_underscore', 'b2-reserved', 'x'.repeat(64)]) {
      const r = await call(emu, t, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName,
        bucketType: 'allPrivate',
      });
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
    const r = await call(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'good-name-x',
      bucketType: 'snapshot',
    });
    expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    const missing = await call(emu, t, 'b2_create_bucket', { accountId: emu.accountId, bucketType: 'allPrivate' });
    expect(missing.body.code).toBe('bad_request');
  });

  test('a foreign accountId → 401 unauthorized', async () => {
    const r = await call(emu, t, 'b2_list_buckets', { accountId: '000000000000' });
    expect([r.status, r.body.code]).toEqual([401, 'unauthorized']);
  });

  test('update bumps revision; ifRevisionIs mismatch → 409 conflict', async () => {
    const id = await makeBucket(emu, t, 'update-me');
    const u1 = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      bucketType: 'allPublic',
      bucketInfo: { 'Cache-Control': 'max-age=60' },
      ifRevisionIs: 1,
    });
    expect(u1).toMatchObject({ bucketType: 'allPublic', revision: 2, bucketInfo: { 'Cache-Control': 'max-age=60' } });
    const stale = await call(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: id,
      bucketType: 'allPrivate',
      ifRevisionIs: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    const b2 = await b2Client(emu);
    const u2 = await b2.updateBucket({ bucketId: id, bucketType: 'allPrivate' });
    expect(u2.data.revision).toBe(3);
  });

  test('delete: unknown → 400 bad_bucket_id; non-empty (versions or unfinished large files) → 400', async () => {
    const unknown = await call(emu, t, 'b2_delete_bucket', {
      accountId: emu.accountId,
      bucketId: 'ffffffffffffffffffffffff',
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'bad_bucket_id']);
    const id = await makeBucket(emu, t, 'delete-me');
    const f = await put(emu, t, id, 'a.txt', 'a');
    const full = await call(emu, t, 'b2_delete_bucket', { accountId: emu.accountId, bucketId: id });
    expect([full.status, full.body.code]).toEqual([400, 'cannot_delete_non_empty_bucket']);
    await ok(emu, t, 'b2_delete_file_version', { fileName: 'a.txt', fileId: f.fileId });
    const large = await ok(emu, t, 'b2_start_large_file', { bucketId: id, fileName: 'big', contentType: 'b2/x-auto' });
    const withLarge = await call(emu, t, 'b2_delete_bucket', { accountId: emu.accountId, bucketId: id });
    expect(withLarge.body.code).toBe('cannot_delete_non_empty_bucket');
    await ok(emu, t, 'b2_cancel_large_file', { fileId: large.fileId });
    const b2 = await b2Client(emu);
    const deleted = await b2.deleteBucket({ bucketId: id });
    expect(deleted.data.bucketName).toBe('delete-me');
    const after = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketId: id });
    expect(after.buckets).toEqual([]);
  });

  test('a hide marker alone keeps a bucket non-empty', async () => {
    const id = await makeBucket(emu, t, 'hidden-only');
    const f = await put(emu, t, id, 'h.txt', 'h');
    await ok(emu, t, 'b2_hide_file', { bucketId: id, fileName: 'h.txt' });
    await ok(emu, t, 'b2_delete_file_version', { fileName: 'h.txt', fileId: f.fileId });
    const r = await call(emu, t, 'b2_delete_bucket', { accountId: emu.accountId, bucketId: id });
    expect(r.body.code).toBe('cannot_delete_non_empty_bucket');
  });

  test('at most 100 buckets → 400 too_many_buckets', async () => {
    const other = await start();
    try {
      const ot = await tokenFor(other);
      for (let i = 0; i < 100; i++) await makeBucket(other, ot, `many-${String(i).padStart(3, '0')}`);
      const r = await call(other, ot, 'b2_create_bucket', {
        accountId: other.accountId,
        bucketName: 'one-too-many',
        bucketType: 'allPrivate',
      });
      expect([r.status, r.body.code]).toEqual([400, 'too_many_buckets']);
    } finally {
      await other.close();
    }
  });

  test('backblaze-b2 surfaces B2 errors as {status, code, message}', async () => {
    const b2 = await b2Client(emu);
    const e = await b2Fails(() => b2.createBucket({ bucketName: 'zeta-bucket', bucketType: 'allPrivate' }));
    expect(e.status).toBe(400);
    expect(Object.keys(e.body).sort()).toEqual(['code', 'message', 'status']);
  });
});
