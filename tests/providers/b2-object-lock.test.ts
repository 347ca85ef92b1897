/**
 * The B2 provider reads each file's protection (docs/b2-api.md §4.7, §9, §10) into the entry:
 * encryption, retention and legal hold from listings, versions and b2_get_file_info, "unreadable"
 * for a key without readFileRetentions / readFileLegalHolds (never a guess), and its bucket's
 * defaults. Deleting a locked version through the provider is refused with the reason before any
 * version goes; a key with bypassGovernance deletes a governance-retained one only when asked.
 * Real HTTP against the built-in server.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockedError } from '../../src/providers/errors.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import type { Entry } from '../../src/providers/types.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DAY = 86_400_000;
const UNTIL = Date.UTC(2031, 0, 1);
let s: TestServer;
let master: B2Provider;
let locked: { name: string; id: string };

const retention = (mode: string, until = UNTIL) => ({
  'X-Bz-File-Retention-Mode': mode,
  'X-Bz-File-Retention-Retain-Until-Timestamp': String(until),
});

async function lockBucket(extra: object = {}): Promise<{ name: string; id: string }> {
  const b = await s.api<{ bucketName: string; bucketId: string }>('b2_create_bucket', {
    accountId: s.emu.accountId,
    bucketName: `lock-${randomBytes(4).toString('hex')}`,
    bucketType: 'allPrivate',
    fileLockEnabled: true,
    ...extra,
  });
  return { name: b.bucketName, id: b.bucketId };
}

/** A provider for a new key with `capabilities`. */
async function keyWith(server: TestServer, capabilities: string[]): Promise<B2Provider> {
  const k = await server.createKey(capabilities);
  return server.connect(k.applicationKeyId, k.applicationKey);
}

async function listed(p: B2Provider, bucket: string): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  for await (const page of p.list(`/${bucket}`)) for (const e of page) out.set(e.name, e);
  return out;
}

beforeAll(async () => {
  s = await startTestServer();
  master = await s.connect();
  locked = await lockBucket({
    defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    defaultRetention: { mode: 'governance', period: { duration: 7, unit: 'days' } },
  });
  await s.upload(locked.id, 'gov.txt', 'g', { headers: retention('governance') });
  await s.upload(locked.id, 'comp.txt', 'c', { headers: retention('compliance') });
  await s.upload(locked.id, 'hold.txt', 'h', { headers: { 'X-Bz-File-Legal-Hold': 'on' } });
  await s.upload(locked.id, 'default.txt', 'd');
});
afterAll(() => s.close());

