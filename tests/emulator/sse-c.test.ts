/**
 * SSE-C (docs/b2-api.md §9.3): customer keys on uploads, large files and their parts, both sides
 * of copies and every read — missing key 400, wrong key 403 access_denied, the key's MD5 in the
 * response headers — and the key itself never kept: not in `--data`, not in the request log.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, reply, sha1, start, tokenFor, upload, type Json } from './helpers.js';

/** A customer key: its bytes as base64, its MD5 as base64, as headers and as JSON. */
function customerKey(fill: number) {
  const bytes = Buffer.alloc(32, fill);
  const key = bytes.toString('base64');
  const md5 = createHash('md5').update(bytes).digest('base64');
  return {
    key,
    md5,
    headers: {
      'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
      'X-Bz-Server-Side-Encryption-Customer-Key': key,
      'X-Bz-Server-Side-Encryption-Customer-Key-Md5': md5,
    },
    json: { mode: 'SSE-C', algorithm: 'AES256', customerKey: key, customerKeyMd5: md5 },
  };
}
const K1 = customerKey(1);
const K2 = customerKey(2);
const SSE_C_SHAPE = { algorithm: 'AES256', mode: 'SSE-C' };

let emu: RunningEmulator;
let t: string;
let bucketId: string;
const log: string[] = [];

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 5, log: (line) => log.push(line) });
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'sse-c-bucket');
});
afterAll(() => emu.close());

const byId = async (fileId: string, headers: Record<string, string> = {}, method = 'GET', version = 2) =>
  reply(
    await fetch(`${emu.endpoint}/b2api/v${version}/b2_download_file_by_id?fileId=${encodeURIComponent(fileId)}`, {
      method,
      headers: { Authorization: t, ...headers },
    }),
  );

describe('SSE-C uploads and downloads', () => {
  test('an upload with the key is SSE-C; reading needs the same key (400 without, 403 with another)', async () => {
    const f = await put(emu, t, bucketId, 'mine.txt', 'customer data', K1.headers);
    expect(f.serverSideEncryption).toEqual(SSE_C_SHAPE);
    expect((await ok(emu, t, 'b2_get_file_info', { fileId: f.fileId }, 4)).serverSideEncryption).toEqual(SSE_C_SHAPE);
    for (const version of [1, 2, 3, 4]) {
      const missing = await byId(f.fileId, {}, 'GET', version);
      expect([missing.status, missing.body.code]).toEqual([400, 'bad_request']);
      const wrong = await byId(f.fileId, K2.headers, 'GET', version);
      expect([wrong.status, wrong.body.code]).toEqual([403, 'access_denied']);
      const right = await byId(f.fileId, K1.headers, 'GET', version);
      expect([right.status, right.bytes.toString()]).toEqual([200, 'customer data']);
      expect(right.headers.get('x-bz-server-side-encryption-customer-algorithm')).toBe('AES256');
      expect(right.headers.get('x-bz-server-side-encryption-customer-key-md5')).toBe(K1.md5);
    }
    expect((await byId(f.fileId, {}, 'HEAD')).status).toBe(400);
    expect((await byId(f.fileId, K1.headers, 'HEAD')).headers.get('content-length')).toBe('13');
    const ranged = await byId(f.fileId, { ...K1.headers, Range: 'bytes=0-7' });
    expect([ranged.status, ranged.bytes.toString()]).toEqual([206, 'customer']);
  });

  test('by name, with an account token or a share link, the key is required all the same', async () => {
    await put(emu, t, bucketId, 'shared/doc.txt', 'shared secret', K1.headers);
    const url = `${emu.endpoint}/file/sse-c-bucket/shared/doc.txt`;
    expect((await fetch(url, { headers: { Authorization: t } })).status).toBe(400);
    const link = await ok(emu, t, 'b2_get_download_authorization', {
      bucketId,
      fileNamePrefix: 'shared/',
      validDurationInSeconds: 60,
    });
    expect((await fetch(`${url}?Authorization=${encodeURIComponent(link.authorizationToken)}`)).status).toBe(400);
    const got = await fetch(`${url}?Authorization=${encodeURIComponent(link.authorizationToken)}`, {
      headers: K1.headers,
    });
    expect([got.status, await got.text()]).toEqual([200, 'shared secret']);
  });

  test('malformed keys are 400: not 256 bits, MD5 of another key, another algorithm, a missing header', async () => {
    const cases: Record<string, string>[] = [
      { ...K1.headers, 'X-Bz-Server-Side-Encryption-Customer-Key': Buffer.alloc(16, 1).toString('base64') },
      { ...K1.headers, 'X-Bz-Server-Side-Encryption-Customer-Key-Md5': K2.md5 },
      { ...K1.headers, 'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES128' },
      {
        'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
        'X-Bz-Server-Side-Encryption-Customer-Key': K1.key,
      },
    ];
    for (const headers of cases) {
      const r = await upload(emu, t, bucketId, 'malformed.txt', 'x', headers);
      expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    }
  });
});

