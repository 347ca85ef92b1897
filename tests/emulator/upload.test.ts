/**
 * b2_get_upload_url + b2_upload_file: SHA1 modes, Content-Length rules, name decoding and
 * validation, file info rules, b2/x-auto, upload tokens tied to their URL.
 */
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, call, ok, put, rawHttp, sha1, upload, uploadTo, useBucketEmulator } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

useBucketEmulator('upload-bucket', (setup) => {
  ({ emu, token: t, bucketId } = setup);
});

async function download(name: string): Promise<Response> {
  return fetch(`${emu.endpoint}/file/upload-bucket/${name}`, { headers: { Authorization: t } });
}

describe('b2_upload_file', () => {
  test('get_upload_url gives a distinct URL (bucket ID in the path) and token each time', async () => {
    const a = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const b = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    expect(a.bucketId).toBe(bucketId);
    expect(a.uploadUrl).toContain(`/b2_upload_file/${bucketId}/`);
    expect(a.uploadUrl).not.toBe(b.uploadUrl);
    expect(a.authorizationToken).not.toBe(b.authorizationToken);
  });

  test('get_upload_url on an unknown bucket → 400 bad_bucket_id', async () => {
    const r = await call(emu, t, 'b2_get_upload_url', { bucketId: 'ffffffffffffffffffffffff' });
    expect([r.status, r.body.code]).toEqual([400, 'bad_bucket_id']);
  });

  test('backblaze-b2 upload: file object with sha1, md5, lowercased info, resolved content type; bytes come back', async () => {
    const b2 = await b2Client(emu);
    const u = await b2.getUploadUrl({ bucketId });
    const data = Buffer.from('hello emulator\n');
    const r = await b2.uploadFile({
      uploadUrl: u.data.uploadUrl,
      uploadAuthToken: u.data.authorizationToken,
      fileName: 'dir/hello.txt',
      data,
      info: { Src_Last_Modified_Millis: '1700000000000' },
    });
    expect(r.data).toMatchObject({
      action: 'upload',
      accountId: emu.accountId,
      bucketId,
      contentLength: data.length,
      contentSha1: sha1(data),
      contentType: 'text/plain',
      fileInfo: { src_last_modified_millis: '1700000000000' },
      fileName: 'dir/hello.txt',
      legalHold: { isClientAuthorizedToRead: true, value: null },
      serverSideEncryption: { algorithm: null, mode: null },
    });
    expect(r.data.contentMd5).toMatch(/^[0-9a-f]{32}$/);
    expect(r.data.fileId).toMatch(/^4_z[0-9a-f]{24}_f1/);
    const got = await download('dir/hello.txt');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(data);
  });

  test('SHA1 mismatch → 400 bad_request, nothing stored', async () => {
    const r = await upload(emu, t, bucketId, 'bad-sha.txt', 'abc', { 'X-Bz-Content-Sha1': sha1('xyz') });
    expect(r.body).toEqual({ status: 400, code: 'bad_request', message: 'Sha1 did not match data received' });
    expect((await download('bad-sha.txt')).status).toBe(404);
  });

  test('hex_digits_at_end: the SHA1 follows the data and Content-Length includes it', async () => {
    const data = Buffer.from('trailing hash body');
    const r = await upload(emu, t, bucketId, 'trailer.txt', Buffer.concat([data, Buffer.from(sha1(data))]), {
      'X-Bz-Content-Sha1': 'hex_digits_at_end',
    });
    expect(r.status).toBe(200);
    expect(r.body.contentLength).toBe(data.length);
    expect(r.body.contentSha1).toBe(sha1(data));
    expect(Buffer.from(await (await download('trailer.txt')).arrayBuffer())).toEqual(data);
    const wrong = await upload(emu, t, bucketId, 'trailer2.txt', Buffer.concat([data, Buffer.from(sha1('other'))]), {
      'X-Bz-Content-Sha1': 'hex_digits_at_end',
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'bad_request']);
  });

  test('do_not_verify stores an unverified: SHA1', async () => {
    const r = await upload(emu, t, bucketId, 'unverified.txt', 'u', { 'X-Bz-Content-Sha1': 'do_not_verify' });
    expect(r.body.contentSha1).toBe(`unverified:${sha1('u')}`);
  });

  test('missing X-Bz-Content-Sha1, X-Bz-File-Name or Content-Type → 400', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    for (const drop of ['X-Bz-Content-Sha1', 'X-Bz-File-Name', 'Content-Type']) {
      const headers: Record<string, string> = {
        Authorization: u.authorizationToken,
        'X-Bz-File-Name': 'x.txt',
        'Content-Type': 'text/plain',
        'X-Bz-Content-Sha1': sha1('x'),
      };
      delete headers[drop];
      // A Buffer body: fetch would add its own Content-Type to a string body.
      const r = await fetch(u.uploadUrl, { method: 'POST', headers, body: Buffer.from('x') });
      expect(r.status).toBe(400);
    }
  });

  test('chunked transfer encoding → 400; no Content-Length → 400', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const path = new URL(u.uploadUrl).pathname;
    const common = `Host: x\nAuthorization: ${u.authorizationToken}\nX-Bz-File-Name: chunked.txt\nContent-Type: text/plain\nX-Bz-Content-Sha1: ${sha1('abc')}\nConnection: close`;
    const chunked = await rawHttp(
      emu.endpoint,
      `POST ${path} HTTP/1.1\n${common}\nTransfer-Encoding: chunked\n`,
      Buffer.from('3\r\nabc\r\n0\r\n\r\n'),
    );
    expect(chunked.status).toBe(400);
    expect(JSON.parse(chunked.text).code).toBe('bad_request');
    const noLength = await rawHttp(emu.endpoint, `POST ${path} HTTP/1.1\n${common}\n`);
    expect(noLength.status).toBe(400);
  });

  test('bodies over 5 GB → 400 before any byte is read (files and parts)', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const head = (path: string, token: string, extra: string) =>
      `POST ${path} HTTP/1.1\nHost: x\nAuthorization: ${token}\nX-Bz-File-Name: huge\nContent-Type: text/plain\nX-Bz-Content-Sha1: do_not_verify\nContent-Length: 5000000001\nConnection: close${extra}\n`;
    const file = await rawHttp(emu.endpoint, head(new URL(u.uploadUrl).pathname, u.authorizationToken, ''));
    expect(file.status).toBe(400);
    const s = await ok(emu, t, 'b2_start_large_file', { bucketId, fileName: 'huge-large', contentType: 'text/plain' });
    const p = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const part = await rawHttp(
      emu.endpoint,
      head(new URL(p.uploadUrl).pathname, p.authorizationToken, '\nX-Bz-Part-Number: 1'),
    );
    expect(part.status).toBe(400);
  });

  test('GET on an upload URL → 405 method_not_allowed', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const r = await fetch(u.uploadUrl, { headers: { Authorization: u.authorizationToken } });
    expect(r.status).toBe(405);
    expect(((await r.json()) as { code: string }).code).toBe('method_not_allowed');
  });

  test('upload tokens are tied to their URL; unknown tokens → 401 bad_auth_token', async () => {
    const a = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const b = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    const crossed = await uploadTo({ uploadUrl: a.uploadUrl, authorizationToken: b.authorizationToken }, 'c.txt', 'c');
    expect([crossed.status, crossed.body.code]).toEqual([401, 'bad_auth_token']);
    const account = await uploadTo({ uploadUrl: a.uploadUrl, authorizationToken: t }, 'c.txt', 'c');
    expect(account.status).toBe(401);
    expect((await uploadTo(a, 'c.txt', 'c')).status).toBe(200);
  });

  test('an upload URL is reusable serially; concurrent use of one token → 400 auth_token_limit', async () => {
    const u = await ok(emu, t, 'b2_get_upload_url', { bucketId });
    for (let i = 0; i < 3; i++) expect((await uploadTo(u, `serial-${i}`, `s${i}`)).status).toBe(200);
    const path = new URL(u.uploadUrl).pathname;
    const { connect } = await import('node:net');
    const url = new URL(emu.endpoint);
    // Start an upload that sends only half its body, then try a second one on the same token.
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${u.authorizationToken}\r\nX-Bz-File-Name: slow\r\nContent-Type: text/plain\r\nX-Bz-Content-Sha1: ${sha1('abcd')}\r\nContent-Length: 4\r\nConnection: close\r\n\r\nab`,
    );
    socket.resume();
    let second = await uploadTo(u, 'fast', 'f');
    for (let i = 0; i < 50 && second.status === 200; i++) second = await uploadTo(u, `fast${i}`, 'f');
    expect([second.status, second.body.code]).toEqual([400, 'auth_token_limit']);
    socket.write('cd');
    socket.end();
    await new Promise((resolve) => socket.once('close', resolve));
  });

  test('a zero-byte file round-trips', async () => {
    const r = await put(emu, t, bucketId, 'folder/.bzEmpty', '');
    expect(r.contentLength).toBe(0);
    expect(r.contentSha1).toBe(sha1(''));
    const got = await download('folder/.bzEmpty');
    expect(got.headers.get('content-length')).toBe('0');
  });
});
