/**
 * The one way tests start the built-in B2 server: in this process, on 127.0.0.1 (port 0), with a
 * request log, providers connected to it with fast retries, and raw API calls with the master key
 * for setting up and checking what the server holds independently of any client.
 * The per-area helpers (tests/support/cli-server.ts, tests/providers/b2/helpers.ts, …) build
 * on it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { connectB2, type B2Provider, type ConnectB2Options } from '../../src/providers/b2/index.js';
import { sha1 } from './hash.js';

/** Backoff of test clients: 1 ms instead of 1 s (Retry-After from the server still counts). */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 50 };

/** Options: the server's, plus `partSize` (sets both part sizes) and a log listener. */
export interface TestServerOptions extends Omit<EmulatorOptions, 'log'> {
  /** recommendedPartSize and absoluteMinimumPartSize at once. */
  partSize?: number;
  /** Also receives every request log line. */
  onLog?: (line: string) => void;
}

/** A raw v4 answer: status and parsed JSON body. */
export interface RawReply<T> {
  status: number;
  json: T;
}

export interface TestServer {
  emu: RunningEmulator;
  endpoint: string;
  /** Request log lines (`METHOD /path STATUS Nms`), in the order requests finished. */
  log: string[];
  /** A provider for any key (default: the master key), with fast retries; closed by `close()`. */
  connect(keyId?: string, key?: string, extra?: Partial<ConnectB2Options>): Promise<B2Provider>;
  /** A raw v4 JSON call with the master key's token (renewed when the server expired it). */
  raw<T = Record<string, unknown>>(name: string, body: object): Promise<RawReply<T>>;
  /** {@link raw}, throwing `name: status body` unless 2xx. */
  api<T = Record<string, unknown>>(name: string, body: object): Promise<T>;
  /** Creates a key with `capabilities` (all buckets) with the master key; returns its ID and secret. */
  createKey(capabilities: string[]): Promise<{ applicationKeyId: string; applicationKey: string }>;
  /** Creates a private bucket named `label-RANDOM` with the master key. */
  createBucket(label?: string): Promise<{ name: string; id: string }>;
  /**
   * Uploads `data` as exactly `name` (hostile names included) with b2_upload_file; extra
   * headers override the defaults (`src_last_modified_millis` from `mtimeMs`). Returns the file ID.
   */
  upload(
    bucketId: string,
    name: string,
    data: Buffer | string,
    options?: { mtimeMs?: number; headers?: Record<string, string> },
  ): Promise<string>;
  /** Fails the test if the server answered any signed-in call with 401 (b2c asked for what its key may not). */
  expectNoRefusals(): void;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { partSize, onLog, ...emulatorOptions } = options;
  const log: string[] = [];
  const emu = await startEmulator({
    ...(partSize === undefined ? {} : { recommendedPartSize: partSize, absoluteMinimumPartSize: partSize }),
    ...emulatorOptions,
    log: (line) => {
      log.push(line);
      onLog?.(line);
    },
  });
  const providers: B2Provider[] = [];
  let token: { apiUrl: string; authorizationToken: string } | null = null;
  const authorize = async (): Promise<{ apiUrl: string; authorizationToken: string }> => {
    const basic = Buffer.from(`${emu.masterKeyId}:${emu.masterKey}`).toString('base64');
    const res = await fetch(`${emu.endpoint}/b2api/v4/b2_authorize_account`, {
      headers: { Authorization: `Basic ${basic}` },
    });
    const j = (await res.json()) as { authorizationToken: string; apiInfo: { storageApi: { apiUrl: string } } };
    return { apiUrl: j.apiInfo.storageApi.apiUrl, authorizationToken: j.authorizationToken };
  };
  const raw = async <T>(name: string, body: object): Promise<RawReply<T>> => {
    for (let attempt = 0; ; attempt++) {
      token ??= await authorize();
      const res = await fetch(`${token.apiUrl}/b2api/v4/${name}`, {
        method: 'POST',
        headers: { Authorization: token.authorizationToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as T & { code?: string };
      if (
        res.status === 401 &&
        attempt === 0 &&
        (json.code === 'expired_auth_token' || json.code === 'bad_auth_token')
      ) {
        token = null;
        continue;
      }
      return { status: res.status, json };
    }
  };
  const api = async <T>(name: string, body: object): Promise<T> => {
    const r = await raw<T>(name, body);
    if (r.status < 200 || r.status > 299) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  return {
    emu,
    endpoint: emu.endpoint,
    log,
    async connect(keyId = emu.masterKeyId, key = emu.masterKey, extra = {}) {
      const p = await connectB2({
        applicationKeyId: keyId,
        applicationKey: key,
        endpoint: emu.endpoint,
        retry: FAST_RETRY,
        ...extra,
      });
      providers.push(p);
      return p;
    },
    raw,
    api,
    createKey: (capabilities) =>
      api<{ applicationKeyId: string; applicationKey: string }>('b2_create_key', {
        accountId: emu.accountId,
        keyName: `k-${randomBytes(4).toString('hex')}`,
        capabilities,
      }),
    async createBucket(label = 'b') {
      const b = await api<{ bucketName: string; bucketId: string }>('b2_create_bucket', {
        accountId: emu.accountId,
        bucketName: `${label}-${randomBytes(4).toString('hex')}`,
        bucketType: 'allPrivate',
      });
      return { name: b.bucketName, id: b.bucketId };
    },
    async upload(bucketId, name, data, uploadOptions = {}) {
      const up = await api<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', { bucketId });
      const buf = Buffer.from(data);
      const headers: Record<string, string> = {
        Authorization: up.authorizationToken,
        'X-Bz-File-Name': encodeURIComponent(name).replace(/%2F/g, '/'),
        'Content-Type': 'application/octet-stream',
        'X-Bz-Content-Sha1': sha1(buf),
      };
      if (uploadOptions.mtimeMs !== undefined)
        headers['X-Bz-Info-src_last_modified_millis'] = String(uploadOptions.mtimeMs);
      const res = await fetch(up.uploadUrl, {
        method: 'POST',
        headers: { ...headers, ...uploadOptions.headers },
        body: buf,
      });
      if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { fileId: string }).fileId;
    },
    expectNoRefusals() {
      expect(emu.stats().unauthorizedByEndpoint).toEqual({});
    },
    async close() {
      for (const p of providers.splice(0)) await p.close();
      await emu.close();
    },
  };
}

/**
 * Registers hooks: the server starts before the file's first test and closes after its last.
 * With `noRefusals`, the file fails when any signed-in call got 401 (issue 9: b2c never asks
 * for what its key may not do). Read the returned getter inside tests and hooks only.
 */
export function useTestServer(
  options: TestServerOptions = {},
  checks: { noRefusals?: boolean } = {},
): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    const s = server;
    if (s === undefined) return;
    try {
      if (checks.noRefusals === true) s.expectNoRefusals();
    } finally {
      await s.close();
    }
  });
  return () => {
    if (server === undefined) throw new Error('the test server starts in beforeAll');
    return server;
  };
}
