/**
 * cancelUnfinishedUpload against the built-in B2 server over real HTTP: it discards only the
 * unfinished large files b2c started (fileInfo b2c_size / b2c_part_size) under exactly the given
 * name; other names (even ones it prefixes) and other tools' uploads stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidNameError } from '../../src/providers/errors.js';
import { MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
beforeAll(async () => {
  f = await startB2();
});
afterAll(async () => {
  await f.close();
});

const OURS = { b2c_size: String(3 * MIN_PART), b2c_part_size: String(MIN_PART), src_last_modified_millis: '1000' };

async function start(bucketId: string, fileName: string, fileInfo: Record<string, string>): Promise<string> {
  const r = await f.raw<{ fileId: string }>('b2_start_large_file', {
    bucketId,
    fileName,
    contentType: 'application/octet-stream',
    fileInfo,
  });
  expect(r.status).toBe(200);
  return r.json.fileId;
}

async function unfinishedNames(bucketId: string): Promise<string[]> {
  const r = await f.raw<{ files: Array<{ fileName: string; fileId: string }> }>('b2_list_unfinished_large_files', {
    bucketId,
  });
  return r.json.files.map((x) => x.fileName).sort();
}

describe('B2Provider.cancelUnfinishedUpload', () => {
  it('cancels every b2c upload of exactly that name and nothing else', async () => {
    const b = await f.bucket('cancel');
    await start(b.id, 'dir/a.bin', OURS);
    await start(b.id, 'dir/a.bin', { ...OURS, b2c_part_size: String(2 * MIN_PART) });
    await start(b.id, 'dir/a.bin', { src_last_modified_millis: '1000' }); // another tool's upload
    await start(b.id, 'dir/a.bin.part2', OURS); // a longer name that starts with it
    await start(b.id, 'dir/b.bin', OURS);

    expect(await f.master.cancelUnfinishedUpload(`/${b.name}/dir/a.bin`)).toBe(2);

    expect(await unfinishedNames(b.id)).toEqual(['dir/a.bin', 'dir/a.bin.part2', 'dir/b.bin']);
    const left = await f.master.unfinishedUploads(`/${b.name}/dir`);
    const mine = left.filter((u) => u.path === `/${b.name}/dir/a.bin`);
    // Only the one without b2c's fileInfo is left under that name.
    expect(mine.map((u) => u.partSize)).toEqual([null]);
  });

  it('returns 0 when there is nothing to cancel', async () => {
    const b = await f.bucket('none');
    await start(b.id, 'x.bin', OURS);
    expect(await f.master.cancelUnfinishedUpload(`/${b.name}/y.bin`)).toBe(0);
    expect(await unfinishedNames(b.id)).toEqual(['x.bin']);
  });

  it('refuses a path that is not a file, and takes a name ending in "/" as the exact name it is', async () => {
    const b = await f.bucket('bad');
    await expect(f.master.cancelUnfinishedUpload(`/${b.name}`)).rejects.toBeInstanceOf(InvalidNameError);
    // `dir/` is a valid B2 file name (names are exact): only the upload of exactly that name goes.
    await start(b.id, 'dir/x.bin', OURS);
    await start(b.id, 'dir/', OURS);
    expect(await f.master.cancelUnfinishedUpload(`/${b.name}/dir/`)).toBe(1);
    expect(await unfinishedNames(b.id)).toEqual(['dir/x.bin']);
  });
});
