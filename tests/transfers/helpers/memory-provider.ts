/**
 * An in-memory Provider for the engine's own logic tests (B2 itself is never mocked: real B2
 * behaviour is tested against the built-in server). It honours the write contract (all or
 * nothing, size and SHA1 checked), and lets tests hold, fail and observe calls.
 */
import { Readable } from 'node:stream';
import {
  AlreadyExistsError,
  CancelledError,
  IntegrityError,
  NotEmptyError,
  NotFoundError,
} from '../../../src/providers/errors.js';
import { folderName, splitName } from '../../../src/providers/paths.js';
import type { Entry, Provider, ProviderTraits, ReadHandle, WriteOptions } from '../../../src/providers/types.js';
import { sha1 } from '../../support/hash.js';

export { sha1 };

export interface StoredFile {
  data: Buffer;
  mtimeMs: number;
}

/** Test hooks. Each may be async to hold the call until the test releases it. */
export interface MemoryHooks {
  beforeWrite?: (path: string, signal: AbortSignal | undefined) => Promise<void> | void;
  beforeRemove?: (path: string) => Promise<void> | void;
  /** Called before each listing page is yielded (page index from 0). */
  beforePage?: (dir: string, page: number) => Promise<void> | void;
  /** Called for each chunk read (to error a stream mid-way). Return an Error to fail the stream. */
  onReadChunk?: (path: string, offset: number) => Error | undefined;
  /** Called for each chunk a write receives, before it counts as progress (to step progress by hand). */
  onWriteChunk?: (path: string, bytesSoFar: number) => Promise<void> | void;
  /** Replace the SHA1 a write reports (to simulate a destination that stored something else). */
  reportSha1?: (path: string, real: string) => string;
}

export interface MemoryProvider extends Provider {
  files: Map<string, StoredFile>;
  dirs: Set<string>;
  hooks: MemoryHooks;
  /** Writes in progress now, and the most ever at once. */
  activeWrites: number;
  maxActiveWrites: number;
  /** Paths in the order writes started. */
  writeOrder: string[];
  calls: string[];
  put(path: string, content: string | Buffer, mtimeMs?: number): void;
  text(path: string): string | undefined;
}

const CHUNK = 4;