describe('file protection facts', () => {
  it('a listing carries encryption (the bucket default applied), retention, legal hold and the bucket defaults', async () => {
    const rows = await listed(master, locked.name);
    expect(rows.get('gov.txt')).toMatchObject({
      encryption: { mode: 'SSE-B2', algorithm: 'AES256' },
      retention: { mode: 'governance', retainUntil: UNTIL },
      legalHold: false,
    });
    expect(rows.get('comp.txt')?.retention).toEqual({ mode: 'compliance', retainUntil: UNTIL });
    expect(rows.get('hold.txt')).toMatchObject({ legalHold: true });
    const d = rows.get('default.txt');
    expect(d?.retention).toMatchObject({ mode: 'governance' });
    const until = (d?.retention as { retainUntil: number } | undefined)?.retainUntil ?? 0;
    // Counted from the upload (the server reads its clock once more, so within a second).
    expect(Math.abs(until - (d?.uploadTimestamp ?? 0) - 7 * DAY)).toBeLessThan(1000);
    expect(d?.bucketSettings).toMatchObject({
      encryption: { mode: 'SSE-B2' },
      objectLock: { enabled: true, mode: 'governance', period: { duration: 7, unit: 'days' } },
    });
  });

  it('a file in a plain bucket: no encryption, no retention, no legal hold', async () => {
    const b = await s.createBucket('plain');
    await s.upload(b.id, 'x.txt', 'x');
    expect((await listed(master, b.name)).get('x.txt')).toMatchObject({
      encryption: { mode: 'none', algorithm: null },
      retention: null,
      legalHold: false,
    });
  });

  it('an SSE-C file says SSE-C (listing it needs no key)', async () => {
    const key = randomBytes(32);
    const md5 = (await import('node:crypto')).createHash('md5').update(key).digest('base64');
    await s.upload(locked.id, 'ssec.txt', 's', {
      headers: {
        'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
        'X-Bz-Server-Side-Encryption-Customer-Key': key.toString('base64'),
        'X-Bz-Server-Side-Encryption-Customer-Key-Md5': md5,
      },
    });
    expect((await listed(master, locked.name)).get('ssec.txt')?.encryption).toEqual({
      mode: 'SSE-C',
      algorithm: 'AES256',
    });
  });

  it('a key without readFileRetentions / readFileLegalHolds gets "unreadable", not "none"', async () => {
    const p = await keyWith(s, ['listBuckets', 'listFiles', 'readFiles']);
    expect((await listed(p, locked.name)).get('gov.txt')).toMatchObject({
      encryption: { mode: 'SSE-B2' },
      retention: 'unreadable',
      legalHold: 'unreadable',
    });
  });

  it('versions and stat by file ID (b2_get_file_info) carry the same facts', async () => {
    const versions: Entry[] = [];
    for await (const page of master.versions(`/${locked.name}/comp.txt`)) versions.push(...page);
    expect(versions[0]).toMatchObject({ retention: { mode: 'compliance', retainUntil: UNTIL }, legalHold: false });
    const fileId = (await listed(master, locked.name)).get('hold.txt')?.fileId;
    const e = await master.stat(`/${locked.name}/hold.txt`, { fileId });
    expect(e).toMatchObject({ legalHold: true, encryption: { mode: 'SSE-B2' } });
  });
});

describe('deleting locked versions through the provider', () => {
  it('compliance and legal hold: refused with the reason, the version stays', async () => {
    await expect(master.remove(`/${locked.name}/comp.txt`, { mode: 'delete-version' })).rejects.toThrow(
      /"\/lock-[0-9a-f]+\/comp\.txt" is retained until 2031-01-01 \(compliance\)/,
    );
    await expect(master.remove(`/${locked.name}/hold.txt`, { mode: 'all-versions' })).rejects.toThrow(/legal hold on/);
    const rows = await listed(master, locked.name);
    expect(rows.has('comp.txt') && rows.has('hold.txt')).toBe(true);
  });

  it('governance: a key without bypassGovernance is refused naming it; with it, only when asked', async () => {
    const noBypass = await keyWith(s, [
      'listBuckets',
      'listFiles',
      'readFiles',
      'deleteFiles',
      'readFileRetentions',
      'readFileLegalHolds',
    ]);
    const err = await noBypass.remove(`/${locked.name}/gov.txt`, { mode: 'delete-version' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedError);
    expect((err as LockedError).missing).toEqual(['bypassGovernance']);
    expect((err as Error).message).toContain('retained until 2031-01-01 (governance)');
    await expect(master.remove(`/${locked.name}/gov.txt`, { mode: 'delete-version' })).rejects.toThrow(
      /may bypass governance, but the deletion did not ask to/,
    );
    await master.remove(`/${locked.name}/gov.txt`, { mode: 'delete-version', bypassGovernance: true });
    expect((await listed(master, locked.name)).has('gov.txt')).toBe(false);
  });

  it('a version B2 refuses though the listing could not tell (no readFileRetentions): B2 says why', async () => {
    const blind = await keyWith(s, ['listBuckets', 'listFiles', 'deleteFiles']);
    await expect(blind.remove(`/${locked.name}/comp.txt`, { mode: 'delete-version' })).rejects.toThrow(
      /B2 said: .*retained until/,
    );
  });
});
