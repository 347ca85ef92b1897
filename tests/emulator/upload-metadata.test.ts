/**
 * b2_upload_file metadata rules: name decoding and validation, file info limits and the b2-*
 * whitelist, forbidden headers, b2/x-auto content types.
 */
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { ok, put, upload, uploadTo, useBucketEmulator } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

useBucketEmulator('upload-bucket', (setup) => {
  ({ emu, token: t, bucketId } = setup);
});

describe('b2_upload_file metadata', () => {
  test('names: percent-decoded with + as space; %2B is a plus; unicode round-trips', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const plus = await uploadTo(u, 'ignored', 'p', { 'X-Bz-File-Name': 'a+b%2Bc%20d' });
    expect(plus.body.fileName).toBe('a b+c d');
    const uni = await uploadTo(u, 'ignored', 'u', { 'X-Bz-File-Name': '%E8%87%AA%E7%94%B1/caf%C3%A9.txt' });
    expect(uni.body.fileName).toBe('自由/café.txt');
    const got = await fetch(`${emu.endpoint}/file/upload-bucket/%E8%87%AA%E7%94%B1/caf%C3%A9.txt`, {
      headers: { Authorization: t },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('x-bz-file-name')).toBe('%E8%87%AA%E7%94%B1/caf%C3%A9.txt');
  });

  test('invalid names → 400: control characters, DEL, empty, over 1024 bytes, bad escapes', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    for (const name of ['a%01b', 'a%7Fb', '', 'x'.repeat(1025), 'bad%ZZescape', '%C3']) {
      const r = await uploadTo(u, 'ignored', 'n', { 'X-Bz-File-Name': name });
      expect([name, r.status, r.body.code]).toEqual([name, 400, 'bad_request']);
    }
    const max = await uploadTo(u, 'ignored', 'n', { 'X-Bz-File-Name': 'y'.repeat(1024) });
    expect(max.status).toBe(200);
  });

  test('file info: ≤10 entries, key charset, b2-* whitelist, 7000-byte budget, values decoded', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const ten: Record<string, string> = {};
    for (let i = 0; i < 10; i++) ten[`X-Bz-Info-k${i}`] = 'v';
    expect((await uploadTo(u, 'ten.txt', 'x', ten)).status).toBe(200);
    const eleven = await uploadTo(u, 'eleven.txt', 'x', { ...ten, 'X-Bz-Info-k10': 'v' });
    expect([eleven.status, eleven.body.code]).toEqual([400, 'bad_request']);
    const reserved = await uploadTo(u, 'r.txt', 'x', { 'X-Bz-Info-b2-unknown': 'v' });
    expect(reserved.status).toBe(400);
    const badExpires = await uploadTo(u, 'e.txt', 'x', { 'X-Bz-Info-b2-expires': 'not a date' });
    expect(badExpires.status).toBe(400);
    const okB2 = await uploadTo(u, 'b2ok.txt', 'x', {
      'X-Bz-Info-b2-cache-control': 'max-age=5',
      'X-Bz-Info-b2-content-disposition': 'attachment; filename="a.txt"',
    });
    expect(okB2.body.fileInfo).toEqual({
      'b2-cache-control': 'max-age=5',
      'b2-content-disposition': 'attachment; filename="a.txt"',
    });
    const big = await uploadTo(u, 'big.txt', 'x', { 'X-Bz-Info-a': 'v'.repeat(3500), 'X-Bz-Info-b': 'w'.repeat(3500) });
    expect([big.status, big.body.code]).toEqual([400, 'bad_request']);
    const decoded = await uploadTo(u, 'dec.txt', 'x', { 'X-Bz-Info-Author': 'J%C3%BCrgen+M' });
    expect(decoded.body.fileInfo).toEqual({ author: 'Jürgen M' });
    // Keys that collide with Object.prototype names are plain keys.
    const proto = await uploadTo(u, 'proto.txt', 'x', { 'X-Bz-Info-constructor': 'c', 'X-Bz-Info-__proto__': 'p' });
    expect(proto.body.fileInfo).toEqual(JSON.parse('{"constructor":"c","__proto__":"p"}'));
    const got = await fetch(`${emu.endpoint}/file/upload-bucket/proto.txt`, { headers: { Authorization: t } });
    expect([got.headers.get('x-bz-info-constructor'), got.headers.get('x-bz-info-__proto__')]).toEqual(['c', 'p']);
  });

  test('headers B2 forbids on uploads (Content-Disposition …) → 400', async () => {
    const r = await upload(emu, t, bucketId, 'cd.txt', 'x', { 'Content-Disposition': 'inline' });
    expect(r.status).toBe(400);
  });

  test('b2/x-auto picks the type from the extension, else application/octet-stream; explicit types are kept', async () => {
    expect((await put(emu, t, bucketId, 'pic.png', 'x')).contentType).toBe('image/png');
    expect((await put(emu, t, bucketId, 'noext', 'x')).contentType).toBe('application/octet-stream');
    expect(
      (await put(emu, t, bucketId, 'typed.bin', 'x', { 'Content-Type': 'application/x-custom' })).contentType,
    ).toBe('application/x-custom');
  });
});
