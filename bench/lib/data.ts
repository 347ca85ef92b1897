/**
 * Test data for the benchmarks: deterministic pseudo-random bytes (AES-128-CTR over zeros, so
 * generating 1 GiB is cheap and every part of the file differs: a swapped or repeated part changes
 * the SHA1), a big file, a tree of small files, and SHA1s of files and trees for verification.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Expected content of one file: bytes and hex SHA1. */
export interface FileFacts {
  size: number;
  sha1: string;
}

/** Relative POSIX path → facts. */
export type TreeFacts = Map<string, FileFacts>;

/** A byte generator seeded by `seed` (same seed, same bytes). */
export function byteStream(seed: string): (n: number) => Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32));
  return (n) => cipher.update(Buffer.alloc(n));
}

/** Writes `size` pseudo-random bytes to `path` in 4 MiB chunks; returns its facts. */
export async function makeBigFile(path: string, size: number, seed: string): Promise<FileFacts> {
  const next = byteStream(seed);
  const hash = createHash('sha1');
  const fh = await open(path, 'w');
  try {
    for (let left = size; left > 0;) {
      const chunk = next(Math.min(left, 4 * 1024 * 1024));
      hash.update(chunk);
      await fh.write(chunk);
      left -= chunk.length;
    }
  } finally {
    await fh.close();
  }
  return { size, sha1: hash.digest('hex') };
}

/**
 * Writes `count` files of 1–8 KiB under `dir`, 100 per sub-folder (`d000/f00000.bin`), so
 * recursion is exercised too. Returns their facts by relative path.
 */
export async function makeSmallTree(dir: string, count: number, seed: string): Promise<TreeFacts> {
  const next = byteStream(seed);
  const facts: TreeFacts = new Map();
  for (let i = 0; i < count; i++) {
    const folder = `d${String(Math.floor(i / 100)).padStart(3, '0')}`;
    if (i % 100 === 0) await mkdir(join(dir, folder), { recursive: true });
    const size = 1024 + (next(2).readUInt16LE(0) % (7 * 1024 + 1));
    const data = next(size);
    const rel = `${folder}/f${String(i).padStart(5, '0')}.bin`;
    await writeFile(join(dir, rel), data);
    facts.set(rel, { size, sha1: createHash('sha1').update(data).digest('hex') });
  }
  return facts;
}

/** Streams a file through SHA1. */
export async function hashFile(path: string): Promise<FileFacts> {
  const hash = createHash('sha1');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const buf = chunk as Buffer;
    size += buf.length;
    hash.update(buf);
  }
  return { size, sha1: hash.digest('hex') };
}

/** Every regular file under `dir` (relative POSIX paths) with its facts; anything else is listed too. */
export async function hashTree(dir: string): Promise<TreeFacts> {
  const facts: TreeFacts = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isDirectory()) continue;
    const full = join(e.parentPath, e.name);
    const rel = relative(dir, full).split('\\').join('/');
    facts.set(rel, e.isFile() ? await hashFile(full) : { size: -1, sha1: 'not a regular file' });
  }
  return facts;
}

/**
 * Compares what arrived with what was sent. Returns null when identical, else a short description
 * of the first differences (missing, extra — e.g. a leftover temp file — or wrong content).
 */
export function compareTrees(expected: TreeFacts, actual: TreeFacts): string | null {
  const problems: string[] = [];
  for (const [name, want] of expected) {
    const got = actual.get(name);
    if (got === undefined) problems.push(`missing ${name}`);
    else if (got.size !== want.size || got.sha1 !== want.sha1)
      problems.push(`${name}: ${got.size} B sha1 ${got.sha1}, want ${want.size} B ${want.sha1}`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push(`unexpected ${name}`);
  if (problems.length === 0) return null;
  return `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`;
}
