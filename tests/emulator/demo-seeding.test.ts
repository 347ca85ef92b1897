/**
 * The demo account is seeded in two steps (src/emulator/index.ts): buckets and keys before the
 * server listens, the files while it already does. Every call but sign-in and the bucket list
 * waits for the files (http/router.ts): a client never sees the account half seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, type RunningEmulator } from '../../src/emulator/index.js';
import { seedFiles } from '../../src/emulator/demo/demo-files.js';
import { loadContentTypes, resolveContentType } from '../../src/emulator/api/names.js';
import { ok, tokenFor, type Json } from './helpers.js';
import { startTestServer } from '../support/server.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = (await startTestServer({ demo: true })).emu;
});
afterAll(() => emu.close());

describe('the demo account right after the start', () => {
  it('lists every version of every bucket with the first calls made', async () => {
    const token = await tokenFor(emu);
    const buckets = (await ok(emu, token, 'b2_list_buckets', { accountId: emu.accountId })).buckets as Json[];
    const versions = await Promise.all(
      buckets.map(async (b) => ({
        bucket: b.bucketName as string,
        count: (await ok(emu, token, 'b2_list_file_versions', { bucketId: b.bucketId, maxFileCount: 1000 })).files
          .length as number,
      })),
    );
    const seeded = seedFiles();
    // Also listed: the large file in photos and the unfinished one (action `start`) in backups.
    const large = [DEMO_BUCKETS.photos, DEMO_BUCKETS.backups] as string[];
    const expected = (bucket: string): number =>
      seeded.filter((f) => f.bucket === bucket).length + (large.includes(bucket) ? 1 : 0);
    expect(versions.sort((a, b) => a.bucket.localeCompare(b.bucket))).toEqual(
      Object.values(DEMO_BUCKETS)
        .sort()
        .map((bucket) => ({ bucket, count: expected(bucket) })),
    );
  });
});

describe('the demo seed', () => {
  it('gives each file the content type b2/x-auto would, without looking it up', async () => {
    await loadContentTypes();
    const files = seedFiles().filter((f) => f.hide !== true);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect([f.name, f.contentType]).toEqual([f.name, resolveContentType('b2/x-auto', f.name)]);
  });
});
