/**
 * The built-in B2 server on 127.0.0.1 (port 0) with small parts, a B2 provider connected to it
 * with fast retries, and raw API calls for checking what the server holds independently of the
 * provider (unfinished large files, their parts).
 */
import { randomBytes } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';

export const MIN_PART = 64 * 1024;

export interface B2Server {
  emu: RunningEmulator;
  b2: B2Provider;
  bucket: string;
  bucketId: string;
  /** Request log lines (`METHOD /path STATUS Nms`), in order. */
  log: string[];
  /** Connects another provider with the master key (a separate session, e.g. "after a restart"). */
  connect(): Promise<B2Provider>;
  raw<T>(name: string, body: object): Promise<T>;
  close(): Promise<void>;
}

/** A raw B2 API call (v4 JSON POST) with one fixed token; throws `name: status body` unless 2xx. */
export type RawApi = <T>(name: string, body: object) => Promise<T>;

/**
 * Authorizes with the emulator's master key (b2_authorize_account v4, one request) and returns a
 * caller for that token, for checking what the server holds independently of any provider.
 */
export async function masterApi(emu: RunningEmulator): Promise<RawApi> {
  const basic = Buffer.from(`${emu.masterKeyId}:${emu.masterKey}`).toString('base64');
  const authRes = await fetch(`${emu.endpoint}/b2api/v4/b2_authorize_account`, { headers: { Authorization: `Basic ${basic}` } });
  const auth = (await authRes.json()) as { authorizationToken: string; apiInfo: { storageApi: { apiUrl: string } } };
  return async <T>(name: string, body: object): Promise<T> => {
    const res = await fetch(`${auth.apiInfo.storageApi.apiUrl}/b2api/v4/${name}`, {
      method: 'POST',
      headers: { Authorization: auth.authorizationToken, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

export async function startB2Server(onLog?: (line: string) => void): Promise<B2Server> {
  const log: string[] = [];
  const emu = await startEmulator({
    recommendedPartSize: 4 * MIN_PART,
    absoluteMinimumPartSize: MIN_PART,
    log: (line) => {
      log.push(line);
      onLog?.(line);
    },
  });
  const connect = (): Promise<B2Provider> =>
    connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint, retry: { baseDelayMs: 1, maxDelayMs: 50 } });
  const b2 = await connect();
  const ref = await b2.createBucket(`xfer-${randomBytes(4).toString('hex')}`);
  // A fresh authorization per call: tests may expire tokens or restart sessions in between.
  const raw: RawApi = async (name, body) => (await masterApi(emu))(name, body);
  return {
    emu,
    b2,
    bucket: ref.name,
    bucketId: ref.id,
    log,
    connect,
    raw,
    close: async () => {
      await b2.close();
      await emu.close();
    },
  };
}

/** Unfinished large files of the bucket, straight from the server. */
export async function unfinished(s: B2Server): Promise<Array<{ fileId: string; fileName: string }>> {
  const r = await s.raw<{ files: Array<{ fileId: string; fileName: string }> }>('b2_list_unfinished_large_files', { bucketId: s.bucketId });
  return r.files;
}

/** Part numbers already on the server for an unfinished large file. */
export async function partsOf(s: B2Server, fileId: string): Promise<number[]> {
  const r = await s.raw<{ parts: Array<{ partNumber: number }> }>('b2_list_parts', { fileId, maxPartCount: 1000 });
  return r.parts.map((p) => p.partNumber);
}

/** Successful b2_upload_part requests in the log so far. */
export function uploadedParts(log: string[]): number {
  return log.filter((l) => /b2_upload_part\S* 200 /.test(l)).length;
}
