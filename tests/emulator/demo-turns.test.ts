/**
 * The demo seed's large file (5.5 MB) is made, hashed and stored a megabyte at a time with a turn
 * of the event loop between the pieces (src/emulator/demo/), so that the demo server answers the
 * file manager's sign-in and bucket list while it seeds: the pieces must give the same bytes and
 * records as doing it in one go.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoBytes, demoBytesInTurns } from '../../src/emulator/demo/demo-files.js';
import { putPartRecord } from '../../src/emulator/demo/store-write.js';
import { MemoryBlobStore } from '../../src/emulator/store/blob-store.js';
import type { Store } from '../../src/emulator/store/store.js';

const MB = 1024 * 1024;

describe('the demo seed in turns', () => {
  it('makes the same bytes as demoBytes, with a turn after each megabyte', async () => {
    let turns = 0;
    const size = 5 * MB + 12_345;
    const bytes = await demoBytesInTurns('turns-test', size, () => {
      turns++;
      return Promise.resolve();
    });
    expect(turns).toBe(5);
    expect(bytes.equals(demoBytes('turns-test', size))).toBe(true);
  });

  it('stores and hashes a part a megabyte at a time', async () => {
    const blobs = new MemoryBlobStore();
    const committed: unknown[] = [];
    const store = {
      blobs,
      commit: (op: unknown) => Promise.resolve(void committed.push(op)),
    } as unknown as Store;
    const data = demoBytes('part-test', 3 * MB + 7);
    let turns = 0;
    const sha1 = await putPartRecord(store, 'file-1', 1, data, () => {
      turns++;
      return Promise.resolve();
    });
    expect(turns).toBe(3);
    expect(sha1).toBe(createHash('sha1').update(data).digest('hex'));
    const part = (committed[0] as { v: { contentMd5: string; segments: { blobId: string; length: number }[] } }).v;
    expect(part.contentMd5).toBe(createHash('md5').update(data).digest('hex'));
    const chunks: Buffer[] = [];
    for await (const c of blobs.read(part.segments[0]?.blobId ?? '', 0, data.length)) chunks.push(c);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });
});
