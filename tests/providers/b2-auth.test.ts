/**
 * B2 provider: v4 authorization with every demo key kind, KeyInfo normalisation, typed auth
 * errors without secrets, and bucket listing for restricted keys (built-in server over HTTP).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, DEMO_PREFIX_KEY_PREFIX, type DemoKey } from '../../src/emulator/index.js';
import { AuthError, PermissionDeniedError, UnreachableError } from '../../src/providers/errors.js';
import { b2HomePath, connectB2 } from '../../src/providers/b2/index.js';
import { FAST_RETRY, collect, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
const key = (name: string): DemoKey => {
  const k = f.emu.demoKeys.find((d) => d.name === name);
  if (k === undefined) throw new Error(`no demo key ${name}`);
  return k;
};
const connectDemo = (name: string) => f.connect(key(name).applicationKeyId, key(name).applicationKey);
const rootNames = async (name: string): Promise<string[]> =>
  (await collect((await connectDemo(name)).list('/')))
    .flat()
    .map((e) => e.name)
    .sort();

beforeAll(async () => {
  f = await startB2({ demo: true });
});
afterAll(() => f.close());

describe('v4 authorize with every demo key kind', () => {
  it('master key: unrestricted, isMaster, accountId from the response', () => {
    const info = f.master.keyInfo;
    expect(info).toMatchObject({
      accountId: f.emu.accountId,
      applicationKeyId: f.emu.masterKeyId,
      isMaster: true,
      buckets: null,
      namePrefix: null,
      expiresAt: null,
    });
    expect(info.capabilities).toEqual(
      expect.arrayContaining(['listKeys', 'writeKeys', 'deleteKeys', 'listBuckets', 'writeFiles']),
    );
  });

  it('the account ID also works as the master key ID', async () => {
    const p = await f.connect(f.emu.accountId, f.emu.masterKey);
    expect(p.keyInfo).toMatchObject({ isMaster: true, accountId: f.emu.accountId });
  });

  it('read-only, no-delete and write-only keys carry their capabilities and are not master', async () => {
    for (const name of ['read-only', 'no-delete', 'write-only']) {
      const p = await connectDemo(name);
      expect(p.keyInfo).toMatchObject({
        isMaster: false,
        buckets: null,
        namePrefix: null,
        accountId: f.emu.accountId,
        applicationKeyId: key(name).applicationKeyId,
      });
      expect([...p.keyInfo.capabilities].sort()).toEqual([...key(name).capabilities].sort());
    }
  });

  it('prefix key: one bucket, its name prefix, home inside the prefix', async () => {
    const p = await connectDemo('prefix');
    expect(p.keyInfo.buckets?.map((b) => b.name)).toEqual([DEMO_BUCKETS.photos]);
    expect(p.keyInfo.namePrefix).toBe(DEMO_PREFIX_KEY_PREFIX);
    expect(b2HomePath(p.keyInfo)).toBe(`/${DEMO_BUCKETS.photos}/photos`);
  });

  it('multi-bucket key authorizes (it would be refused on v2, which backblaze-b2 hard-codes)', async () => {
    const p = await connectDemo('multi-bucket');
    expect(p.keyInfo.buckets?.map((b) => b.name).sort()).toEqual([DEMO_BUCKETS.photos, DEMO_BUCKETS.public].sort());
    const basic = Buffer.from(`${key('multi-bucket').applicationKeyId}:${key('multi-bucket').applicationKey}`).toString(
      'base64',
    );
    const v2 = await fetch(`${f.emu.endpoint}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(v2.status).toBe(400);
  });

  it('expired key → AuthError saying it expired', async () => {
    const err = await connectDemo('expired').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toMatch(/expired/i);
  });

  it('wrong secret and unknown key ID → AuthError, and the secret appears nowhere in the error', async () => {
    const secret = `K${'z'.repeat(30)}`;
    for (const keyId of [f.emu.masterKeyId, '000000000000000000000dead']) {
      const err = await f.connect(keyId, secret).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AuthError);
      expect(inspect(err, { depth: 10 })).not.toContain(secret);
      expect(inspect(err, { depth: 10 })).not.toContain(Buffer.from(`${keyId}:${secret}`).toString('base64'));
    }
  });

  it('an endpoint nobody listens on → UnreachableError', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    const err = await connectB2({
      applicationKeyId: 'x',
      applicationKey: 'y',
      endpoint: `http://127.0.0.1:${port}`,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreachableError);
  });
});

describe('buckets at /', () => {
  it('master key lists every bucket with its type', async () => {
    const rows = (await collect(f.master.list('/'))).flat();
    expect(rows.map((r) => r.name).sort()).toEqual(Object.values(DEMO_BUCKETS).sort());
    expect(rows.every((r) => r.kind === 'bucket' && r.bucketId !== undefined)).toBe(true);
    expect(rows.find((r) => r.name === DEMO_BUCKETS.public)?.bucketType).toBe('allPublic');
  });

  it('restricted keys list their allowed buckets without an unfiltered b2_list_buckets', async () => {
    // The unfiltered call is refused for a restricted key (so a provider that made it would fail):
    const k = key('multi-bucket');
    const basic = Buffer.from(`${k.applicationKeyId}:${k.applicationKey}`).toString('base64');
    const auth = (await (
      await fetch(`${f.emu.endpoint}/b2api/v4/b2_authorize_account`, { headers: { Authorization: `Basic ${basic}` } })
    ).json()) as {
      accountId: string;
      authorizationToken: string;
      apiInfo: { storageApi: { apiUrl: string } };
    };
    const unfiltered = await fetch(`${auth.apiInfo.storageApi.apiUrl}/b2api/v4/b2_list_buckets`, {
      method: 'POST',
      headers: { Authorization: auth.authorizationToken },
      body: JSON.stringify({ accountId: auth.accountId }),
    });
    expect(unfiltered.status).toBe(401);
    expect(await rootNames('multi-bucket')).toEqual([DEMO_BUCKETS.photos, DEMO_BUCKETS.public].sort());
    expect(await rootNames('prefix')).toEqual([DEMO_BUCKETS.photos]);
    const rows = (await collect((await connectDemo('multi-bucket')).list('/'))).flat();
    expect(rows.find((r) => r.name === DEMO_BUCKETS.public)?.bucketType).toBe('allPublic');
  });

  it('a bucket outside a restricted key → PermissionDeniedError naming the bucket', async () => {
    const p = await connectDemo('prefix');
    const err = await collect(p.list(`/${DEMO_BUCKETS.backups}`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).missing).toEqual([`bucket:${DEMO_BUCKETS.backups}`]);
  });

  it('a key without listBuckets still works when given a bucket name (allowed buckets or knownBuckets)', async () => {
    const made = await f.master.keys.createKey({
      keyName: 'nolistbuckets',
      capabilities: ['listFiles', 'readFiles'],
      bucketIds: [(await f.master.stat(`/${DEMO_BUCKETS.photos}`)).bucketId ?? ''],
    });
    const p = await f.connect(made.applicationKeyId, made.applicationKey);
    expect((await collect(p.list(`/${DEMO_BUCKETS.photos}`))).flat().length).toBeGreaterThan(0);
    expect(await collect(p.list('/')).then((pages) => pages.flat().map((e) => e.name))).toEqual([DEMO_BUCKETS.photos]);

    const all = await f.master.keys.createKey({
      keyName: 'nolistbuckets-all',
      capabilities: ['listFiles', 'readFiles'],
    });
    const unrestricted = await f.connect(all.applicationKeyId, all.applicationKey);
    const err = await collect(unrestricted.list('/')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).missing).toEqual(['listBuckets']);
    const photosId = (await f.master.stat(`/${DEMO_BUCKETS.photos}`)).bucketId ?? '';
    const known = await f.connect(all.applicationKeyId, all.applicationKey, {
      knownBuckets: { [DEMO_BUCKETS.photos]: photosId },
    });
    expect((await collect(known.list(`/${DEMO_BUCKETS.photos}`))).flat().length).toBeGreaterThan(0);
  });

  it('a prefix key starts inside its prefix: folders above it show only the way down', async () => {
    const p = await connectDemo('prefix');
    const top = (await collect(p.list(`/${DEMO_BUCKETS.photos}`))).flat();
    expect(top.map((e) => [e.name, e.kind])).toEqual([['photos', 'dir']]);
    expect((await p.stat(`/${DEMO_BUCKETS.photos}/photos`)).kind).toBe('dir');
    const inside = (await collect(p.list(b2HomePath(p.keyInfo)))).flat();
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((e) => e.path.startsWith(`/${DEMO_BUCKETS.photos}/${DEMO_PREFIX_KEY_PREFIX}`))).toBe(true);
  });
});
