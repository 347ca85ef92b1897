/**
 * No unbounded wait on the network (README, "Network timeouts"): against real sockets that stop
 * answering — a black hole, and a proxy in front of the built-in server that holds one kind of
 * request — every provider call fails with UnreachableError within `maxSilentTries` silence
 * bounds (plus the backoff between tries), with a sentence saying what, where and how long.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import { UnreachableError } from '../../src/providers/errors.js';
import { startBlackHole, startStallProxy, type StallRule } from '../support/net-faults.js';
import { collect, MIN_PART, startB2, type B2Fixture } from './b2/helpers.js';

/** A short silence bound so the tests stay fast; the rule is the same at 30 s. */
const IDLE_MS = 400;
const RETRY = { baseDelayMs: 1, maxDelayMs: 50, idleTimeoutMs: IDLE_MS };
/** Two silences (maxSilentTries) plus room for a loaded machine; before the fix: forever. */
const BOUND_MS = 2 * IDLE_MS + 4000;

let f: B2Fixture;
let bucket = '';
beforeAll(async () => {
  f = await startB2();
  bucket = (await f.bucket('net')).name;
});
afterAll(() => f.close());

/** Connects through a proxy holding what `rule` says; runs `body`; closes both. */
async function throughStall<T>(rule: StallRule, body: (p: B2Provider) => Promise<T>): Promise<T> {
  const proxy = await startStallProxy(f.emu.endpoint, rule);
  const p = await connectB2({
    applicationKeyId: f.emu.masterKeyId,
    applicationKey: f.emu.masterKey,
    endpoint: proxy.endpoint,
    retry: RETRY,
  });
  try {
    return await body(p);
  } finally {
    await p.close();
    await proxy.close();
  }
}

/** Runs `op`, expecting UnreachableError within BOUND_MS; returns its message. */
async function unreachableWithinBound(op: () => Promise<unknown>): Promise<string> {
  const started = performance.now();
  const err = await op().then(
    () => null,
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(err).toBeInstanceOf(UnreachableError);
  expect(elapsed).toBeLessThan(BOUND_MS);
  return (err as Error).message;
}

describe.concurrent('a server that stops answering', () => {
  it('sign-in against a black hole: UnreachableError naming the host and the wait', async () => {
    const hole = await startBlackHole();
    try {
      const message = await unreachableWithinBound(() =>
        connectB2({ applicationKeyId: 'k', applicationKey: 'secret', endpoint: hole.endpoint, retry: RETRY }),
      );
      expect(message).toBe(
        `Cannot reach B2 at ${hole.endpoint.slice(7)}: signing in sent no answer for 0.4 s (tried 2 times).`,
      );
    } finally {
      await hole.close();
    }
  });

  it('a listing call that is never answered after sign-in', async () => {
    const message = await throughStall({ match: (path) => path.includes('b2_list_file_names'), at: 'request' }, (p) =>
      unreachableWithinBound(() => collect(p.list(`/${bucket}`))),
    );
    expect(message).toMatch(
      /^B2 at 127\.0\.0\.1:\d+ sent no data for 0\.4 s during b2_list_file_names of "\/[^"]+" \(tried 2 times\)\.$/,
    );
  });

  it('one silent answer is retried on a fresh connection and the call succeeds', async () => {
    await f.master.write(`/${bucket}/once.txt`, Readable.from([Buffer.from('once')]), { size: 4, overwrite: true });
    const rows = await throughStall(
      { match: (path) => path.includes('b2_list_file_names'), at: 'request', times: 1 },
      async (p) => (await collect(p.list(`/${bucket}`))).flat(),
    );
    expect(rows.map((r) => r.name)).toContain('once.txt');
  });

  it('an upload whose body the server stops reading', async () => {
    const data = randomBytes(3 * MIN_PART);
    const message = await throughStall(
      { match: (path) => path.includes('b2_upload_file'), at: 'request-body', afterBytes: 1000 },
      (p) =>
        unreachableWithinBound(() =>
          p.write(`/${bucket}/stalled-up.bin`, Readable.from([data]), { size: data.length, overwrite: true }),
        ),
    );
    expect(message).toMatch(
      /^B2 at 127\.0\.0\.1:\d+ sent no data for 0\.4 s during b2_upload_file of "\/[^"]+\/stalled-up\.bin" \(tried 2 times\)\.$/,
    );
  });

  it('a large-file part whose body the server stops reading', async () => {
    const data = randomBytes(8 * MIN_PART + 5);
    const message = await throughStall(
      { match: (path) => path.includes('b2_upload_part'), at: 'request-body', afterBytes: 1000 },
      (p) =>
        unreachableWithinBound(() =>
          p.write(`/${bucket}/stalled-part.bin`, Readable.from([data]), {
            size: data.length,
            overwrite: true,
            partSize: MIN_PART,
          }),
        ),
    );
    expect(message).toMatch(/during b2_upload_part of "\/[^"]+\/stalled-part\.bin" \(tried 2 times\)\.$/);
  });

  it('a download whose body stops in the middle (and again when asked for the rest)', async () => {
    const data = randomBytes(4 * MIN_PART);
    await f.master.write(`/${bucket}/stalled-down.bin`, Readable.from([data]), { size: data.length, overwrite: true });
    const message = await throughStall(
      {
        match: (path) => path.startsWith('/file/') || path.includes('b2_download_file_by_id'),
        at: 'response-body',
        afterBytes: 5000,
      },
      (p) =>
        unreachableWithinBound(async () => {
          const h = await p.openRead(`/${bucket}/stalled-down.bin`);
          for await (const chunk of h.stream) void chunk;
        }),
    );
    expect(message).toMatch(
      /^B2 at 127\.0\.0\.1:\d+ sent no data for 0\.4 s during b2_download_file_by_name of "\/[^"]+\/stalled-down\.bin" \(tried 2 times\)\.$/,
    );
  });
});
