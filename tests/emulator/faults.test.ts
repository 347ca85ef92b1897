/**
 * Fault injection: 503 on uploads/parts, 429 with Retry-After, expired tokens, dropped
 * connections, determinism per seed, the `only` filter, the HTTP control endpoints and the
 * X-Bz-Test-Mode header values.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, b2Fails, call, ok, put, reply, sha1, tokenFor, upload, useBucketEmulator } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

useBucketEmulator('faults-bucket', async (setup) => {
  ({ emu, token: t, bucketId } = setup);
  await put(emu, t, bucketId, 'stable.bin', Buffer.alloc(200_000, 7));
});
afterEach(() => emu.setFaults({}));

const control = (path: string, body: unknown, auth = `${emu.masterKeyId}:${emu.masterKey}`) =>
  fetch(`${emu.endpoint}/_emulator/${path}`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` },
    body: JSON.stringify(body),
  });

describe('fault injection', () => {
  test('uploadFailureRate 1 → uploads answer 503 service_unavailable with Retry-After', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    emu.setFaults({ uploadFailureRate: 1, retryAfterSeconds: 3 });
    const r = await reply(
      await fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-File-Name': 'f.txt',
          'Content-Type': 'text/plain',
          'X-Bz-Content-Sha1': sha1('f'),
        },
        body: Buffer.from('f'),
      }),
    );
    expect([r.status, r.body.code, r.headers.get('retry-after')]).toEqual([503, 'service_unavailable', '3']);
    // Non-upload calls are unaffected.
    expect((await call(emu, t, 'b2_list_file_names', { bucketId })).status).toBe(200);
  });

  test('only: limits faults to the named endpoints (parts fail, whole files pass)', async () => {
    emu.setFaults({ uploadFailureRate: 1, only: ['b2_upload_part'] });
    expect((await upload(emu, t, bucketId, 'whole.txt', 'w')).status).toBe(200);
    const s = await ok(emu, t, 'b2_start_large_file', { bucketId, fileName: 'parts.bin', contentType: 'text/plain' });
    const pu = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const r = await fetch(pu.uploadUrl, {
      method: 'POST',
      headers: { Authorization: pu.authorizationToken, 'X-Bz-Part-Number': '1', 'X-Bz-Content-Sha1': sha1('p') },
      body: Buffer.from('p'),
    });
    expect(r.status).toBe(503);
  });

  test('tooManyRequestsRate 1 → 429 too_many_requests with Retry-After on any call', async () => {
    emu.setFaults({ tooManyRequestsRate: 1, retryAfterSeconds: 7 });
    const r = await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId });
    expect([r.status, r.body.code, r.headers.get('retry-after')]).toEqual([429, 'too_many_requests', '7']);
    const b2 = await b2Fails(async () => (await b2Client(emu)).listBuckets());
    expect(b2.status).toBe(429);
  });

  test('expireTokenRate 1 → 401 expired_auth_token, and that token stays expired', async () => {
    const mine = await tokenFor(emu);
    emu.setFaults({ expireTokenRate: 1, only: ['b2_list_buckets'] });
    const r = await call(emu, mine, 'b2_list_buckets', { accountId: emu.accountId });
    expect([r.status, r.body.code]).toEqual([401, 'expired_auth_token']);
    emu.setFaults({});
    expect((await call(emu, mine, 'b2_list_file_names', { bucketId })).body.code).toBe('expired_auth_token');
  });

  test('expireTokenRate on downloads expires the account token used to download', async () => {
    const mine = await tokenFor(emu);
    emu.setFaults({ expireTokenRate: 1, only: ['b2_download_file_by_name'] });
    const r = await reply(
      await fetch(`${emu.endpoint}/file/faults-bucket/stable.bin`, { headers: { Authorization: mine } }),
    );
    expect([r.status, r.body.code]).toEqual([401, 'expired_auth_token']);
    emu.setFaults({});
    expect((await call(emu, mine, 'b2_list_buckets', { accountId: emu.accountId })).body.code).toBe(
      'expired_auth_token',
    );
  });

  test('dropConnectionRate 1 → a download is cut mid-body', async () => {
    emu.setFaults({ dropConnectionRate: 1, only: ['b2_download_file_by_name'] });
    const res = await fetch(`${emu.endpoint}/file/faults-bucket/stable.bin`, { headers: { Authorization: t } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('200000');
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  test('dropConnectionRate 1 → an upload loses its connection and nothing is stored', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    emu.setFaults({ dropConnectionRate: 1 });
    const data = Buffer.alloc(300_000, 1);
    await expect(
      fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-File-Name': 'dropped.bin',
          'Content-Type': 'text/plain',
          'X-Bz-Content-Sha1': sha1(data),
        },
        body: data,
      }),
    ).rejects.toThrow();
    emu.setFaults({});
    const names = await ok(emu, t, 'b2_list_file_names', { bucketId, prefix: 'dropped' });
    expect(names.files).toEqual([]);
  });

  test('the same seed gives the same fault sequence; another seed a different one', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      emu.setFaults({ seed, tooManyRequestsRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await call(emu, t, 'b2_list_file_names', { bucketId })).status);
      return out;
    };
    const a = await pattern(42);
    expect(await pattern(42)).toEqual(a);
    expect(a).toContain(429);
    expect(a).toContain(200);
    expect(await pattern(43)).not.toEqual(a);
  });

  test('uploadBytesPerSecond: an upload body arrives no faster than that, intact; `only` and other calls are not slowed', async () => {
    const set = await reply(await control('faults', { uploadBytesPerSecond: 1_000_000 }));
    expect(set.body.faults).toMatchObject({ uploadBytesPerSecond: 1_000_000 });
    const data = Buffer.alloc(400_000, 3);
    const started = performance.now();
    const r = await upload(emu, t, bucketId, 'slow.bin', data);
    // The server reads each chunk no sooner than its share of the second: a lower bound, never flaky.
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect([r.status, r.body.contentLength, r.body.contentSha1]).toEqual([200, data.length, sha1(data)]);
    emu.setFaults({ uploadBytesPerSecond: 1, only: ['b2_upload_part'] });
    expect((await upload(emu, t, bucketId, 'fast.bin', data)).status).toBe(200);
  });

  test('HTTP control endpoints: POST /_emulator/faults and /_emulator/expire-tokens need the master key', async () => {
    const denied = await reply(await control('faults', { tooManyRequestsRate: 1 }, `${emu.masterKeyId}:wrong`));
    expect([denied.status, denied.body.code]).toEqual([401, 'unauthorized']);
    const set = await reply(await control('faults', { tooManyRequestsRate: 1, retryAfterSeconds: 2 }));
    expect(set.body.faults).toMatchObject({ tooManyRequestsRate: 1, retryAfterSeconds: 2 });
    expect((await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId })).status).toBe(429);
    await control('faults', {});
    expect((await call(emu, t, 'b2_list_buckets', { accountId: emu.accountId })).status).toBe(200);
    const bad = await reply(await control('faults', { uploadFailureRate: 'lots' }));
    expect(bad.status).toBe(400);
    const mine = await tokenFor(emu);
    expect((await control('expire-tokens', {})).status).toBe(200);
    expect((await call(emu, mine, 'b2_list_buckets', { accountId: emu.accountId })).body.code).toBe(
      'expired_auth_token',
    );
    t = await tokenFor(emu);
  });

  test('POST /_emulator/reserve-memory: the master key only, a whole number of bytes, and uploads after it store the exact bytes', async () => {
    const denied = await reply(await control('reserve-memory', { bytes: 1 }, `${emu.masterKeyId}:wrong`));
    expect(denied.status).toBe(401);
    for (const bytes of [-1, 1.5, 'lots', 65 * 2 ** 30]) {
      const bad = await reply(await control('reserve-memory', { bytes }));
      expect([bad.status, bad.body.code]).toEqual([400, 'bad_request']);
    }
    const ok2 = await reply(await control('reserve-memory', { bytes: 3 * 1024 * 1024 }));
    expect([ok2.status, ok2.body]).toEqual([200, { reserved: 3 * 1024 * 1024 }]);
    // The reserved slabs hold bytes of their own (they are touched): what is stored must be the upload's.
    const data = Buffer.alloc(2 * 1024 * 1024 + 5, 7);
    const up = await upload(emu, t, bucketId, 'reserved.bin', data);
    expect(up.status).toBe(200);
    const down = await fetch(`${emu.endpoint}/file/faults-bucket/reserved.bin`, { headers: { Authorization: t } });
    expect(Buffer.from(await down.arrayBuffer()).equals(data)).toBe(true);
  });
});

describe('X-Bz-Test-Mode', () => {
  const withMode = (mode: string, name: string, body: unknown, token = t) =>
    fetch(`${emu.endpoint}/b2api/v1/${name}`, {
      method: 'POST',
      headers: { Authorization: token, 'X-Bz-Test-Mode': mode },
      body: JSON.stringify(body),
    });

  test('force_cap_exceeded → 403 with the cap code of the call', async () => {
    const api = await reply(await withMode('force_cap_exceeded', 'b2_list_buckets', { accountId: emu.accountId }));
    expect([api.status, api.body.code]).toEqual([403, 'transaction_cap_exceeded']);
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const up = await reply(
      await fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-Test-Mode': 'force_cap_exceeded',
          'X-Bz-File-Name': 'c',
          'Content-Type': 'text/plain',
          'X-Bz-Content-Sha1': sha1('c'),
        },
        body: Buffer.from('c'),
      }),
    );
    expect([up.status, up.body.code]).toEqual([403, 'storage_cap_exceeded']);
    const dl = await reply(
      await fetch(`${emu.endpoint}/file/faults-bucket/stable.bin`, {
        headers: { Authorization: t, 'X-Bz-Test-Mode': 'force_cap_exceeded' },
      }),
    );
    expect([dl.status, dl.body.code]).toEqual([403, 'download_cap_exceeded']);
  });

  test('fail_some_uploads → some uploads 503, others succeed', async () => {
    const statuses = new Set<number>();
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    for (let i = 0; i < 40; i++) {
      const r = await fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-Test-Mode': 'fail_some_uploads',
          'X-Bz-File-Name': `t${i}`,
          'Content-Type': 'text/plain',
          'X-Bz-Content-Sha1': sha1('t'),
        },
        body: Buffer.from('t'),
      });
      await r.arrayBuffer();
      statuses.add(r.status);
    }
    expect([...statuses].sort()).toEqual([200, 503]);
  });

  test('expire_some_account_authorization_tokens → some calls get expired_auth_token', async () => {
    const codes = new Set<string>();
    let token = await tokenFor(emu);
    for (let i = 0; i < 80; i++) {
      const r = await reply(
        await withMode('expire_some_account_authorization_tokens', 'b2_list_file_names', { bucketId }, token),
      );
      codes.add(r.status === 200 ? 'ok' : (r.body.code as string));
      if (r.status === 401) token = await tokenFor(emu);
    }
    expect([...codes].sort()).toEqual(['expired_auth_token', 'ok']);
  });

  test('several modes separated by commas (as rclone --b2-test-mode passes them) all apply', async () => {
    const r = await reply(
      await withMode('fail_some_uploads, force_cap_exceeded', 'b2_list_buckets', { accountId: emu.accountId }),
    );
    expect([r.status, r.body.code]).toEqual([403, 'transaction_cap_exceeded']);
  });
});
