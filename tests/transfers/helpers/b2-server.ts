/**
 * The built-in B2 server on 127.0.0.1 (port 0) with small parts, a B2 provider connected to it
 * with fast retries, and raw API calls for checking what the server holds independently of the
 * provider (unfinished large files, their parts).
 */
import { randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import type { B2Provider } from '../../../src/providers/b2/index.js';
import { startTestServer } from '../../support/server.js';

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
  /** A raw v4 JSON call with the master key; throws `name: status body` unless 2xx. */
  raw<T>(name: string, body: object): Promise<T>;
  close(): Promise<void>;
}

/** The server (tests/support/server.ts) with small parts, a master-key provider and a bucket. */
export async function startB2Server(onLog?: (line: string) => void): Promise<B2Server> {
  const server = await startTestServer({ recommendedPartSize: 4 * MIN_PART, absoluteMinimumPartSize: MIN_PART, onLog });
  const connect = (): Promise<B2Provider> => server.connect();
  const b2 = await connect();
  const ref = await b2.createBucket(`xfer-${randomBytes(4).toString('hex')}`);
  return {
    emu: server.emu,
    b2,
    bucket: ref.name,
    bucketId: ref.id,
    log: server.log,
    connect,
    // The fixture renews its token when a test expired it or restarted a session in between.
    raw: (name, body) => server.api(name, body),
    close: () => server.close(),
  };
}

/** Unfinished large files of the bucket, straight from the server. */
export async function unfinished(s: B2Server): Promise<Array<{ fileId: string; fileName: string }>> {
  const r = await s.raw<{ files: Array<{ fileId: string; fileName: string }> }>('b2_list_unfinished_large_files', {
    bucketId: s.bucketId,
  });
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
