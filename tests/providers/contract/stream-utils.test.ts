/** The shared stream helpers used by every provider (src/providers/stream-utils.ts). */
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError } from '../../../src/providers/errors.js';
import {
  HashingCounter,
  VerifyingStream,
  destroyOnAbort,
  sha1Hex,
  throwIfAborted,
} from '../../../src/providers/stream-utils.js';
import { randomData, readAll, sourceOf } from './helpers.js';
import { sha1 } from '../../support/hash.js';

describe('HashingCounter', () => {
  it('passes bytes through unchanged while counting and hashing them', async () => {
    const data = randomData(300_001);
    const seen: number[] = [];
    const counter = new HashingCounter({ onBytes: (n) => seen.push(n) });
    const out = await readAll(sourceOf(data).pipe(counter));
    expect(out.equals(data)).toBe(true);
    expect(counter.bytes).toBe(data.length);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(data.length);
    expect(counter.sha1Hex()).toBe(sha1(data));
    expect(counter.sha1Hex()).toBe(sha1(data)); // stable on a second call
  });

  it('counts only when sha1 is off', () => {
    const c = new HashingCounter({ sha1: false });
    c.update(Buffer.from('abc'));
    expect(c.bytes).toBe(3);
    expect(() => c.sha1Hex()).toThrow();
  });
});

describe('VerifyingStream', () => {
  const verify = async (data: Buffer, expect_: ConstructorParameters<typeof VerifyingStream>[0]): Promise<Buffer> =>
    readAll(sourceOf(data).pipe(new VerifyingStream(expect_)));

  it('lets matching data through', async () => {
    const data = randomData(100_000);
    expect((await verify(data, { size: data.length, sha1: sha1(data).toUpperCase() })).equals(data)).toBe(true);
  });

  it('too few bytes → IntegrityError at the end, naming the path', async () => {
    await expect(verify(randomData(10), { size: 11, path: '/b/f' })).rejects.toThrow(IntegrityError);
    await expect(verify(randomData(10), { size: 11, path: '/b/f' })).rejects.toThrow('/b/f');
  });

  it('too many bytes → IntegrityError before the excess is passed on', async () => {
    const v = new VerifyingStream({ size: 5 });
    const got: Buffer[] = [];
    v.on('data', (c: Buffer) => got.push(c));
    await expect(
      pipeline(Readable.from([Buffer.from('abc'), Buffer.from('defg')], { objectMode: false }), v),
    ).rejects.toThrow(IntegrityError);
    expect(Buffer.concat(got).toString()).toBe('abc');
  });

  it('a wrong SHA1 → IntegrityError', async () => {
    await expect(verify(Buffer.from('data'), { sha1: sha1(Buffer.from('other')) })).rejects.toThrow(IntegrityError);
  });
});

describe('cancellation helpers', () => {
  it('destroyOnAbort makes a stalled stream reject with CancelledError', async () => {
    const stalled = new PassThrough();
    stalled.write('first');
    const ac = new AbortController();
    const detach = destroyOnAbort(stalled, ac.signal, '/x');
    const reading = readAll(stalled);
    ac.abort();
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    detach();
  });

  it('an already aborted signal destroys at once, without an unhandled error', () => {
    const s = new PassThrough();
    const ac = new AbortController();
    ac.abort();
    destroyOnAbort(s, ac.signal, '/x');
    expect(s.destroyed).toBe(true);
    expect(s.errored).toBeInstanceOf(CancelledError);
  });

  it('throwIfAborted throws CancelledError only when aborted', () => {
    const ac = new AbortController();
    expect(() => throwIfAborted(ac.signal, '/p')).not.toThrow();
    expect(() => throwIfAborted(undefined)).not.toThrow();
    ac.abort();
    expect(() => throwIfAborted(ac.signal, '/p')).toThrow(CancelledError);
  });

  it('sha1Hex hashes buffers and strings', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex(Buffer.from('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
