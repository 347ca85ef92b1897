/**
 * Downloads by name and id: GET/HEAD/POST, Range/206/416, x-bz-* headers, b2-* info as real
 * headers, bucket Cache-Control, overrides, public vs private, download authorization tokens.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenRegistry, type RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, makeBucket, ok, put, reply, sha1, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let privId: string;
let file: Json;
const body = Buffer.from('0123456789');

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  privId = await makeBucket(emu, t, 'private-dl');
  const pubId = await makeBucket(emu, t, 'public-dl', 'allPublic');
  await ok(emu, t, 'b2_update_bucket', {
    accountId: emu.accountId,
    bucketId: pubId,
    bucketInfo: { 'cache-control': 'max-age=99' },
  });
  file = await put(emu, t, privId, 'docs/ten digits.txt', body, {
    'X-Bz-Info-src_last_modified_millis': '1234',
    'X-Bz-Info-note': 'caf%C3%A9',
    'X-Bz-Info-b2-content-disposition': 'attachment; filename="ten.txt"',
    'X-Bz-Info-b2-cache-control': 'no-cache',
    'X-Bz-Info-b2-content-language': 'en',
  });
  await put(emu, t, pubId, 'open.txt', 'public bytes');
  await put(emu, t, privId, 'other/secret.txt', 'secret');
});
afterAll(() => emu.close());

const byName = (name: string, init: RequestInit = {}, bucket = 'private-dl') =>
  fetch(`${emu.endpoint}/file/${bucket}/${name}`, init);
const byId = (fileId: string, init: RequestInit = {}) =>
  fetch(`${emu.endpoint}/b2api/v2/b2_download_file_by_id?fileId=${encodeURIComponent(fileId)}`, init);

describe('downloads', () => {
  test('by name: bytes and every x-bz-* header; b2-* info become real headers', async () => {
    const r = await byName('docs/ten%20digits.txt', { headers: { Authorization: t } });
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer())).toEqual(body);
    const h = r.headers;
    expect(h.get('content-length')).toBe('10');
    expect(h.get('content-type')).toBe('text/plain');
    expect(h.get('x-bz-file-id')).toBe(file.fileId);
    expect(h.get('x-bz-file-name')).toBe('docs/ten%20digits.txt');
    expect(h.get('x-bz-content-sha1')).toBe(sha1(body));
    expect(h.get('x-bz-upload-timestamp')).toBe(String(file.uploadTimestamp));
    expect(h.get('x-bz-info-src_last_modified_millis')).toBe('1234');
    expect(h.get('x-bz-info-note')).toBe('caf%C3%A9');
    expect(h.get('accept-ranges')).toBe('bytes');
    expect(h.get('content-disposition')).toBe('attachment; filename="ten.txt"');
    expect(h.get('cache-control')).toBe('no-cache');
    expect(h.get('content-language')).toBe('en');
    expect(h.get('x-bz-info-b2-cache-control')).toBeNull();
  });

  test('by id: GET, HEAD (headers and Content-Length, no body) and POST with JSON', async () => {
    const get = await byId(file.fileId, { headers: { Authorization: t } });
    expect(Buffer.from(await get.arrayBuffer())).toEqual(body);
    const head = await byId(file.fileId, { method: 'HEAD', headers: { Authorization: t } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('x-bz-file-name')).toBe('docs/ten%20digits.txt');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const post = await fetch(`${emu.endpoint}/b2api/v1/b2_download_file_by_id`, {
      method: 'POST',
      headers: { Authorization: t, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileId: file.fileId }),
    });
    expect(Buffer.from(await post.arrayBuffer())).toEqual(body);
  });

  test('HEAD by name works and errors on HEAD have no body', async () => {
    const head = await byName('docs/ten%20digits.txt', { method: 'HEAD', headers: { Authorization: t } });
    expect(head.headers.get('content-length')).toBe('10');
    const missing = await byName('nope', { method: 'HEAD', headers: { Authorization: t } });
    expect(missing.status).toBe(404);
    expect((await missing.arrayBuffer()).byteLength).toBe(0);
  });

  test('Range: a-b, a-, -n → 206 with Content-Range; end clamped; whole-file SHA1 kept', async () => {
    const cases: [string, string, string][] = [
      ['bytes=5-8', '5678', 'bytes 5-8/10'],
      ['bytes=7-', '789', 'bytes 7-9/10'],
      ['bytes=-3', '789', 'bytes 7-9/10'],
      ['bytes=8-100', '89', 'bytes 8-9/10'],
    ];
    for (const [range, text, cr] of cases) {
      const r = await byName('docs/ten%20digits.txt', { headers: { Authorization: t, Range: range } });
      expect([range, r.status, await r.text(), r.headers.get('content-range')]).toEqual([range, 206, text, cr]);
      expect(r.headers.get('x-bz-content-sha1')).toBe(sha1(body));
    }
  });

  test('a range starting past the end → 416 range_not_satisfiable with Content-Range */size; malformed → 200', async () => {
    const r = await reply(await byName('docs/ten%20digits.txt', { headers: { Authorization: t, Range: 'bytes=10-' } }));
    expect([r.status, r.body.code]).toEqual([416, 'range_not_satisfiable']);
    expect(r.headers.get('content-range')).toBe('bytes */10');
    const bad = await byName('docs/ten%20digits.txt', { headers: { Authorization: t, Range: 'items=1-2' } });
    expect(bad.status).toBe(200);
    expect(await bad.text()).toBe('0123456789');
  });

  test('missing, hidden and folder names → 404 not_found; unknown id → 404; malformed id → 400', async () => {
    for (const name of ['nope.txt', 'docs/', 'docs']) {
      const r = await reply(await byName(name, { headers: { Authorization: t } }));
      expect([name, r.status, r.body.code]).toEqual([name, 404, 'not_found']);
    }
    const f = await put(emu, t, privId, 'hide-me.txt', 'x');
    await ok(emu, t, 'b2_hide_file', { bucketId: privId, fileName: 'hide-me.txt' });
    expect((await byName('hide-me.txt', { headers: { Authorization: t } })).status).toBe(404);
    expect((await byId(f.fileId, { headers: { Authorization: t } })).status).toBe(200);
    expect((await byId(`${f.fileId}0`, { headers: { Authorization: t } })).status).toBe(404);
    expect((await byId('garbage', { headers: { Authorization: t } })).status).toBe(400);
    expect((await byName('x', { headers: { Authorization: t } }, 'no-such-bucket')).status).toBe(404);
  });

  test('private buckets need authorization (401); public buckets need none and use bucket Cache-Control', async () => {
    const anon = await reply(await byName('docs/ten%20digits.txt'));
    expect(anon.status).toBe(401);
    const garbage = await reply(await byName('docs/ten%20digits.txt', { headers: { Authorization: 'garbage' } }));
    expect([garbage.status, garbage.body.code]).toEqual([401, 'bad_auth_token']);
    const pub = await byName('open.txt', {}, 'public-dl');
    expect(pub.status).toBe(200);
    expect(await pub.text()).toBe('public bytes');
    expect(pub.headers.get('cache-control')).toBe('max-age=99');
  });

  test('query overrides set Content-Type, Content-Disposition, Cache-Control…', async () => {
    const q = new URLSearchParams({
      b2ContentType: 'application/x-test',
      b2ContentDisposition: 'inline',
      b2CacheControl: 'max-age=1',
      b2Expires: 'Thu, 01 Jan 2037 00:00:00 GMT',
      b2ContentLanguage: 'de',
      b2ContentEncoding: 'identity',
    });
    const r = await byName(`docs/ten%20digits.txt?${q.toString()}`, { headers: { Authorization: t } });
    expect(r.headers.get('content-type')).toBe('application/x-test');
    expect(r.headers.get('content-disposition')).toBe('inline');
    expect(r.headers.get('cache-control')).toBe('max-age=1');
    expect(r.headers.get('expires')).toBe('Thu, 01 Jan 2037 00:00:00 GMT');
    expect(r.headers.get('content-language')).toBe('de');
  });

  test('download authorization: header or ?Authorization=, only its bucket and prefix, by name only', async () => {
    const d = await ok(emu, t, 'b2_get_download_authorization', {
      bucketId: privId,
      fileNamePrefix: 'docs/',
      validDurationInSeconds: 60,
    });
    expect(d).toEqual({ authorizationToken: d.authorizationToken, bucketId: privId, fileNamePrefix: 'docs/' });
    expect(
      (await byName(`docs/ten%20digits.txt?Authorization=${encodeURIComponent(d.authorizationToken)}`)).status,
    ).toBe(200);
    expect((await byName('docs/ten%20digits.txt', { headers: { Authorization: d.authorizationToken } })).status).toBe(
      200,
    );
    const outside = await reply(
      await byName(`other/secret.txt?Authorization=${encodeURIComponent(d.authorizationToken)}`),
    );
    expect([outside.status, outside.body.code]).toEqual([401, 'unauthorized']);
    const viaId = await reply(await byId(file.fileId, { headers: { Authorization: d.authorizationToken } }));
    expect(viaId.status).toBe(401);
  });

  test('download authorization with b2ContentDisposition requires the same query value', async () => {
    const d = await ok(emu, t, 'b2_get_download_authorization', {
      bucketId: privId,
      fileNamePrefix: 'docs/',
      validDurationInSeconds: 60,
      b2ContentDisposition: 'attachment',
    });
    const without = await byName(`docs/ten%20digits.txt?Authorization=${encodeURIComponent(d.authorizationToken)}`);
    expect(without.status).toBe(401);
    const withIt = await byName(
      `docs/ten%20digits.txt?Authorization=${encodeURIComponent(d.authorizationToken)}&b2ContentDisposition=attachment`,
    );
    expect(withIt.status).toBe(200);
    expect(withIt.headers.get('content-disposition')).toBe('attachment');
  });

  test('get_download_authorization validates duration (1…604800) and requires fileNamePrefix', async () => {
    for (const validDurationInSeconds of [0, 604801]) {
      const r = await reply(
        await fetch(`${emu.endpoint}/b2api/v2/b2_get_download_authorization`, {
          method: 'POST',
          headers: { Authorization: t },
          body: JSON.stringify({ bucketId: privId, fileNamePrefix: '', validDurationInSeconds }),
        }),
      );
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
  });

  test('backblaze-b2 downloadFileByName / downloadFileById / getDownloadAuthorization', async () => {
    const b2 = await b2Client(emu);
    const byNameLib = await b2.downloadFileByName({
      bucketName: 'private-dl',
      fileName: 'docs/ten digits.txt',
      responseType: 'arraybuffer',
    });
    expect(Buffer.from(byNameLib.data as unknown as ArrayBuffer)).toEqual(body);
    const byIdLib = await b2.downloadFileById({
      fileId: file.fileId,
      responseType: 'arraybuffer',
      axios: { headers: { Range: 'bytes=0-1' } },
    });
    expect(byIdLib.status).toBe(206);
    expect(Buffer.from(byIdLib.data as unknown as ArrayBuffer).toString()).toBe('01');
    const auth = await b2.getDownloadAuthorization({
      bucketId: privId,
      fileNamePrefix: 'docs',
      validDurationInSeconds: 30,
    });
    expect(auth.data.fileNamePrefix).toBe('docs');
  });

  test('a 1 MiB file streams back intact and ranges across chunk boundaries are exact', async () => {
    const big = Buffer.alloc(1 << 20);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7 + 3) & 0xff;
    await put(emu, t, privId, 'big.bin', big);
    const all = Buffer.from(await (await byName('big.bin', { headers: { Authorization: t } })).arrayBuffer());
    expect(sha1(all)).toBe(sha1(big));
    const part = Buffer.from(
      await (await byName('big.bin', { headers: { Authorization: t, Range: 'bytes=65530-200000' } })).arrayBuffer(),
    );
    expect(part).toEqual(big.subarray(65530, 200001));
  });
});

describe('download authorizations end with the key that signed them', () => {
  test('a token asked for longer than the key lives expires with the key', () => {
    const tokens = new TokenRegistry(3_600_000);
    const keyExpiry = Date.now() + 60_000;
    const capped = tokens.issueDownload('bucket', 'a/', 604_800, {}, keyExpiry);
    expect(tokens.findDownload(capped.token)?.expiresAt).toBe(keyExpiry);
    const free = tokens.issueDownload('bucket', 'a/', 3_600, {}, null);
    expect(free.expiresAt).toBeGreaterThan(keyExpiry);
    expect(free.expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });
});