export function createMemoryProvider(
  opts: {
    kind?: 'local' | 'b2';
    withCopy?: boolean;
    withMove?: boolean;
    pageSize?: number;
    knowsSha1?: boolean;
    chunkSize?: number;
  } = {},
): MemoryProvider {
  const kind = opts.kind ?? 'b2';
  const traits: ProviderTraits = {
    kind,
    bucketBased: kind === 'b2',
    hashKinds: ['sha1'],
    emptyDirectories: kind === 'local',
    scheme: kind === 'b2' ? 'b2://' : '',
  };
  const files = new Map<string, StoredFile>();
  const dirs = new Set<string>();
  // Names are exact, as on B2 (src/providers/paths.ts): a folder path ending in `/` is its
  // prefix (`/bkt/d//` is the folder with an empty name inside `/bkt/d/`), any other gets one `/`.
  const under = (p: string): string => (p.endsWith('/') ? p : `${p}/`);
  const isDir = (p: string): boolean => dirs.has(p) || [...files.keys(), ...dirs].some((f) => f.startsWith(under(p)));
  const entry = (p: string): Entry => {
    const f = files.get(p);
    if (f)
      return {
        name: splitName(p).name,
        path: p,
        kind: 'file',
        size: f.data.length,
        mtimeMs: f.mtimeMs,
        sha1: opts.knowsSha1 === false ? null : sha1(f.data),
      };
    if (isDir(p)) return { name: folderName(p), path: p, kind: 'dir', size: 0, mtimeMs: null };
    throw new NotFoundError(`Not found: ${p}`, p);
  };
  const checkAbort = (signal?: AbortSignal): void => {
    if (signal?.aborted) throw new CancelledError('Cancelled.');
  };

  const p: MemoryProvider = {
    traits,
    files,
    dirs,
    hooks: {},
    activeWrites: 0,
    maxActiveWrites: 0,
    writeOrder: [],
    calls: [],
    put(path, content, mtimeMs = 1_000) {
      files.set(path, { data: Buffer.from(content), mtimeMs });
    },
    text: (path) => files.get(path)?.data.toString(),

    async *list(path, o) {
      p.calls.push(`list ${path}`);
      if (!isDir(path)) throw new NotFoundError(`Not found: ${path}`, path);
      const names = new Set<string>();
      const prefix = under(path);
      for (const f of [...files.keys(), ...dirs]) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        // A B2 folder row keeps its final `/` (its exact prefix); local folder paths have none.
        if (slash < 0) names.add(f);
        else names.add(prefix + rest.slice(0, kind === 'b2' ? slash + 1 : slash));
      }
      const all = [...names].sort().map(entry);
      const size = opts.pageSize ?? 1000;
      for (let i = 0, page = 0; i < all.length || page === 0; i += size, page++) {
        await p.hooks.beforePage?.(path, page);
        checkAbort(o?.signal);
        yield all.slice(i, i + size);
        if (all.length === 0) break;
      }
    },

    stat(path) {
      p.calls.push(`stat ${path}`);
      return Promise.resolve().then(() => entry(path));
    },

    openRead(path, o): Promise<ReadHandle> {
      p.calls.push(`read ${path}`);
      const f = files.get(path);
      if (!f) return Promise.reject(new NotFoundError(`Not found: ${path}`, path));
      const data = f.data;
      async function* chunks(): AsyncGenerator<Buffer> {
        const step = opts.chunkSize ?? CHUNK;
        for (let i = 0; i < data.length; i += step) {
          const err = p.hooks.onReadChunk?.(path, i);
          if (err) throw err;
          if (o?.signal?.aborted) throw new CancelledError('Cancelled.');
          yield data.subarray(i, i + step);
          await Promise.resolve();
        }
      }
      return Promise.resolve({
        stream: Readable.from(chunks(), { objectMode: false }),
        size: data.length,
        totalSize: data.length,
        sha1: opts.knowsSha1 === false ? null : sha1(data),
        mtimeMs: f.mtimeMs,
      });
    },

    async write(path, source, o: WriteOptions) {
      p.calls.push(`write ${path}`);
      p.writeOrder.push(path);
      p.activeWrites++;
      p.maxActiveWrites = Math.max(p.maxActiveWrites, p.activeWrites);
      try {
        await p.hooks.beforeWrite?.(path, o.signal);
        checkAbort(o.signal);
        if (!o.overwrite && files.has(path)) {
          source.destroy();
          throw new AlreadyExistsError(`Exists: ${path}`, path);
        }
        const parts: Buffer[] = [];
        let received = 0;
        for await (const chunk of source) {
          // Streams coalesce buffered data; re-slice so progress steps are predictable in tests.
          const whole = chunk as Buffer;
          const step = opts.chunkSize ?? Math.max(1, whole.length);
          for (let i = 0; i < whole.length; i += step) {
            checkAbort(o.signal);
            const piece = whole.subarray(i, i + step);
            parts.push(piece);
            received += piece.length;
            await p.hooks.onWriteChunk?.(path, received);
            o.onProgress?.(piece.length);
          }
        }
        const data = Buffer.concat(parts);
        if (data.length !== o.size) throw new IntegrityError(`Size ${data.length} != ${o.size}`, path);
        const real = sha1(data);
        if (o.sha1 && o.sha1 !== real) throw new IntegrityError('SHA1 mismatch', path);
        checkAbort(o.signal);
        files.set(path, { data, mtimeMs: o.mtimeMs ?? 0 });
        const e = entry(path);
        return { ...e, sha1: p.hooks.reportSha1 ? p.hooks.reportSha1(path, real) : real };
      } finally {
        p.activeWrites--;
      }
    },

    mkdir(path) {
      p.calls.push(`mkdir ${path}`);
      dirs.add(path);
      return Promise.resolve();
    },

    async remove(path, o) {
      p.calls.push(`remove ${path} ${o?.mode ?? 'default'}${o?.fileId ? ` ${o.fileId}` : ''}`);
      await p.hooks.beforeRemove?.(path);
      if (files.delete(path)) return;
      if (isDir(path)) {
        if ([...files.keys(), ...dirs].some((f) => f.startsWith(under(path))))
          throw new NotEmptyError(`Not empty: ${path}`, path);
        dirs.delete(path);
        return;
      }
      throw new NotFoundError(`Not found: ${path}`, path);
    },
  };
  if (opts.withCopy) {
    p.copy = (from, to, o) => {
      p.calls.push(`copy ${from} ${to}`);
      const f = files.get(from);
      if (!f) return Promise.reject(new NotFoundError(`Not found: ${from}`, from));
      if (!o?.overwrite && files.has(to)) return Promise.reject(new AlreadyExistsError(`Exists: ${to}`, to));
      files.set(to, { ...f });
      o?.onProgress?.(f.data.length);
      return Promise.resolve(entry(to));
    };
  }
  if (opts.withMove) {
    p.move = (from, to, o) => {
      p.calls.push(`move ${from} ${to}`);
      if (!o?.overwrite && (files.has(to) || dirs.has(to)))
        return Promise.reject(new AlreadyExistsError(`Exists: ${to}`, to));
      if (files.has(from)) {
        const f = files.get(from);
        files.delete(from);
        if (f) files.set(to, f);
        return Promise.resolve(entry(to));
      }
      if (!isDir(from)) return Promise.reject(new NotFoundError(`Not found: ${from}`, from));
      for (const [k, v] of [...files]) {
        if (k.startsWith(`${from}/`)) {
          files.delete(k);
          files.set(to + k.slice(from.length), v);
        }
      }
      for (const d of [...dirs]) {
        if (d === from || d.startsWith(`${from}/`)) {
          dirs.delete(d);
          dirs.add(to + d.slice(from.length));
        }
      }
      return Promise.resolve(entry(to));
    };
  }
  return p;
}

/** A promise the test opens by hand. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function createGate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
}

/** Polls until `predicate` holds, yielding to the event loop between checks (no timers). */
export async function until(predicate: () => boolean, what = 'condition', maxTurns = 10_000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (predicate()) return;
    await new Promise<void>((r) => setImmediate(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}
