/**
 * Test helpers for the B2 provider: a built-in server on 127.0.0.1 (port 0) with small part
 * sizes, providers connected to it with a tiny retry base delay, and a raw JSON caller for
 * checking what the server holds (list_parts, unfinished files) independently of the provider.
 */
import { randomBytes } from 'node:crypto';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2, type ConnectB2Options } from '../../../src/providers/b2/index.js';
import type { B2Provider } from '../../../src/providers/b2/index.js';

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
  raw<T = Record<string, unknown>>(name: string, body: object): Promise<{ status: number; json: T }>;
  close(): Promise<void>;
}

/** Starts a server and a master-key provider. */
export async function startB2(options: EmulatorOptions = {}, providerOptions: Partial<ConnectB2Options> = {}): Promise<B2Fixture> {
  const emu = await startEmulator({ recommendedPartSize: RECOMMENDED_PART, absoluteMinimumPartSize: MIN_PART, ...options });
  const connect = (keyId: string, key: string, extra: Partial<ConnectB2Options> = {}): Promise<B2Provider> =>
    connectB2({ applicationKeyId: keyId, applicationKey: key, endpoint: emu.endpoint, retry: FAST_RETRY, ...providerOptions, ...extra });
  const master = await connect(emu.masterKeyId, emu.masterKey);
  let token: { apiUrl: string; authorizationToken: string } | null = null;
  const authorize = async (): Promise<{ apiUrl: string; authorizationToken: string }> => {
    const basic = Buffer.from(`${emu.masterKeyId}:${emu.masterKey}`).toString('base64');
    const res = await fetch(`${emu.endpoint}/b2api/v4/b2_authorize_account`, { headers: { Authorization: `Basic ${basic}` } });
    const j = (await res.json()) as { authorizationToken: string; apiInfo: { storageApi: { apiUrl: string } } };
    return { apiUrl: j.apiInfo.storageApi.apiUrl, authorizationToken: j.authorizationToken };
  };
  return {
    emu,
    master,
    connect,
    async bucket(label = 'b') {
      const name = `t-${label}-${randomBytes(4).toString('hex')}`;
      const ref = await master.createBucket(name);
      return { name: ref.name, id: ref.id };
    },
    async raw<T>(name: string, body: object) {
      for (let attempt = 0; ; attempt++) {
        token ??= await authorize();
        const res = await fetch(`${token.apiUrl}/b2api/v4/${name}`, {
          method: 'POST',
          headers: { Authorization: token.authorizationToken, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as T & { code?: string };
        if (res.status === 401 && attempt === 0 && (json.code === 'expired_auth_token' || json.code === 'bad_auth_token')) {
          token = null;
          continue;
        }
        return { status: res.status, json };
      }
    },
    close: () => emu.close(),
  };
}

/** Collects every page of an async iterable of pages. */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const p of pages) out.push(p);
  return out;
}
