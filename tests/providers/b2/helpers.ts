/**
 * Test helpers for the B2 provider: a built-in server on 127.0.0.1 (port 0) with small part
 * sizes, providers connected to it with a tiny retry base delay, and a raw JSON caller for
 * checking what the server holds (list_parts, unfinished files) independently of the provider.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index.js';
import type { B2Provider, ConnectB2Options } from '../../../src/providers/b2/index.js';
import { startTestServer, type RawReply } from '../../support/server.js';

/** Part sizes small enough that a few hundred KB makes a multi-part large file. */
export const MIN_PART = 64 * 1024;
export const RECOMMENDED_PART = 256 * 1024;

/** Fast retries: backoff starts at 1 ms (Retry-After from the server is still honoured). */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5_000 };

export interface B2Fixture {
  emu: RunningEmulator;
  master: B2Provider;
  /** Connects with any key (defaults: fast retries). */
  connect(keyId: string, key: string, extra?: Partial<ConnectB2Options>): Promise<B2Provider>;
  /** Creates a uniquely named private bucket through the master provider. */
  bucket(label?: string): Promise<{ name: string; id: string }>;
  /** A raw v4 JSON call with the master key's token (for server-side checks). */
  raw<T = Record<string, unknown>>(name: string, body: object): Promise<RawReply<T>>;
  close(): Promise<void>;
}

/** Starts a server (tests/support/server.ts) and a master-key provider. */
export async function startB2(
  options: EmulatorOptions = {},
  providerOptions: Partial<ConnectB2Options> = {},
): Promise<B2Fixture> {
  const { log, ...emulatorOptions } = options;
  const server = await startTestServer({
    recommendedPartSize: RECOMMENDED_PART,
    absoluteMinimumPartSize: MIN_PART,
    ...emulatorOptions,
    onLog: log,
  });
  const connect = (keyId: string, key: string, extra: Partial<ConnectB2Options> = {}): Promise<B2Provider> =>
    server.connect(keyId, key, { retry: FAST_RETRY, ...providerOptions, ...extra });
  const master = await connect(server.emu.masterKeyId, server.emu.masterKey);
  return {
    emu: server.emu,
    master,
    connect,
    async bucket(label = 'b') {
      const ref = await master.createBucket(`t-${label}-${randomBytes(4).toString('hex')}`);
      return { name: ref.name, id: ref.id };
    },
    raw: (name, body) => server.raw(name, body),
    close: () => server.close(),
  };
}

/** Collects every page of an async iterable of pages. */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const p of pages) out.push(p);
  return out;
}
