/**
 * B2 provider downloads over HTTP: whole-file SHA1 checked at the end of the stream (from
 * X-Bz-Content-Sha1, or large_file_sha1 for large files), ranges, and exact versions.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/providers/errors.js';
import { MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let bucket: { name: string; id: string };

/** Uploads a two-part large file with raw API calls, recording `claimedSha1` as large_file_sha1. */
async function rawLargeFile(name: string, data: Buffer, claimedSha1: string): Promise<void> {
  const started = await f.raw<{ fileId: string }>('b2_start_large_file', {
    bucketId: bucket.id,
    fileName: name,
    contentType: 'application/octet-stream',
    fileInfo: { large_file_sha1: claimedSha1 },
  });
  const fileId = started.json.fileId;
  const parts = [data.subarray(0, MIN_PART), data.subarray(MIN_PART)];
  for (const [i, part] of parts.entries()) {
    const url = (await f.raw<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_part_url', { fileId }))
      .json;
    const res = await fetch(url.uploadUrl, {
      method: 'POST',
      headers: {
        Authorization: url.authorizationToken,
        'X-Bz-Part-Number': String(i + 1),
        'X-Bz-Content-Sha1': sha1(part),
        'Content-Length': String(part.length),
      },
      body: part,
    });
    expect(res.status).toBe(200);
  }
  expect((await f.raw('b2_finish_large_file', { fileId, partSha1Array: parts.map(sha1) })).status).toBe(200);
}

const drain = async (s: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of s as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  f = await startB2();
  bucket = await f.bucket('dl');
});
afterAll(() => f.close());

describe('integrity', () => {
  it('a large file whose large_file_sha1 is wrong fails with IntegrityError at the end of the stream', async () => {
    const data = randomBytes(MIN_PART + 1000);
    await rawLargeFile('bad-claim.bin', data, sha1(Buffer.from('not the content')));
    const h = await f.master.openRead(`/${bucket.name}/bad-claim.bin`);
    let got = 0;
    const err = await (async () => {
      for await (const c of h.stream as AsyncIterable<Buffer>) got += c.length;
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IntegrityError);
    expect(got).toBe(data.length); // every byte was delivered before the verdict
  });

  it('the same file reads fine with verify:false and in ranges (no whole-file check)', async () => {
    const data = randomBytes(MIN_PART + 500);
    await rawLargeFile('claim2.bin', data, sha1(Buffer.from('wrong')));
    expect(
      (await drain((await f.master.openRead(`/${bucket.name}/claim2.bin`, { verify: false })).stream)).equals(data),
    ).toBe(true);
    const r = await f.master.openRead(`/${bucket.name}/claim2.bin`, {
      range: { start: MIN_PART - 10, end: MIN_PART + 9 },
    });
    expect(r).toMatchObject({ size: 20, totalSize: data.length });
    expect((await drain(r.stream)).equals(data.subarray(MIN_PART - 10, MIN_PART + 10))).toBe(true);
  });

  it('a correct large_file_sha1 is reported and verified', async () => {
    const data = randomBytes(MIN_PART + 7);
    await rawLargeFile('good.bin', data, sha1(data));
    const h = await f.master.openRead(`/${bucket.name}/good.bin`);
    expect(h.sha1).toBe(sha1(data));
    expect((await drain(h.stream)).equals(data)).toBe(true);
  });

  it('an older version is read by fileId, with its own SHA1', async () => {
    const path = `/${bucket.name}/versions.txt`;
    const one = await f.master.write(path, Readable.from([Buffer.from('first')]), { size: 5 });
    await f.master.write(path, Readable.from([Buffer.from('second!')]), { size: 7, overwrite: true });
    const h = await f.master.openRead(path, { fileId: one.fileId });
    expect(h.sha1).toBe(sha1(Buffer.from('first')));
    expect((await drain(h.stream)).toString()).toBe('first');
  });
});
