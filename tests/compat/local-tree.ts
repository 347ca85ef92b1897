/** Local source trees for the rclone suite: real files in a temp dir, with known bytes and mtimes. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha1 } from '../support/hash.js';

export { sha1 };

/** A file of the tree: relative path (with `/`), bytes, mtime. */
export interface TreeFile {
  path: string;
  data: Buffer;
  mtime: Date;
}

/**
 * A fixed mtime with a millisecond part that is exact in binary (….250), so the float seconds
 * that utimes takes round-trip to the same millisecond that rclone stores in
 * src_last_modified_millis.
 */
export function fixedMtime(offsetSeconds = 0): Date {
  return new Date(Date.UTC(2021, 4, 6, 7, 8, 9, 250) + offsetSeconds * 1000);
}

/** Writes `files` under `root` (creating folders) and sets each mtime. */
export async function writeTree(root: string, files: TreeFile[]): Promise<void> {
  for (const f of files) {
    const full = join(root, ...f.path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, f.data);
    await utimes(full, f.mtime, f.mtime);
  }
}

/** Random bytes of `size`. */
export function randomData(size: number): Buffer {
  return randomBytes(size);
}

export function md5(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** Reads a file of a tree back. */
export function readTreeFile(root: string, path: string): Promise<Buffer> {
  return readFile(join(root, ...path.split('/')));
}

/**
 * Parses `rclone md5sum`/`sha1sum` output (`HASH  path` per line) into a map path → hash.
 */
export function parseHashSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]*)\s+(.+)$/.exec(line);
    if (m?.[2] !== undefined) out.set(m[2], m[1] ?? '');
  }
  return out;
}
