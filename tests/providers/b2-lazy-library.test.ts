/**
 * backblaze-b2 (with axios) is loaded by a session's first call that needs it
 * (src/providers/b2/session.ts): signing in and the bucket list — what the file manager shows
 * first — go through b2c's own HTTP calls, so a session that has only done those has not loaded
 * it; the first call through the library loads it, and that call works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BucketDirectory } from '../../src/providers/b2/buckets.js';
import { DEFAULT_RETRY } from '../../src/providers/b2/retry.js';
import { B2Session } from '../../src/providers/b2/session.js';
import { FAST_RETRY, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
beforeAll(async () => {
  f = await startB2();
  await f.bucket('lazy-a');
  await f.bucket('lazy-b');
});
afterAll(() => f.close());

describe('the B2 client library', () => {
  it('is not loaded by signing in and listing the buckets, and is by the first call that needs it', async () => {
    const session = await B2Session.open({
      endpoint: f.emu.endpoint,
      applicationKeyId: f.emu.masterKeyId,
      applicationKey: f.emu.masterKey,
      userAgent: 'b2c-test',
      policy: { ...DEFAULT_RETRY, ...FAST_RETRY },
    });
    try {
      const buckets = new BucketDirectory(session);
      const names = (await buckets.list()).map((e) => e.name);
      expect(names.filter((n) => n.startsWith('t-lazy-'))).toHaveLength(2);
      const one = await buckets.resolve(names.find((n) => n.startsWith('t-lazy-a-')) ?? '');
      expect(one.type).toBe('allPrivate');
      expect(session.libraryLoaded).toBe(false);

      const url = await session.lib<{ uploadUrl: string }>(
        { op: 'b2_get_upload_url', capability: 'writeFiles', action: 'Upload', path: `/${one.name}` },
        undefined,
        (c, x) => c.getUploadUrl({ bucketId: one.id, ...x }),
      );
      expect(url.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(session.libraryLoaded).toBe(true);
    } finally {
      session.close();
    }
  });
});
