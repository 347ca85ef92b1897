/**
 * Helpers for the provider contract suite: byte sources, whole-stream reads, listing collection,
 * and typed-error assertions. Provider-agnostic: they use only the Provider interface.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { Entry, ListOptions, Provider, WriteOptions } from '../../../src/providers/types.js';
import type { ProviderError } from '../../../src/providers/errors.js';
import type { ContractContext } from './context.js';
import { sha1 } from '../../support/hash.js';

export { sha1 };

/** Hex SHA1 of a buffer. */

/** `n` random bytes. */
export function randomData(n: number): Buffer {
  return randomBytes(n);
}

/** Every byte value 0..255, forwards then backwards, `repeat` times. */
export function allByteValues(repeat = 4): Buffer {
  const one = Buffer.alloc(512);
  for (let i = 0; i < 256; i++) {
    one[i] = i;
    one[511 - i] = i;
  }
  return Buffer.concat(Array.from({ length: repeat }, () => one));
}

/**
 * A non-object-mode stream over `data`, cut into uneven chunks (so providers see odd boundaries,
 * not one neat buffer).
 */
export function sourceOf(data: Buffer, chunkSizes: number[] = [65_536, 1, 100_003, 4_096]): Readable {
  const chunks: Buffer[] = [];
  let off = 0;
  for (let i = 0; off < data.length; i++) {
    const n = chunkSizes[i % chunkSizes.length] ?? 65_536;
    chunks.push(data.subarray(off, off + n));
    off += n;
  }
  return Readable.from(chunks, { objectMode: false });
}

/** Reads a stream to its end. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer | string>)
    chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

/** Writes `data` at `path` with its size, the suite's write options and `extra`. */
export async function put(
  ctx: ContractContext,
  path: string,
  data: Buffer,
  extra: Partial<WriteOptions> = {},
): Promise<Entry> {
  return ctx.provider.write(path, sourceOf(data), ctx.writeOpts({ size: data.length, ...extra }));
}

/** Reads the whole file at `path`. */
export async function get(provider: Provider, path: string): Promise<Buffer> {
  const h = await provider.openRead(path);
  return readAll(h.stream);
}

/** All pages of a listing. */
export async function listPages(provider: Provider, path: string, options?: ListOptions): Promise<Entry[][]> {
  const pages: Entry[][] = [];
  for await (const page of provider.list(path, options)) pages.push(page);
  return pages;
}

/** All entries of a listing, flattened. */
export async function listAll(provider: Provider, path: string, options?: ListOptions): Promise<Entry[]> {
  return (await listPages(provider, path, options)).flat();
}

/** Sorted names of a listing. */
export async function listNames(provider: Provider, path: string): Promise<string[]> {
  return (await listAll(provider, path)).map((e) => e.name).sort();
}

/** Asserts that `p` rejects with an instance of `cls`, and returns the error for more checks. */
export async function expectRejects<E extends ProviderError>(
  p: Promise<unknown>,
  cls: abstract new (...args: never[]) => E,
): Promise<E> {
  let caught: unknown = undefined;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a ${cls.name}`).toBeInstanceOf(cls);
  const err = caught as E;
  expect(err.message.length).toBeGreaterThan(0);
  return err;
}
