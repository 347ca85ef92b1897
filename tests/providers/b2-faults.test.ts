/**
 * B2 provider under injected faults (built-in server over HTTP): 503 on uploads (with a fresh
 * upload URL after each failure), 429 with Retry-After, expired tokens (one serialised
 * re-authorization for many parallel calls), dropped connections — with every byte intact.
 * The server's request log is how the tests see that the faults really happened.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PermissionDeniedError, TransientError } from '../../src/providers/errors.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import { MIN_PART, collect, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let bucket: string;
const log: string[] = [];
const UPLOADS = ['b2_upload_file', 'b2_upload_part'];
const DOWNLOADS = ['b2_download_file_by_name', 'b2_download_file_by_id'];

const put = (p: B2Provider, path: string, data: Buffer) =>
  p.write(path, Readable.from([data], { objectMode: false }), {
    size: data.length,
    overwrite: true,
    sha1: sha1(data),
    partSize: MIN_PART,
    partConcurrency: 3,
  });
const get = async (p: B2Provider, path: string): Promise<Buffer> => {
  const h = await p.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
};
const lines = (re: RegExp): string[] => log.filter((l) => re.test(l));

beforeAll(async () => {
  f = await startB2({ log: (l) => log.push(l) });
  bucket = (await f.bucket('faults')).name;
});
beforeEach(() => {
  f.emu.setFaults({});
  log.length = 0;
});
afterAll(() => f.close());

describe('503 on uploads', () => {
  it('retries on a fresh upload URL after every failure; small and large files arrive intact', async () => {
    f.emu.setFaults({ seed: 11, uploadFailureRate: 0.4, retryAfterSeconds: 0, only: UPLOADS });
    const small = randomBytes(10_000);
    const large = randomBytes(12 * MIN_PART + 9);
    await put(f.master, `/${bucket}/u503/small.bin`, small);
    await put(f.master, `/${bucket}/u503/large.bin`, large);
    f.emu.setFaults({});
    const failed = lines(/ 503 /);
    expect(failed.length).toBeGreaterThan(0);
    // An upload URL that answered 503 is never used again.
    log.forEach((l, i) => {
      if (!/ 503 /.test(l)) return;
      const url = l.split(' ')[1];
      expect(log.slice(i + 1).filter((x) => x.split(' ')[1] === url)).toEqual([]);
    });
    expect((await get(f.master, `/${bucket}/u503/small.bin`)).equals(small)).toBe(true);
    expect((await get(f.master, `/${bucket}/u503/large.bin`)).equals(large)).toBe(true);
  });
});

describe('429 with Retry-After', () => {
  it('waits and retries; the listing completes', async () => {
    await put(f.master, `/${bucket}/r429/x.txt`, Buffer.from('x'));
    f.emu.setFaults({ seed: 5, tooManyRequestsRate: 0.5, retryAfterSeconds: 1, only: ['b2_list_file_names'] });
    for (let i = 0; i < 4; i++) {
      const rows = (await collect(f.master.list(`/${bucket}/r429`))).flat();
      expect(rows.map((r) => r.name)).toEqual(['x.txt']);
    }
    expect(lines(/b2_list_file_names 429/).length).toBeGreaterThan(0);
  });

  it('a Retry-After longer than the backoff ceiling is reported, not slept through', async () => {
    f.emu.setFaults({ tooManyRequestsRate: 1, retryAfterSeconds: 3600, only: ['b2_list_file_names'] });
    const err = await collect(f.master.list(`/${bucket}`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).retryAfterMs).toBe(3_600_000);
  });
});

describe('expired tokens', () => {
  it('parallel calls after expiry share one re-authorization', async () => {
    const data = randomBytes(3 * MIN_PART);
    await put(f.master, `/${bucket}/exp/f.bin`, data);
    f.emu.expireAllTokens();
    log.length = 0;
    const stats = await Promise.all(Array.from({ length: 6 }, () => f.master.stat(`/${bucket}/exp/f.bin`)));
    expect(stats.every((s) => s.size === data.length)).toBe(true);
    expect(lines(/b2_authorize_account/).length).toBe(1);
    expect((await get(f.master, `/${bucket}/exp/f.bin`)).equals(data)).toBe(true);
  });

  it('random token expiry on every kind of call: bytes intact', async () => {
    f.emu.setFaults({ seed: 3, expireTokenRate: 0.15 });
    const data = randomBytes(8 * MIN_PART + 1);
    await put(f.master, `/${bucket}/exp2/f.bin`, data);
    expect((await get(f.master, `/${bucket}/exp2/f.bin`)).equals(data)).toBe(true);
    expect((await collect(f.master.list(`/${bucket}/exp2`))).flat().map((e) => e.name)).toEqual(['f.bin']);
    f.emu.setFaults({});
    expect(lines(/ 401 /).length).toBeGreaterThan(0);
  });
});

describe('dropped connections', () => {
  it('uploads cut mid-body are retried on fresh URLs: bytes intact', async () => {
    f.emu.setFaults({ seed: 9, dropConnectionRate: 0.4, only: UPLOADS });
    const small = randomBytes(50_000);
    const large = randomBytes(10 * MIN_PART + 3);
    await put(f.master, `/${bucket}/drop/small.bin`, small);
    await put(f.master, `/${bucket}/drop/large.bin`, large);
    f.emu.setFaults({});
    expect((await get(f.master, `/${bucket}/drop/small.bin`)).equals(small)).toBe(true);
    expect((await get(f.master, `/${bucket}/drop/large.bin`)).equals(large)).toBe(true);
  });

  it('downloads cut mid-body continue where they broke off: bytes intact', async () => {
    const data = randomBytes(6 * MIN_PART + 11);
    await put(f.master, `/${bucket}/drop/down.bin`, data);
    f.emu.setFaults({ seed: 4, dropConnectionRate: 0.5, only: DOWNLOADS });
    for (let i = 0; i < 4; i++) expect(sha1(await get(f.master, `/${bucket}/drop/down.bin`))).toBe(sha1(data));
  });

  it('a stalled or dropped download is re-requested after the idle timeout: bytes intact', async () => {
    const p = await f.connect(f.emu.masterKeyId, f.emu.masterKey, { retry: { baseDelayMs: 1, idleTimeoutMs: 300 } });
    const data = randomBytes(4 * MIN_PART + 5);
    await put(p, `/${bucket}/drop/idle.bin`, data);
    f.emu.setFaults({ seed: 4, dropConnectionRate: 0.5, only: DOWNLOADS });
    for (let i = 0; i < 3; i++) expect((await get(p, `/${bucket}/drop/idle.bin`)).equals(data)).toBe(true);
  });
});

describe('secrets stay out of errors', () => {
  it('a refused library call (axios underneath) carries no header, token or key', async () => {
    const k = await f.master.keys.createKey({ keyName: 'nolist', capabilities: ['listBuckets', 'readFiles'] });
    const p = await f.connect(k.applicationKeyId, k.applicationKey);
    const err = await collect(p.list(`/${bucket}`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).missing).toEqual(['listFiles']);
    const text = inspect(err, { depth: 20, showHidden: true });
    expect(text).not.toMatch(/authorization|headers|config/i);
    expect(text).not.toContain(k.applicationKey);
    expect(text).not.toContain(f.emu.masterKey);
  });
});
