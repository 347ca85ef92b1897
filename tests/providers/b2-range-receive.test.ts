/**
 * Ranges received in place (ReadHandle.receiveRange; src/providers/b2/raw-exchange.ts and
 * raw-connection.ts): the hand-written HTTP/1.1 GET a big download's ranges take, over real
 * sockets to the built-in server, into memory the caller lends. What must hold: the exact bytes
 * whatever the memory and the caller's pauses; keep-alive connections reused; a dropped
 * connection resumed; every refusal and silence a clear error, never a hang or wrong bytes.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import {
  CancelledError,
  NoSpaceError,
  NotFoundError,
  TransientError,
  UnreachableError,
} from '../../src/providers/errors.js';
import type { ByteRange, RangeSink, ReadHandle } from '../../src/providers/types.js';
import { isDownload, startStallProxy, type StallProxy, type StallRule } from '../support/net-faults.js';
import { FAST_RETRY, startB2, type B2Fixture } from './b2/helpers.js';

let f: B2Fixture;
let bucket = '';
const data = randomBytes(3 * 1024 * 1024 + 4321);
/** The server's request log. */
const log: string[] = [];
const rangeRequests = (): string[] => log.filter((l) => /^GET \/b2api\/v\d\/b2_download_file_by_id/.test(l));

beforeAll(async () => {
  f = await startB2({ log: (line) => log.push(line) });
  bucket = (await f.bucket('rr')).name;
  await f.master.write(`/${bucket}/data.bin`, Readable.from([data]), { size: data.length });
});
afterAll(() => f.close());

/**
 * A sink that lends `spaceBytes` at a time into one buffer for the range, and every `waitEvery`th
 * `filled` asks the source to wait a few ms (as a disk slower than the network does).
 */
function memorySink(
  range: Required<ByteRange>,
  o: { spaceBytes?: number; waitEvery?: number; onFilled?: (total: number) => Promise<void> | undefined } = {},
): RangeSink & { bytes: () => Buffer } {
  const out = Buffer.alloc(range.end - range.start + 1);
  let at = 0;
  let calls = 0;
  return {
    space: () => out.subarray(at, Math.min(out.length, at + (o.spaceBytes ?? out.length))),
    filled(n) {
      at += n;
      calls++;
      const custom = o.onFilled?.(at);
      if (custom !== undefined) return custom;
      if (o.waitEvery !== undefined && calls % o.waitEvery === 0)
        return new Promise<void>((resolve) => setTimeout(resolve, 3));
      return undefined;
    },
    bytes: () => out.subarray(0, at),
  };
}

/** Opens data.bin on `p` and gives the handle (its stream closed: only ranges are read). */
async function opened(
  p: B2Provider,
  name = 'data.bin',
): Promise<ReadHandle & { receiveRange: NonNullable<ReadHandle['receiveRange']> }> {
  const h = await p.openRead(`/${bucket}/${name}`);
  h.stream.destroy();
  expect(h.receiveRange).toBeTypeOf('function');
  return h as ReadHandle & { receiveRange: NonNullable<ReadHandle['receiveRange']> };
}

/** A provider through a proxy that applies `rule` (never matching: a plain proxy that counts connections). */
async function throughProxy<T>(
  rule: StallRule,
  body: (p: B2Provider, proxy: StallProxy) => Promise<T>,
  retry: object = FAST_RETRY,
): Promise<T> {
  const proxy = await startStallProxy(f.emu.endpoint, rule);
  const p = await connectB2({
    applicationKeyId: f.emu.masterKeyId,
    applicationKey: f.emu.masterKey,
    endpoint: proxy.endpoint,
    retry,
  });
  try {
    return await body(p, proxy);
  } finally {
    await p.close();
    await proxy.close();
  }
}

const never: StallRule = { match: () => false, at: 'request' };

