/**
 * SSE-B2 (docs/b2-api.md §9): the X-Bz-Server-Side-Encryption header on uploads, the
 * serverSideEncryption field of b2_start_large_file and the destination of copies, the bucket
 * default from b2_create_bucket/b2_update_bucket with its capabilities, and how files show it
 * in JSON (every API version) and in download headers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, reply, sha1, start, tokenFor, upload, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;
const SSE_B2 = { mode: 'SSE-B2', algorithm: 'AES256' };
const SSE_B2_SHAPE = { algorithm: 'AES256', mode: 'SSE-B2' };
const NONE_SHAPE = { algorithm: null, mode: null };

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 5 });
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'sse-b2-bucket');
});
afterAll(() => emu.close());

const byId = async (fileId: string, version = 2, method = 'GET') =>
  reply(
    await fetch(`${emu.endpoint}/b2api/v${version}/b2_download_file_by_id?fileId=${encodeURIComponent(fileId)}`, {
      method,
      headers: { Authorization: t },
    }),
  );

describe('SSE-B2 on uploads', () => {
  test('the header encrypts the file: file objects on v1–v4 and download headers (GET and HEAD) say SSE-B2', async () => {
    const f = await put(emu, t, bucketId, 'secret.txt', 'hello', { 'X-Bz-Server-Side-Encryption': 'AES256' });
    expect(f.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    for (const version of [1, 2, 3, 4]) {
      expect((await ok(emu, t, 'b2_get_file_info', { fileId: f.fileId }, version)).serverSideEncryption).toEqual(
        SSE_B2_SHAPE,
      );
      const listed = await ok(emu, t, 'b2_list_file_versions', { bucketId, prefix: 'secret.txt' }, version);
      expect(listed.files[0].serverSideEncryption).toEqual(SSE_B2_SHAPE);
      const got = await byId(f.fileId, version);
      expect([got.status, got.headers.get('x-bz-server-side-encryption'), got.bytes.toString()]).toEqual([
        200,
        'AES256',
        'hello',
      ]);
    }
    const head = await byId(f.fileId, 2, 'HEAD');
    expect(head.headers.get('x-bz-server-side-encryption')).toBe('AES256');
    const byName = await fetch(`${emu.endpoint}/file/sse-b2-bucket/secret.txt`, { headers: { Authorization: t } });
    expect(byName.headers.get('x-bz-server-side-encryption')).toBe('AES256');
    const plain = await put(emu, t, bucketId, 'plain.txt', 'hello');
    expect(plain.serverSideEncryption).toEqual(NONE_SHAPE);
    expect((await byId(plain.fileId)).headers.get('x-bz-server-side-encryption')).toBeNull();
  });

  test('other values, and SSE-B2 together with SSE-C headers, are 400 and store nothing', async () => {
    const refusedHeaders: Record<string, string>[] = [
      { 'X-Bz-Server-Side-Encryption': 'NONE' },
      { 'X-Bz-Server-Side-Encryption': 'AES128' },
      { 'X-Bz-Server-Side-Encryption': 'AES256', 'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256' },
    ];
    for (const headers of refusedHeaders) {
      const r = await upload(emu, t, bucketId, 'refused.txt', 'x', headers);
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
    expect((await ok(emu, t, 'b2_list_file_versions', { bucketId, prefix: 'refused' })).files).toEqual([]);
  });

  test('name and info of an encrypted file must fit in 2048 bytes (7000 without encryption)', async () => {
    const info = { 'X-Bz-Info-big': 'v'.repeat(2100) };
    expect((await upload(emu, t, bucketId, 'big-info.txt', 'x', info)).status).toBe(200);
    const r = await upload(emu, t, bucketId, 'big-info-sse.txt', 'x', {
      ...info,
      'X-Bz-Server-Side-Encryption': 'AES256',
    });
    expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
  });
});

describe('SSE-B2 on large files and copies', () => {
  async function sendPart(u: Json, n: number, data: Buffer, extra: Record<string, string> = {}) {
    const headers = {
      Authorization: u.authorizationToken as string,
      'X-Bz-Part-Number': String(n),
      'X-Bz-Content-Sha1': sha1(data),
      ...extra,
    };
    return reply(await fetch(u.uploadUrl as string, { method: 'POST', headers, body: data }));
  }

  test('start_large_file keeps serverSideEncryption; parts and the finished file report it', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'big.bin',
      contentType: 'application/octet-stream',
      serverSideEncryption: SSE_B2,
    });
    expect(s.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const parts = [Buffer.from('first part'), Buffer.from('last')];
    const p1 = await sendPart(u, 1, parts[0] ?? Buffer.alloc(0));
    expect(p1.body.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    // Parts may repeat the large file's SSE-B2 header.
    expect(
      (await sendPart(u, 2, parts[1] ?? Buffer.alloc(0), { 'X-Bz-Server-Side-Encryption': 'AES256' })).status,
    ).toBe(200);
    expect(
      (await ok(emu, t, 'b2_list_parts', { fileId: s.fileId })).parts.map((p: Json) => p.serverSideEncryption),
    ).toEqual([SSE_B2_SHAPE, SSE_B2_SHAPE]);
    const f = await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: parts.map((p) => sha1(p)) });
    expect(f.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    expect((await byId(f.fileId)).headers.get('x-bz-server-side-encryption')).toBe('AES256');
  });

  test('a part of an unencrypted large file may not claim SSE-B2; bad serverSideEncryption is 400', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'plain-big.bin',
      contentType: 'text/plain',
    });
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const r = await sendPart(u, 1, Buffer.from('part'), { 'X-Bz-Server-Side-Encryption': 'AES256' });
    expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    for (const serverSideEncryption of [{ mode: 'SSE-B2' }, { mode: 'SSE-X', algorithm: 'AES256' }, 'SSE-B2']) {
      const bad = await call(emu, t, 'b2_start_large_file', {
        bucketId,
        fileName: 'bad.bin',
        contentType: 'text/plain',
        serverSideEncryption,
      });
      expect([bad.status, bad.body.code]).toEqual([400, 'bad_request']);
    }
  });

  test('copies take destinationServerSideEncryption, else the destination bucket default', async () => {
    const src = await put(emu, t, bucketId, 'copy-src.txt', 'copy me');
    const enc = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'copy-enc.txt',
      destinationServerSideEncryption: SSE_B2,
    });
    expect(enc.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    const again = await ok(emu, t, 'b2_copy_file', { sourceFileId: enc.fileId, fileName: 'copy-plain.txt' });
    expect(again.serverSideEncryption).toEqual(NONE_SHAPE);
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'copied-big.bin',
      contentType: 'text/plain',
      serverSideEncryption: SSE_B2,
    });
    const part = await ok(emu, t, 'b2_copy_part', {
      sourceFileId: src.fileId,
      largeFileId: s.fileId,
      partNumber: 1,
      destinationServerSideEncryption: SSE_B2,
    });
    expect(part.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    const plain = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'plain-copied.bin',
      contentType: 'text/plain',
    });
    const refused = await call(emu, t, 'b2_copy_part', {
      sourceFileId: src.fileId,
      largeFileId: plain.fileId,
      partNumber: 1,
      destinationServerSideEncryption: SSE_B2,
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'bad_request']);
  });
});

describe('bucket default encryption', () => {
  test('create and update set and clear it; uploads without a header follow it', async () => {
    const b = await ok(emu, t, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'sse-default',
      bucketType: 'allPrivate',
      defaultServerSideEncryption: SSE_B2,
    });
    expect(b.defaultServerSideEncryption).toEqual({ isClientAuthorizedToRead: true, value: SSE_B2_SHAPE });
    expect((await put(emu, t, b.bucketId, 'auto.txt', 'x')).serverSideEncryption).toEqual(SSE_B2_SHAPE);
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId: b.bucketId,
      fileName: 'auto-big.bin',
      contentType: 'text/plain',
    });
    expect(s.serverSideEncryption).toEqual(SSE_B2_SHAPE);
    const listed = await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketId: b.bucketId }, 1);
    expect(listed.buckets[0].defaultServerSideEncryption.value).toEqual(SSE_B2_SHAPE);
    const cleared = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: b.bucketId,
      defaultServerSideEncryption: { mode: 'none' },
    });
    expect(cleared.defaultServerSideEncryption.value).toEqual(NONE_SHAPE);
    expect((await put(emu, t, b.bucketId, 'manual.txt', 'x')).serverSideEncryption).toEqual(NONE_SHAPE);
    // An update that does not mention it keeps it.
    await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: b.bucketId,
      defaultServerSideEncryption: SSE_B2,
    });
    const kept = await ok(emu, t, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId: b.bucketId,
      bucketInfo: { a: 'b' },
    });
    expect(kept.defaultServerSideEncryption.value).toEqual(SSE_B2_SHAPE);
  });

  test('a bucket cannot default to SSE-C; a malformed default is 400', async () => {
    const sseC = {
      mode: 'SSE-C',
      algorithm: 'AES256',
      customerKey: Buffer.alloc(32, 1).toString('base64'),
      customerKeyMd5: 'x',
    };
    for (const defaultServerSideEncryption of [sseC, { mode: 'SSE-B2', algorithm: 'DES' }]) {
      const r = await call(emu, t, 'b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: 'sse-refused',
        bucketType: 'allPrivate',
        defaultServerSideEncryption,
      });
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
  });

  test('writeBucketEncryption is needed to set it, readBucketEncryption to see it', async () => {
    const key = await ok(
      emu,
      t,
      'b2_create_key',
      { accountId: emu.accountId, keyName: 'no-encryption-caps', capabilities: ['listBuckets', 'writeBuckets'] },
      4,
    );
    const kt = await tokenFor(emu, key.applicationKeyId, key.applicationKey);
    const refused = await call(emu, kt, 'b2_update_bucket', {
      accountId: emu.accountId,
      bucketId,
      defaultServerSideEncryption: SSE_B2,
    });
    expect([refused.status, refused.body.code]).toEqual([401, 'unauthorized']);
    const created = await call(emu, kt, 'b2_create_bucket', {
      accountId: emu.accountId,
      bucketName: 'sse-no-cap',
      bucketType: 'allPrivate',
      defaultServerSideEncryption: SSE_B2,
    });
    expect(created.status).toBe(401);
    const listed = await ok(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketId });
    expect(listed.buckets[0].defaultServerSideEncryption).toEqual({ isClientAuthorizedToRead: false, value: null });
  });
});
