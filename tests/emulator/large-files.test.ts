/**
 * The large-file API: start, part URLs, upload_part, list_parts, finish checks, cancel,
 * list_unfinished_large_files — with fetch and backblaze-b2.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { b2Client, call, makeBucket, ok, reply, sha1, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 1000 });
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'large-bucket');
});
afterAll(() => emu.close());

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

async function partUrl(fileId: string): Promise<Json> {
  return ok(emu, t, 'b2_get_upload_part_url', { fileId });
}

async function sendPart(u: Json, partNumber: number | string, data: Buffer, extra: Record<string, string> = {}) {
  return reply(
    await fetch(u.uploadUrl as string, {
      method: 'POST',
      headers: {
        Authorization: u.authorizationToken as string,
        'X-Bz-Part-Number': String(partNumber),
        'X-Bz-Content-Sha1': sha1(data),
        ...extra,
      },
      body: data,
    }),
  );
}

describe('large files', () => {
  test('start → parts → finish: same file ID, contentSha1 none, start time, bytes in order', async () => {
    const started = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'movie.mp4',
      contentType: 'b2/x-auto',
      fileInfo: { Large_File_Sha1: 'abc', src_last_modified_millis: '1' },
    });
    expect(started).toMatchObject({
      action: 'start',
      contentLength: 0,
      contentSha1: 'none',
      contentMd5: null,
      contentType: 'video/mp4',
      fileInfo: { large_file_sha1: 'abc', src_last_modified_millis: '1' },
    });
    expect(started.fileId).toMatch(/_f2/);
    const p1 = bytes(1500, 1);
    const p2 = bytes(1000, 2);
    const p3 = bytes(10, 3);
    const u = await partUrl(started.fileId);
    expect(u.uploadUrl).toContain('/b2_upload_part/');
    const r1 = await sendPart(u, 1, p1);
    expect(r1.body).toMatchObject({
      fileId: started.fileId,
      partNumber: 1,
      contentLength: 1500,
      contentSha1: sha1(p1),
      serverSideEncryption: { algorithm: null, mode: null },
    });
    await sendPart(u, 3, p3);
    await sendPart(await partUrl(started.fileId), 2, p2);
    const finished = await ok(emu, t, 'b2_finish_large_file', {
      fileId: started.fileId,
      partSha1Array: [sha1(p1), sha1(p2), sha1(p3)],
    });
    expect(finished).toMatchObject({
      action: 'upload',
      fileId: started.fileId,
      contentLength: 2510,
      contentSha1: 'none',
      contentMd5: null,
      uploadTimestamp: started.uploadTimestamp,
    });
    const got = await fetch(`${emu.endpoint}/file/large-bucket/movie.mp4`, { headers: { Authorization: t } });
    expect(got.headers.get('x-bz-content-sha1')).toBe('none');
    expect(got.headers.get('x-bz-info-large_file_sha1')).toBe('abc');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(Buffer.concat([p1, p2, p3]));
  });

  test('re-uploading a part number replaces it', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'replace.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    await sendPart(u, 1, bytes(1000, 9));
    const second = bytes(1000, 10);
    await sendPart(u, 1, second);
    const last = bytes(5, 11);
    await sendPart(u, 2, last);
    const parts = await ok(emu, t, 'b2_list_parts', { fileId: s.fileId });
    expect(parts.parts.map((p: Json) => p.contentSha1)).toEqual([sha1(second), sha1(last)]);
    await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: [sha1(second), sha1(last)] });
  });

  test('list_parts pages by maxPartCount / startPartNumber; maxPartCount over 1000 → 400', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'paged.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    for (let n = 1; n <= 5; n++) await sendPart(u, n, bytes(1000, n));
    const first = await ok(emu, t, 'b2_list_parts', { fileId: s.fileId, maxPartCount: 2 });
    expect(first.parts.map((p: Json) => p.partNumber)).toEqual([1, 2]);
    expect(first.nextPartNumber).toBe(3);
    const rest = await ok(emu, t, 'b2_list_parts', { fileId: s.fileId, startPartNumber: 3, maxPartCount: 10 });
    expect(rest.parts.map((p: Json) => p.partNumber)).toEqual([3, 4, 5]);
    expect(rest.nextPartNumber).toBeNull();
    expect((await call(emu, t, 'b2_list_parts', { fileId: s.fileId, maxPartCount: 1001 })).body.code).toBe(
      'out_of_range',
    );
  });

  test('finish refuses missing parts, extra parts, SHA1 mismatches and small non-final parts', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'strict.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    const a = bytes(1000, 1);
    const small = bytes(999, 2);
    const c = bytes(5, 3);
    await sendPart(u, 1, a);
    await sendPart(u, 3, c);
    const missing = await call(emu, t, 'b2_finish_large_file', {
      fileId: s.fileId,
      partSha1Array: [sha1(a), sha1(small), sha1(c)],
    });
    expect([missing.status, missing.body.code]).toEqual([400, 'bad_request']);
    await sendPart(u, 2, small);
    const tooSmall = await call(emu, t, 'b2_finish_large_file', {
      fileId: s.fileId,
      partSha1Array: [sha1(a), sha1(small), sha1(c)],
    });
    expect(tooSmall.body.message).toContain('minimum part size');
    const extra = await call(emu, t, 'b2_finish_large_file', {
      fileId: s.fileId,
      partSha1Array: [sha1(a), sha1(small)],
    });
    expect(extra.status).toBe(400);
    const mismatch = await call(emu, t, 'b2_finish_large_file', {
      fileId: s.fileId,
      partSha1Array: [sha1(a), sha1(a), sha1(c)],
    });
    expect(mismatch.body.message).toContain('Sha1');
    const empty = await call(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: [] });
    expect(empty.status).toBe(400);
    // Nothing was finished: the file is still unfinished.
    expect((await ok(emu, t, 'b2_get_file_info', { fileId: s.fileId })).action).toBe('start');
  });

  test("a large file needs at least 2 parts: one part, or one SHA1 for two parts, is 400 with B2's message", async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'one-part.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    const only = bytes(10, 1);
    await sendPart(u, 1, only);
    const single = await call(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: [sha1(only)] });
    expect(single.body).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'large files must have at least 2 parts',
    });
    // Real B2 answers the same when two parts were uploaded and one SHA1 is sent.
    const second = bytes(10, 2);
    await sendPart(u, 2, second);
    const short = await call(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: [sha1(only)] });
    expect(short.body).toEqual({ status: 400, code: 'bad_request', message: 'large files must have at least 2 parts' });
    expect((await ok(emu, t, 'b2_get_file_info', { fileId: s.fileId })).action).toBe('start');
  });

  test('finishing twice → 400 (the second call finds no unfinished file)', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'twice.bin',
      contentType: 'application/octet-stream',
    });
    const d = [bytes(1000, 1), bytes(10, 2)];
    const u = await partUrl(s.fileId);
    for (const [i, part] of d.entries()) await sendPart(u, i + 1, part);
    const sha1s = d.map((part) => sha1(part));
    await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: sha1s });
    const again = await call(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: sha1s });
    expect([again.status, again.body.code]).toEqual([400, 'bad_request']);
    expect((await call(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId })).status).toBe(400);
  });

  test('part numbers outside 1–10000 → 400; bad part SHA1 → 400', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'numbers.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    for (const n of [0, 10001, 'x']) {
      const r = await sendPart(u, n, bytes(10, 1));
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
    const r = await sendPart(u, 1, bytes(10, 1), { 'X-Bz-Content-Sha1': sha1('nope') });
    expect(r.body.message).toBe('Sha1 did not match data received');
    const path = new URL(u.uploadUrl as string).pathname;
    const wrongToken = await reply(
      await fetch(u.uploadUrl as string, {
        method: 'POST',
        headers: { Authorization: t, 'X-Bz-Part-Number': '1', 'X-Bz-Content-Sha1': sha1('a') },
        body: Buffer.from('a'),
      }),
    );
    expect([wrongToken.status, wrongToken.body.code, path.length > 0]).toEqual([401, 'bad_auth_token', true]);
  });

  test('cancel returns {fileId, accountId, bucketId, fileName}; the file and its parts are gone', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'cancel-me.bin',
      contentType: 'application/octet-stream',
    });
    const u = await partUrl(s.fileId);
    await sendPart(u, 1, bytes(1000, 1));
    const c = await ok(emu, t, 'b2_cancel_large_file', { fileId: s.fileId });
    expect(c).toEqual({ fileId: s.fileId, accountId: emu.accountId, bucketId, fileName: 'cancel-me.bin' });
    expect((await call(emu, t, 'b2_list_parts', { fileId: s.fileId })).body.code).toBe('bad_request');
    expect((await sendPart(u, 2, bytes(10, 1))).status).toBe(400);
    const bad = await call(emu, t, 'b2_cancel_large_file', { fileId: 'bad-id' });
    expect(bad.body).toEqual({ status: 400, code: 'bad_request', message: 'Invalid fileId: bad-id' });
  });

  test('list_unfinished_large_files: namePrefix, paging by startFileId, max 100', async () => {
    const b = await makeBucket(emu, t, 'unfinished-bucket');
    const ids: string[] = [];
    for (const n of ['u/1', 'u/2', 'u/3', 'v/1'])
      ids.push(
        (await ok(emu, t, 'b2_start_large_file', { bucketId: b, fileName: n, contentType: 'text/plain' })).fileId,
      );
    const all = await ok(emu, t, 'b2_list_unfinished_large_files', { bucketId: b });
    expect(all.files.map((f: Json) => f.fileName)).toEqual(['u/1', 'u/2', 'u/3', 'v/1']);
    expect(all.files[0]).toMatchObject({ action: 'start', contentSha1: 'none' });
    const page = await ok(emu, t, 'b2_list_unfinished_large_files', { bucketId: b, namePrefix: 'u/', maxFileCount: 2 });
    expect(page.files.map((f: Json) => f.fileName)).toEqual(['u/1', 'u/2']);
    expect(page.nextFileId).toBe(ids[2]);
    const next = await ok(emu, t, 'b2_list_unfinished_large_files', {
      bucketId: b,
      namePrefix: 'u/',
      startFileId: page.nextFileId,
    });
    expect(next.files.map((f: Json) => f.fileName)).toEqual(['u/3']);
    expect(next.nextFileId).toBeNull();
    expect((await call(emu, t, 'b2_list_unfinished_large_files', { bucketId: b, maxFileCount: 101 })).body.code).toBe(
      'out_of_range',
    );
  });

  test('backblaze-b2: startLargeFile, getUploadPartUrl, uploadPart, listParts, finishLargeFile', async () => {
    const b2 = await b2Client(emu);
    const s = await b2.startLargeFile({ bucketId, fileName: 'lib-large.bin' });
    const u = await b2.getUploadPartUrl({ fileId: s.data.fileId });
    const parts = [bytes(1200, 7), bytes(300, 8)];
    for (let i = 0; i < parts.length; i++) {
      await b2.uploadPart({
        uploadUrl: u.data.uploadUrl,
        uploadAuthToken: u.data.authorizationToken,
        partNumber: i + 1,
        data: parts[i],
      });
    }
    const listed = await b2.listParts({ fileId: s.data.fileId });
    expect(listed.data.parts).toHaveLength(2);
    const f = await b2.finishLargeFile({ fileId: s.data.fileId, partSha1Array: parts.map((p) => sha1(p)) });
    expect(f.data.contentLength).toBe(1500);
  });
});
