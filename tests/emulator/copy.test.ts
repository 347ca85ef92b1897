/**
 * Server-side copies: b2_copy_file (COPY/REPLACE rules, ranges, cross-bucket, action "copy")
 * and b2_copy_part.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, sha1, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let srcBucket: string;
let dstBucket: string;
let src: Json;
const data = Buffer.from('abcdefghijklmnopqrstuvwxyz');

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 5 });
  t = await tokenFor(emu);
  srcBucket = await makeBucket(emu, t, 'copy-src');
  dstBucket = await makeBucket(emu, t, 'copy-dst');
  src = await put(emu, t, srcBucket, 'letters.txt', data, {
    'X-Bz-Info-origin': 'source',
    'Content-Type': 'text/x-letters',
  });
});
afterAll(() => emu.close());

const dl = async (bucket: string, name: string) =>
  fetch(`${emu.endpoint}/file/${bucket}/${name}`, { headers: { Authorization: t } });

describe('b2_copy_file', () => {
  test('COPY (default) keeps content type and info; the response says action "copy", listings say "upload"', async () => {
    const c = await ok(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'copy.txt' });
    expect(c).toMatchObject({
      action: 'copy',
      bucketId: srcBucket,
      fileName: 'copy.txt',
      contentType: 'text/x-letters',
      fileInfo: { origin: 'source' },
      contentSha1: sha1(data),
      contentLength: 26,
    });
    expect(c.fileId).not.toBe(src.fileId);
    const listed = await ok(emu, t, 'b2_list_file_names', { bucketId: srcBucket, prefix: 'copy.txt' });
    expect(listed.files[0].action).toBe('upload');
    expect(await (await dl('copy-src', 'copy.txt')).text()).toBe(data.toString());
  });

  test('REPLACE needs contentType and uses the given fileInfo', async () => {
    const c = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'replaced.txt',
      metadataDirective: 'REPLACE',
      contentType: 'text/plain',
      fileInfo: { New: 'yes' },
    });
    expect(c).toMatchObject({ contentType: 'text/plain', fileInfo: { new: 'yes' } });
    const noType = await call(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'x.txt',
      metadataDirective: 'REPLACE',
    });
    expect([noType.status, noType.body.code]).toEqual([400, 'bad_request']);
  });

  test('COPY with contentType or fileInfo → 400; unknown directive → 400', async () => {
    for (const extra of [{ contentType: 'text/plain' }, { fileInfo: {} }, { metadataDirective: 'MERGE' }]) {
      const r = await call(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'x.txt', ...extra });
      expect(r.status).toBe(400);
    }
  });

  test('range copies exactly those bytes with their own SHA1; a start past the end → 416', async () => {
    const c = await ok(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'range.txt', range: 'bytes=2-5' });
    expect(c.contentLength).toBe(4);
    expect(c.contentSha1).toBe(sha1('cdef'));
    expect(await (await dl('copy-src', 'range.txt')).text()).toBe('cdef');
    const past = await call(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'r2.txt',
      range: 'bytes=26-30',
    });
    expect([past.status, past.body.code]).toEqual([416, 'range_not_satisfiable']);
    const bad = await call(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'r3.txt',
      range: 'bytes=5-2',
    });
    expect(bad.status).toBe(400);
  });

  test('destinationBucketId copies across buckets; unknown destination → 400 bad_bucket_id', async () => {
    const c = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'moved.txt',
      destinationBucketId: dstBucket,
    });
    expect(c.bucketId).toBe(dstBucket);
    expect(await (await dl('copy-dst', 'moved.txt')).text()).toBe(data.toString());
    const bad = await call(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'm.txt',
      destinationBucketId: 'ffffffffffffffffffffffff',
    });
    expect(bad.body.code).toBe('bad_bucket_id');
  });

  test('unknown source or a hide marker as source → 400', async () => {
    expect((await call(emu, t, 'b2_copy_file', { sourceFileId: `${src.fileId}7`, fileName: 'x' })).status).toBe(400);
    await put(emu, t, srcBucket, 'gone.txt', 'g');
    const marker = await ok(emu, t, 'b2_hide_file', { bucketId: srcBucket, fileName: 'gone.txt' });
    expect((await call(emu, t, 'b2_copy_file', { sourceFileId: marker.fileId, fileName: 'x' })).status).toBe(400);
  });

  test('the copy survives deleting its source (bytes are shared, not lost)', async () => {
    const s = await put(emu, t, srcBucket, 'ephemeral.txt', 'keep me');
    await ok(emu, t, 'b2_copy_file', { sourceFileId: s.fileId, fileName: 'survivor.txt' });
    await ok(emu, t, 'b2_delete_file_version', { fileId: s.fileId, fileName: 'ephemeral.txt' });
    expect(await (await dl('copy-src', 'survivor.txt')).text()).toBe('keep me');
  });
});

describe('b2_copy_part', () => {
  test('parts copied from ranges (mixed with an uploaded part) finish into the right bytes', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId: dstBucket,
      fileName: 'assembled.txt',
      contentType: 'text/plain',
    });
    const p1 = await ok(emu, t, 'b2_copy_part', {
      sourceFileId: src.fileId,
      largeFileId: s.fileId,
      partNumber: 1,
      range: 'bytes=0-9',
    });
    expect(p1).toMatchObject({ fileId: s.fileId, partNumber: 1, contentLength: 10, contentSha1: sha1('abcdefghij') });
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const mid = Buffer.from('-MIDDLE-');
    await fetch(u.uploadUrl, {
      method: 'POST',
      headers: { Authorization: u.authorizationToken, 'X-Bz-Part-Number': '2', 'X-Bz-Content-Sha1': sha1(mid) },
      body: mid,
    });
    const p3 = await ok(emu, t, 'b2_copy_part', { sourceFileId: src.fileId, largeFileId: s.fileId, partNumber: 3 });
    expect(p3.contentLength).toBe(26);
    await ok(emu, t, 'b2_finish_large_file', {
      fileId: s.fileId,
      partSha1Array: [p1.contentSha1, sha1(mid), p3.contentSha1],
    });
    expect(await (await dl('copy-dst', 'assembled.txt')).text()).toBe(`abcdefghij-MIDDLE-${data.toString()}`);
  });

  test('copy_part checks the part number, the large file and the range', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId: dstBucket,
      fileName: 'checks.txt',
      contentType: 'text/plain',
    });
    expect(
      (await call(emu, t, 'b2_copy_part', { sourceFileId: src.fileId, largeFileId: s.fileId, partNumber: 0 })).status,
    ).toBe(400);
    expect(
      (await call(emu, t, 'b2_copy_part', { sourceFileId: src.fileId, largeFileId: 'nope', partNumber: 1 })).status,
    ).toBe(400);
    const past = await call(emu, t, 'b2_copy_part', {
      sourceFileId: src.fileId,
      largeFileId: s.fileId,
      partNumber: 1,
      range: 'bytes=100-200',
    });
    expect(past.status).toBe(416);
  });
});