describe('ranges received in place', () => {
  it('the exact bytes, into memory lent 1,000 bytes at a time by a sink that often waits', async () => {
    const h = await opened(f.master);
    const range = { start: 12_345, end: 2_000_000 };
    const sink = memorySink(range, { spaceBytes: 1000, waitEvery: 7 });
    await h.receiveRange(range, sink, new AbortController().signal);
    expect(sink.bytes().equals(data.subarray(range.start, range.end + 1))).toBe(true);
  });

  it('one byte, the last byte, and ranges one after another over one kept-alive connection', async () => {
    await throughProxy(never, async (p, proxy) => {
      const h = await opened(p);
      const before = proxy.connections();
      const ranges = [
        { start: 0, end: 0 },
        { start: data.length - 1, end: data.length - 1 },
        { start: 1, end: 1_000_000 },
        { start: 1_000_001, end: data.length - 1 },
      ];
      for (const range of ranges) {
        const sink = memorySink(range);
        await h.receiveRange(range, sink, new AbortController().signal);
        expect(sink.bytes().equals(data.subarray(range.start, range.end + 1))).toBe(true);
      }
      expect(proxy.connections() - before).toBe(1);
    });
  });

  it('connections dropped mid-range: the rest is asked for, the bytes are exact', async () => {
    const h = await opened(f.master);
    const mark = rangeRequests().length;
    f.emu.setFaults({ seed: 7, dropConnectionRate: 0.5, only: ['b2_download_file_by_id'] });
    try {
      const range = { start: 100, end: data.length - 1 };
      const sink = memorySink(range, { spaceBytes: 64 * 1024 });
      await h.receiveRange(range, sink, new AbortController().signal);
      expect(sink.bytes().equals(data.subarray(range.start))).toBe(true);
    } finally {
      f.emu.setFaults({});
    }
    // Connections did drop (each at half of what was asked), and each time the rest was asked for.
    expect(rangeRequests().length - mark).toBeGreaterThan(1);
  });

  it('a server that ignores the Range: TransientError saying so, and not a byte in the sink', async () => {
    await throughProxy({ match: (path) => isDownload(path), at: 'strip-range' }, async (p) => {
      const h = await opened(p);
      const range = { start: 10, end: 5000 };
      const sink = memorySink(range);
      const e = await h.receiveRange(range, sink, new AbortController().signal).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TransientError);
      expect((e as Error).message).toMatch(/ignored the byte range/);
      expect(sink.bytes().length).toBe(0);
    });
  });

  it('a body that stops: UnreachableError naming the host and the wait, within the bound', async () => {
    const idleMs = 300;
    await throughProxy(
      { match: (path) => isDownload(path), at: 'response-body', afterBytes: 5000 },
      async (p) => {
        const h = await opened(p);
        const range = { start: 0, end: data.length - 1 };
        const started = performance.now();
        const e = await h.receiveRange(range, memorySink(range), new AbortController().signal).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(UnreachableError);
        expect((e as Error).message).toMatch(
          /^B2 at 127\.0\.0\.1:\d+ sent no data for 0\.3 s during b2_download_file_by_id/,
        );
        expect(performance.now() - started).toBeLessThan(2 * idleMs + 4000);
      },
      { ...FAST_RETRY, idleTimeoutMs: idleMs },
    );
  });

  it('a body that stops once: after the silence bound the rest is asked for, from where it stopped', async () => {
    await throughProxy(
      { match: (path) => isDownload(path), at: 'response-body', afterBytes: 70_000, times: 2 },
      async (p, proxy) => {
        const h = await opened(p); // the first hold: the whole-file answer of openRead
        const range = { start: 5, end: data.length - 1 };
        const sink = memorySink(range, { spaceBytes: 16 * 1024 });
        await h.receiveRange(range, sink, new AbortController().signal);
        expect(sink.bytes().equals(data.subarray(range.start))).toBe(true);
        expect(proxy.held).toHaveLength(2);
      },
      { ...FAST_RETRY, idleTimeoutMs: 300 },
    );
  });

  it('a sink that waits longer than the silence bound is not a stall', async () => {
    await throughProxy(
      never,
      async (p) => {
        const h = await opened(p);
        const range = { start: 0, end: 300_000 };
        let waited = false;
        const sink = memorySink(range, {
          spaceBytes: 16 * 1024,
          onFilled: () => {
            if (waited) return undefined;
            waited = true;
            return new Promise<void>((resolve) => setTimeout(resolve, 700));
          },
        });
        await h.receiveRange(range, sink, new AbortController().signal);
        expect(sink.bytes().equals(data.subarray(0, range.end + 1))).toBe(true);
      },
      { ...FAST_RETRY, idleTimeoutMs: 300 },
    );
  });

  it('the version deleted after opening: NotFoundError', async () => {
    const name = 'gone.bin';
    await f.master.write(`/${bucket}/${name}`, Readable.from([data.subarray(0, 5000)]), { size: 5000 });
    const h = await opened(f.master, name);
    await f.master.remove(`/${bucket}/${name}`, { mode: 'delete-version', fileId: h.fileId });
    const range = { start: 0, end: 4999 };
    await expect(h.receiveRange(range, memorySink(range), new AbortController().signal)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('cancelled mid-range: CancelledError at once', async () => {
    const h = await opened(f.master);
    const stop = new AbortController();
    const range = { start: 0, end: data.length - 1 };
    const sink = memorySink(range, {
      spaceBytes: 32 * 1024,
      onFilled: (total) => {
        if (total > 100_000) stop.abort();
        return undefined;
      },
    });
    await expect(h.receiveRange(range, sink, stop.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(sink.bytes().length).toBeLessThan(data.length);
  });

  it('a sink that fails (the disk is full): its error, unchanged, and the range is not asked for again', async () => {
    await throughProxy(never, async (p, proxy) => {
      const h = await opened(p);
      const full = new NoSpaceError('The disk is full.', '/x');
      const range = { start: 0, end: data.length - 1 };
      const sink = memorySink(range, { spaceBytes: 64 * 1024, onFilled: () => Promise.reject(full) });
      const asked = proxy.connections();
      await expect(h.receiveRange(range, sink, new AbortController().signal)).rejects.toBe(full);
      // One request: a destination's failure is not a network failure to retry.
      expect(proxy.connections() - asked).toBeLessThanOrEqual(1);
    });
  });
});
