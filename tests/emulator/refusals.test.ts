/**
 * The server's count of 401 `unauthorized` answers (GET /_emulator/stats, RunningEmulator.stats):
 * per key and per endpoint, sign-in failures apart, control endpoints and allowed calls not counted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RefusalStats, RunningEmulator } from '../../src/emulator/index.js';
import { authorizeRaw, call, makeBucket, ok, put, start, tokenFor, upload } from './helpers.js';

let emu: RunningEmulator;
let master: string;
let bucketId: string;

beforeAll(async () => {
  emu = await start();
  master = await tokenFor(emu);
  bucketId = await makeBucket(emu, master, 'refusals-a');
  await put(emu, master, bucketId, 'in/a.txt', 'a');
});
afterAll(() => emu.close());

async function statsOverHttp(
  auth = `${emu.masterKeyId}:${emu.masterKey}`,
): Promise<{ status: number; body: RefusalStats }> {
  const res = await fetch(`${emu.endpoint}/_emulator/stats`, {
    headers: { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` },
  });
  return { status: res.status, body: (await res.json()) as RefusalStats };
}

describe('the count of 401 unauthorized answers', () => {
  test('counts refused calls per key and endpoint, and nothing else', async () => {
    const before = emu.stats();
    const made = await ok(emu, master, 'b2_create_key', {
      accountId: emu.accountId,
      keyName: 'count-me',
      capabilities: ['listBuckets', 'writeFiles'],
      bucketId,
      namePrefix: 'in/',
    });
    const keyId = made.applicationKeyId as string;
    const kt = await tokenFor(emu, keyId, made.applicationKey as string, 2);

    // Allowed: an upload inside the prefix. Refused: a listing (no listFiles), an upload outside the
    // prefix (refused on the upload URL), a download (no readFiles).
    expect((await upload(emu, kt, bucketId, 'in/b.txt', 'b')).status).toBe(200);
    expect((await call(emu, kt, 'b2_list_file_names', { bucketId, prefix: 'in/' })).status).toBe(401);
    expect((await upload(emu, kt, bucketId, 'out/c.txt', 'c')).status).toBe(401);
    expect((await fetch(`${emu.endpoint}/file/refusals-a/in/a.txt`, { headers: { Authorization: kt } })).status).toBe(
      401,
    );
    // A wrong secret is a rejected sign-in, not a refused call; the master key is never refused here.
    expect((await authorizeRaw(emu, 4, keyId, 'K00wrong')).status).toBe(401);
    expect((await call(emu, master, 'b2_list_file_names', { bucketId })).status).toBe(200);

    const after = emu.stats();
    expect(after.unauthorized - before.unauthorized).toBe(3);
    expect(after.unauthorizedByKey[keyId]).toBe(3);
    expect(after.unauthorizedByKey[emu.masterKeyId]).toBeUndefined();
    expect(after.unauthorizedByEndpoint.b2_list_file_names).toBe(1);
    expect(after.unauthorizedByEndpoint.b2_upload_file).toBe(1);
    expect(after.unauthorizedByEndpoint.b2_download_file_by_name).toBe(1);
    expect(after.signInsRejected - before.signInsRejected).toBe(1);
  });

  test('GET /_emulator/stats answers the same counts, with the master key only (and is not counted itself)', async () => {
    const over = await statsOverHttp();
    expect(over.status).toBe(200);
    expect(over.body).toEqual(emu.stats());
    expect((await statsOverHttp(`${emu.masterKeyId}:nope`)).status).toBe(401);
    expect(emu.stats()).toEqual(over.body);
  });
});
