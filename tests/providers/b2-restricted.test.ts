/**
 * B2 provider with the demo account's restricted keys (read-only, write-only, no-delete, prefix):
 * what works, and typed refusals naming the missing capability or prefix — over HTTP.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, DEMO_PREFIX_KEY_PREFIX } from '../../src/emulator/index.js';
import { PermissionDeniedError } from '../../src/providers/errors.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import { collect, MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
const demo = async (name: string): Promise<B2Provider> => {
  const k = f.emu.demoKeys.find((d) => d.name === name);
  if (k === undefined) throw new Error(name);
  return f.connect(k.applicationKeyId, k.applicationKey);
};
const put = (p: B2Provider, path: string, text: string) =>
  p.write(path, Readable.from([Buffer.from(text)]), { size: text.length, overwrite: true });
const get = async (p: B2Provider, path: string): Promise<string> => {
  const h = await p.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString();
};
const denied = async (p: Promise<unknown>): Promise<string[]> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PermissionDeniedError);
  return (e as PermissionDeniedError).missing;
};
const photos = `/${DEMO_BUCKETS.photos}`;

beforeAll(async () => {
  f = await startB2({ demo: true });
});
afterAll(() => f.close());

describe('restricted keys', () => {
  it('read-only: lists and reads; writing is refused before a byte is sent', async () => {
    const p = await demo('read-only');
    await put(f.master, `${photos}/ro/readme.txt`, 'readable');
    expect(await get(p, `${photos}/ro/readme.txt`)).toBe('readable');
    let pulled = false;
    const source = new Readable({
      read() {
        pulled = true;
        this.push(null);
      },
    });
    expect(await denied(p.write(`${photos}/ro/new.txt`, source, { size: 0 }))).toEqual(['writeFiles']);
    expect(pulled).toBe(false);
    expect(await denied(p.remove(`${photos}/ro/readme.txt`, { mode: 'delete-version' }))).toEqual(['deleteFiles']);
  });

  it('write-only: uploads and makes folders, but cannot list or read', async () => {
    const p = await demo('write-only');
    await put(p, `${photos}/wo/dropped.txt`, 'dropped off');
    await p.mkdir(`${photos}/wo/box`);
    expect(await get(f.master, `${photos}/wo/dropped.txt`)).toBe('dropped off');
    expect((await f.master.stat(`${photos}/wo/box`)).kind).toBe('dir');
    expect(await denied(collect(p.list(`${photos}/wo`)))).toEqual(['listFiles']);
    expect(await denied(p.openRead(`${photos}/wo/dropped.txt`))).toEqual(['readFiles']);
  });

  it('write-only: a large upload asked to resume goes up afresh (B2 lets it; only the look for parts needs listFiles)', async () => {
    const p = await demo('write-only');
    const data = Buffer.alloc(5 * MIN_PART + 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 0xff;
    const options = { size: data.length, partSize: MIN_PART, resume: true };
    // From a stream (write.ts) and from a source read by range (upload-from-source.ts).
    await p.write(`${photos}/wo/large-a.bin`, Readable.from([data]), options);
    await p.write(`${photos}/wo/large-b.bin`, Readable.from([data]), {
      ...options,
      reopen: (range) => Promise.resolve(Readable.from([data.subarray(range.start, range.end + 1)])),
    });
    for (const name of ['large-a.bin', 'large-b.bin']) {
      const h = await f.master.openRead(`${photos}/wo/${name}`);
      const chunks: Buffer[] = [];
      for await (const c of h.stream as AsyncIterable<Buffer>) chunks.push(c);
      expect(Buffer.concat(chunks).equals(data)).toBe(true);
    }
  });

  it('no-delete: hides but cannot delete versions; can share', async () => {
    const p = await demo('no-delete');
    await put(p, `${photos}/nd/a.txt`, 'a');
    expect(await denied(p.remove(`${photos}/nd/a.txt`, { mode: 'all-versions' }))).toEqual(['deleteFiles']);
    await p.remove(`${photos}/nd/a.txt`);
    expect((await collect(f.master.versions(`${photos}/nd/a.txt`))).flat().map((v) => v.action)).toEqual([
      'hide',
      'upload',
    ]);
    await put(p, `${photos}/nd/b.txt`, 'b');
    expect((await fetch(await p.shareLink(`${photos}/nd/b.txt`, { lifetimeSeconds: 60 }))).status).toBe(200);
  });

  it('prefix key: works inside its prefix, refused outside with the prefix named', async () => {
    const p = await demo('prefix');
    await put(p, `${photos}/${DEMO_PREFIX_KEY_PREFIX}mine.txt`, 'inside');
    expect(await get(p, `${photos}/${DEMO_PREFIX_KEY_PREFIX}mine.txt`)).toBe('inside');
    expect(await denied(put(p, `${photos}/elsewhere.txt`, 'outside'))).toEqual([`prefix:${DEMO_PREFIX_KEY_PREFIX}`]);
    await put(f.master, `${photos}/outside.txt`, 'x');
    expect(await denied(p.openRead(`${photos}/outside.txt`))).toEqual([`prefix:${DEMO_PREFIX_KEY_PREFIX}`]);
    expect(await denied(p.copy(`${photos}/${DEMO_PREFIX_KEY_PREFIX}mine.txt`, `${photos}/copied.txt`))).toEqual([
      `prefix:${DEMO_PREFIX_KEY_PREFIX}`,
    ]);
    const unfinished = await p.unfinishedUploads(photos);
    expect(unfinished.every((u) => u.path.startsWith(`${photos}/${DEMO_PREFIX_KEY_PREFIX}`))).toBe(true);
  });
});

describe('completion listings (startsWith) with a name-prefix key', () => {
  it('a key prefix ending inside the folder narrows with the typed start, and outside it lists nothing', async () => {
    const photosId = (await f.master.stat(photos)).bucketId ?? '';
    const k = await f.master.keys.createKey({
      keyName: 'list-prefix-20',
      capabilities: ['listFiles', 'readFiles'],
      bucketIds: [photosId],
      namePrefix: 'years/20',
    });
    const p = await f.connect(k.applicationKeyId, k.applicationKey);
    for (const name of ['years/2019.txt', 'years/2024.txt', 'years/2025.txt', 'years/1999.txt'])
      await put(f.master, `${photos}/${name}`, name);
    const names = async (startsWith: string): Promise<string[]> =>
      (await collect(p.list(`${photos}/years/`, { startsWith })))
        .flat()
        .map((e) => e.name)
        .sort();
    expect(await names('2')).toEqual(['2019.txt', '2024.txt', '2025.txt']);
    expect(await names('202')).toEqual(['2024.txt', '2025.txt']);
    // Asking B2 for "years/1" would be refused for this key: nothing it may see starts so.
    expect(await names('1')).toEqual([]);
  });
});

describe('bodyless refusals (HEAD)', () => {
  it('a read-only prefix key checking a name outside its prefix gets PermissionDeniedError, not AuthError', async () => {
    const photosId = (await f.master.stat(photos)).bucketId ?? '';
    const k = await f.master.keys.createKey({
      keyName: 'readonly-prefix',
      capabilities: ['readFiles'],
      bucketIds: [photosId],
      namePrefix: 'photos/',
    });
    const p = await f.connect(k.applicationKeyId, k.applicationKey);
    await put(f.master, `${photos}/photos/in.txt`, 'in');
    expect((await p.stat(`${photos}/photos/in.txt`)).size).toBe(2);
    expect(await denied(p.stat(`${photos}/outside-head.txt`))).toEqual(['prefix:photos/']);
  });
});
