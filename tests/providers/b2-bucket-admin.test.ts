/**
 * Bucket administration on the B2 provider against the built-in server: the rules for a new
 * bucket's name (src/state/model/bucket-name.ts) agree with what the server accepts, name by
 * name, and setBucketType changes the type and what the provider then knows of it.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/providers/errors.js';
import { bucketNameProblem } from '../../src/state/model/bucket-name.js';
import { useTestServer } from '../support/server.js';

const server = useTestServer({}, { noRefusals: true });

/** Names at and around every edge of the rules; the suffix keeps them unique in the run. */
const CANDIDATES = [
  'abcde',
  'abcdef',
  'a'.repeat(63),
  'a'.repeat(64),
  'B2-upper',
  'b2-lower',
  'b2x-fine',
  'xb2-fine',
  'has space',
  'under_score',
  'dot.name',
  'UPPER-CASE-9',
  '-leading-hyphen',
  'trailing-hyphen-',
  'ünïcode-name',
  '123456',
];

describe('bucket names: the rules and the server agree', () => {
  it('accepts exactly the names the server creates', async () => {
    const s = server();
    const master = await s.connect();
    const disagreements: string[] = [];
    for (const name of CANDIDATES) {
      const rule = bucketNameProblem(name) === null;
      const created = await master.createBucket(name).then(
        () => true,
        (e: unknown) => {
          if (!(e instanceof ConflictError)) throw e;
          return false;
        },
      );
      if (created) await master.deleteBucket(name);
      if (rule !== created)
        disagreements.push(`${name}: rule ${rule ? 'accepts' : 'refuses'}, server ${created ? 'creates' : 'refuses'}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('setBucketType', () => {
  it('makes a bucket public and private again, as the server then reports', async () => {
    const s = server();
    const master = await s.connect();
    const { name } = await s.createBucket('typed');
    expect(master.knownBucketType(name)).toBeUndefined();
    await master.setBucketType(name, 'allPublic');
    expect(master.knownBucketType(name)).toBe('allPublic');
    const seen = await s.api<{ buckets: Array<{ bucketType: string }> }>('b2_list_buckets', {
      accountId: s.emu.accountId,
      bucketName: name,
    });
    expect(seen.buckets[0]?.bucketType).toBe('allPublic');
    await master.setBucketType(name, 'allPrivate');
    const again = await s.api<{ buckets: Array<{ bucketType: string }> }>('b2_list_buckets', {
      accountId: s.emu.accountId,
      bucketName: name,
    });
    expect(again.buckets[0]?.bucketType).toBe('allPrivate');
  });
});
