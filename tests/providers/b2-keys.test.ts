/**
 * B2 provider account helpers over HTTP: application keys in v4 shapes (bucketIds) and buckets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  AuthError,
  NotEmptyError,
  NotFoundError,
  PermissionDeniedError,
} from '../../src/providers/errors.js';
import { Readable } from 'node:stream';
import { collect, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;

beforeAll(async () => {
  f = await startB2();
});
afterAll(() => f.close());

describe('keys', () => {
  it('create (multi-bucket, prefix, expiry), list without secrets, delete', async () => {
    const one = await f.bucket('k1');
    const two = await f.bucket('k2');
    const made = await f.master.keys.createKey({
      keyName: 'two-buckets',
      capabilities: ['listBuckets', 'listFiles', 'readFiles'],
      bucketIds: [one.id, two.id],
      namePrefix: 'docs/',
      validDurationInSeconds: 3600,
    });
    expect(made.applicationKey.length).toBeGreaterThan(10);
    expect(made).toMatchObject({ keyName: 'two-buckets', bucketIds: [one.id, two.id], namePrefix: 'docs/' });
    expect(made.expiresAt).toBeGreaterThan(Date.now());

    const listed = (await f.master.keys.listKeys()).find((k) => k.applicationKeyId === made.applicationKeyId);
    expect(listed).toMatchObject({ keyName: 'two-buckets', bucketIds: [one.id, two.id], namePrefix: 'docs/' });
    expect(JSON.stringify(await f.master.keys.listKeys())).not.toContain(made.applicationKey);

    const p = await f.connect(made.applicationKeyId, made.applicationKey);
    expect(p.keyInfo.buckets?.map((b) => b.name).sort()).toEqual([one.name, two.name].sort());
    expect(
      (await collect(p.list('/')))
        .flat()
        .map((e) => e.name)
        .sort(),
    ).toEqual([one.name, two.name].sort());

    const deleted = await f.master.keys.deleteKey(made.applicationKeyId);
    expect(deleted.applicationKeyId).toBe(made.applicationKeyId);
    expect((await f.master.keys.listKeys()).some((k) => k.applicationKeyId === made.applicationKeyId)).toBe(false);
    await expect(f.connect(made.applicationKeyId, made.applicationKey)).rejects.toBeInstanceOf(AuthError);
  });

  it('lists more keys than fit one page', async () => {
    const before = (await f.master.keys.listKeys()).length;
    for (let i = 0; i < 5; i++) await f.master.keys.createKey({ keyName: `bulk-${i}`, capabilities: ['listFiles'] });
    const paged = await f.master.keys.listKeys({ pageSize: 2 });
    expect(paged.length).toBe(before + 5);
    expect(new Set(paged.map((k) => k.applicationKeyId)).size).toBe(before + 5);
  });

  it('a key without writeKeys cannot create keys (PermissionDeniedError naming it)', async () => {
    const made = await f.master.keys.createKey({ keyName: 'weak', capabilities: ['listBuckets', 'listFiles'] });
    const p = await f.connect(made.applicationKeyId, made.applicationKey);
    const err = await p.keys.createKey({ keyName: 'nope', capabilities: ['listFiles'] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).missing).toEqual(['writeKeys']);
  });
});

describe('buckets', () => {
  it('create, refuse a duplicate, refuse deleting a non-empty bucket, delete an empty one', async () => {
    const name = `t-bk-${Date.now().toString(36)}`;
    const ref = await f.master.createBucket(name, 'allPublic');
    expect(ref).toMatchObject({ name, type: 'allPublic' });
    expect((await collect(f.master.list('/'))).flat().find((e) => e.name === name)?.bucketType).toBe('allPublic');
    await expect(f.master.createBucket(name)).rejects.toBeInstanceOf(AlreadyExistsError);
    await f.master.write(`/${name}/f.txt`, Readable.from([Buffer.from('x')]), { size: 1 });
    await expect(f.master.deleteBucket(name)).rejects.toBeInstanceOf(NotEmptyError);
    await f.master.remove(`/${name}/f.txt`, { mode: 'all-versions' });
    await f.master.deleteBucket(name);
    expect((await collect(f.master.list('/'))).flat().some((e) => e.name === name)).toBe(false);
    await expect(f.master.stat(`/${name}`)).rejects.toBeInstanceOf(NotFoundError);
  });
});
