/**
 * B2 provider: remove modes (hide, delete-version, all-versions), versions and unhide, server-side
 * copy through b2_copy_file and through b2_copy_part (small copy cutoff), across buckets, and
 * share links downloaded with plain fetch. All over HTTP against the built-in server.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, PermissionDeniedError } from '../../src/providers/errors.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import type { VersionEntry } from '../../src/providers/types.js';
import { MIN_PART, collect, startB2, type B2Fixture } from './b2/helpers.js';
import { sha1 } from '../support/hash.js';

let f: B2Fixture;
let a: { name: string; id: string };
let b: { name: string; id: string };

const put = (p: B2Provider, path: string, data: Buffer | string, extra: { mtimeMs?: number; sha1?: string } = {}) => {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return p.write(path, Readable.from([buf], { objectMode: false }), {
    size: buf.length,
    overwrite: true,
    partSize: MIN_PART,
    ...extra,
  });
};
const get = async (p: B2Provider, path: string, fileId?: string): Promise<Buffer> => {
  const h = await p.openRead(path, { fileId });
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
};
const versions = async (path: string): Promise<VersionEntry[]> => (await collect(f.master.versions(path))).flat();

beforeAll(async () => {
  f = await startB2();
  a = await f.bucket('a');
  b = await f.bucket('b');
});
afterAll(() => f.close());

describe('remove modes, versions, unhide', () => {
  it('default = hide: reversible, the versions stay', async () => {
    const path = `/${a.name}/rm/hide.txt`;
    await put(f.master, path, 'one');
    await f.master.remove(path);
    await expect(f.master.stat(path)).rejects.toBeInstanceOf(NotFoundError);
    expect((await versions(path)).map((v) => [v.action, v.isLatest])).toEqual([
      ['hide', true],
      ['upload', false],
    ]);
    await f.master.unhide(path);
    expect((await get(f.master, path)).toString()).toBe('one');
    expect((await versions(path)).map((v) => v.action)).toEqual(['upload']);
  });

  it('delete-version removes the newest version, so the previous one shows again', async () => {
    const path = `/${a.name}/rm/dv.txt`;
    await put(f.master, path, 'old');
    await put(f.master, path, 'new');
    await f.master.remove(path, { mode: 'delete-version' });
    expect((await get(f.master, path)).toString()).toBe('old');
    expect((await versions(path)).length).toBe(1);
  });

  it('delete-version with a fileId removes exactly that version', async () => {
    const path = `/${a.name}/rm/dvid.txt`;
    await put(f.master, path, 'v1');
    await put(f.master, path, 'v2');
    await put(f.master, path, 'v3');
    const [, middle] = await versions(path);
    await f.master.remove(path, { mode: 'delete-version', fileId: middle?.fileId });
    const left = await versions(path);
    expect(await Promise.all(left.map(async (v) => (await get(f.master, path, v.fileId)).toString()))).toEqual([
      'v3',
      'v1',
    ]);
  });

  it('all-versions removes every version, hide markers included', async () => {
    const path = `/${a.name}/rm/all.txt`;
    await put(f.master, path, '1');
    await put(f.master, path, '2');
    await f.master.remove(path, { mode: 'hide' });
    await f.master.remove(path, { mode: 'all-versions' });
    await expect(collect(f.master.versions(path))).rejects.toBeInstanceOf(NotFoundError);
    await expect(f.master.remove(path, { mode: 'all-versions' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a key without deleteFiles may hide but not delete, and the error names the capability', async () => {
    const k = await f.master.keys.createKey({
      keyName: 'nodelete',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
    });
    const p = await f.connect(k.applicationKeyId, k.applicationKey);
    const path = `/${a.name}/rm/nodelete.txt`;
    await put(f.master, path, 'x');
    const err = await p.remove(path, { mode: 'delete-version' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as PermissionDeniedError).missing).toEqual(['deleteFiles']);
    expect((err as Error).message).toMatch(/deleteFiles/);
    await p.remove(path, { mode: 'hide' });
    await expect(p.stat(path)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('server-side copy', () => {
  it('b2_copy_file across buckets keeps bytes, content type and mtime', async () => {
    await put(f.master, `/${a.name}/cp/src.json`, '{"a":1}', { mtimeMs: 1_111_111_111_111 });
    const e = await f.master.copy(`/${a.name}/cp/src.json`, `/${b.name}/copied/dst.json`);
    expect(e).toMatchObject({
      kind: 'file',
      size: 7,
      path: `/${b.name}/copied/dst.json`,
      contentType: 'application/json',
      mtimeMs: 1_111_111_111_111,
    });
    expect((await get(f.master, `/${b.name}/copied/dst.json`)).toString()).toBe('{"a":1}');
  });

  it('copy_part above the copy cutoff: parallel ranges, whole-file SHA1 kept', async () => {
    const p = await f.connect(f.emu.masterKeyId, f.emu.masterKey, {
      copyCutoff: 100_000,
      partSize: MIN_PART,
      partConcurrency: 3,
    });
    const data = randomBytes(5 * MIN_PART + 77);
    await put(p, `/${a.name}/cp/big.bin`, data, { sha1: sha1(data) });
    const e = await p.copy(`/${a.name}/cp/big.bin`, `/${b.name}/cp/big-copy.bin`);
    const info = (
      await f.raw<{ contentSha1: string; fileInfo: Record<string, string> }>('b2_get_file_info', { fileId: e.fileId })
    ).json;
    expect(info.contentSha1).toBe('none'); // assembled by b2_copy_part, not b2_copy_file
    expect(info.fileInfo.large_file_sha1).toBe(sha1(data));
    const h = await p.openRead(`/${b.name}/cp/big-copy.bin`);
    expect(h.sha1).toBe(sha1(data));
    const chunks: Buffer[] = [];
    for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('copy_part of a small (single-call) source sets large_file_sha1 from its SHA1', async () => {
    const p = await f.connect(f.emu.masterKeyId, f.emu.masterKey, { copyCutoff: 1_000, partSize: MIN_PART });
    const data = randomBytes(2 * MIN_PART + 3);
    await f.master.write(`/${a.name}/cp/single.bin`, Readable.from([data], { objectMode: false }), {
      size: data.length,
      overwrite: true,
      partSize: 4 * MIN_PART,
    });
    const e = await p.copy(`/${a.name}/cp/single.bin`, `/${a.name}/cp/single-copy.bin`);
    expect(e.sha1).toBe(sha1(data));
    expect((await get(p, `/${a.name}/cp/single-copy.bin`)).equals(data)).toBe(true);
  });
});

describe('share links', () => {
  it('download without credentials through the link, only for that name', async () => {
    const path = `/${a.name}/share/report 2024+final.txt`;
    await put(f.master, path, 'shared text');
    await put(f.master, `/${a.name}/share/other.txt`, 'private');
    const link = await f.master.shareLink(path, { lifetimeSeconds: 3600 });
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('shared text');
    const token = new URL(link).searchParams.get('Authorization') ?? '';
    const other = await fetch(
      `${new URL(link).origin}/file/${a.name}/share/other.txt?Authorization=${encodeURIComponent(token)}`,
    );
    expect(other.status).toBe(401);
    await expect(f.master.shareLink(path, { lifetimeSeconds: 604_801 })).rejects.toBeInstanceOf(RangeError);
  });
});