describe('SSE-C large files and copies', () => {
  async function sendPart(u: Json, n: number, data: Buffer, extra: Record<string, string> = {}) {
    const headers = {
      Authorization: u.authorizationToken as string,
      'X-Bz-Part-Number': String(n),
      'X-Bz-Content-Sha1': sha1(data),
      ...extra,
    };
    return reply(await fetch(u.uploadUrl as string, { method: 'POST', headers, body: data }));
  }

  test('every part needs the key the large file was started with', async () => {
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'big-c.bin',
      contentType: 'application/octet-stream',
      serverSideEncryption: K1.json,
    });
    expect(s.serverSideEncryption).toEqual(SSE_C_SHAPE);
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const parts = [Buffer.from('part one'), Buffer.from('two')];
    const missing = await sendPart(u, 1, parts[0] ?? Buffer.alloc(0));
    expect([missing.status, missing.body.code]).toEqual([400, 'bad_request']);
    const wrong = await sendPart(u, 1, parts[0] ?? Buffer.alloc(0), K2.headers);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'access_denied']);
    const p1 = await sendPart(u, 1, parts[0] ?? Buffer.alloc(0), K1.headers);
    expect(p1.body.serverSideEncryption).toEqual(SSE_C_SHAPE);
    expect((await sendPart(u, 2, parts[1] ?? Buffer.alloc(0), K1.headers)).status).toBe(200);
    const f = await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: parts.map((p) => sha1(p)) });
    expect(f.serverSideEncryption).toEqual(SSE_C_SHAPE);
    expect((await byId(f.fileId)).status).toBe(400);
    expect((await byId(f.fileId, K1.headers)).bytes.toString()).toBe('part onetwo');
  });

  test('a copy reads an SSE-C source only with sourceServerSideEncryption and may encrypt with another key', async () => {
    const src = await put(emu, t, bucketId, 'copy-c.txt', 'copy this', K1.headers);
    const missing = await call(emu, t, 'b2_copy_file', { sourceFileId: src.fileId, fileName: 'c1.txt' });
    expect([missing.status, missing.body.code]).toEqual([400, 'bad_request']);
    const wrong = await call(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'c1.txt',
      sourceServerSideEncryption: K2.json,
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'access_denied']);
    const rekeyed = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'c2.txt',
      sourceServerSideEncryption: K1.json,
      destinationServerSideEncryption: K2.json,
    });
    expect(rekeyed.serverSideEncryption).toEqual(SSE_C_SHAPE);
    expect((await byId(rekeyed.fileId, K1.headers)).status).toBe(403);
    expect((await byId(rekeyed.fileId, K2.headers)).bytes.toString()).toBe('copy this');
    const plain = await ok(emu, t, 'b2_copy_file', {
      sourceFileId: src.fileId,
      fileName: 'c3.txt',
      sourceServerSideEncryption: K1.json,
    });
    expect((await byId(plain.fileId)).bytes.toString()).toBe('copy this');
  });

  test("copy_part: the source needs its key, the destination the large file's", async () => {
    const src = await put(emu, t, bucketId, 'part-src.txt', 'abcdefgh', K1.headers);
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId,
      fileName: 'copied-c.bin',
      contentType: 'text/plain',
      serverSideEncryption: K2.json,
    });
    const base = { sourceFileId: src.fileId, largeFileId: s.fileId, partNumber: 1 };
    expect((await call(emu, t, 'b2_copy_part', { ...base, destinationServerSideEncryption: K2.json })).status).toBe(
      400,
    );
    expect((await call(emu, t, 'b2_copy_part', { ...base, sourceServerSideEncryption: K1.json })).status).toBe(400);
    expect(
      (
        await call(emu, t, 'b2_copy_part', {
          ...base,
          sourceServerSideEncryption: K1.json,
          destinationServerSideEncryption: K1.json,
        })
      ).body.code,
    ).toBe('access_denied');
    const part = await ok(emu, t, 'b2_copy_part', {
      ...base,
      sourceServerSideEncryption: K1.json,
      destinationServerSideEncryption: K2.json,
    });
    expect(part.serverSideEncryption).toEqual(SSE_C_SHAPE);
  });

  test('the request log never holds a customer key', () => {
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((line) => line.includes(K1.key) || line.includes(K2.key))).toEqual([]);
  });
});

describe('SSE-C with --data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'b2c-emu-ssec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('after a restart the key still opens the file, and no file under --data holds the key', async () => {
    const first = await start({ dataDir: dir });
    const ft = await tokenFor(first);
    const b = await makeBucket(first, ft, 'sse-c-persist');
    const f = await put(first, ft, b, 'kept.txt', 'kept secret', K1.headers);
    await first.close();
    const stored: string[] = [];
    for (const path of await readdir(dir, { recursive: true })) {
      if ((await stat(join(dir, path))).isFile()) stored.push(await readFile(join(dir, path), 'latin1'));
    }
    expect(stored.length).toBeGreaterThan(2);
    const keyForms = [K1.key, Buffer.alloc(32, 1).toString('hex'), Buffer.alloc(32, 1).toString('latin1')];
    expect(stored.filter((text) => keyForms.some((k) => text.includes(k)))).toEqual([]);
    const second = await start({ dataDir: dir });
    try {
      const st = await tokenFor(second);
      const get = (headers: Record<string, string>) =>
        fetch(`${second.endpoint}/b2api/v2/b2_download_file_by_id?fileId=${f.fileId}`, {
          headers: { Authorization: st, ...headers },
        });
      expect((await get(K2.headers)).status).toBe(403);
      expect(await (await get(K1.headers)).text()).toBe('kept secret');
    } finally {
      await second.close();
    }
  });
});
