/**
 * The built-in server as the CLI tests use it (on top of tests/support/server.ts): a bucket of
 * their own, the environment that signs b2c in (B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY /
 * B2_ENDPOINT, and a temp B2C_CONFIG_DIR so no user config is touched), and checks of what the
 * server holds made without b2c.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import { startTestServer, type TestServer } from './server.js';

export interface CliServer {
  server: TestServer;
  emu: RunningEmulator;
  /** The master key's provider, for setting up and checking what the server holds. */
  b2: B2Provider;
  bucket: string;
  bucketId: string;
  /** Request log lines (`METHOD /path STATUS Nms`). */
  log: string[];
  /** Environment that signs in with the master key (or `key`). */
  env(key?: { applicationKeyId: string; applicationKey: string }): Record<string, string>;
  /** Uploads `data` as exactly `name` in the bucket (hostile names included) via the raw API. */
  put(name: string, data: Buffer | string, mtimeMs?: number): Promise<string>;
  /** Uploads through the provider (a real client), for files whose content matters more than their name. */
  upload(name: string, data: Buffer | string): Promise<void>;
  /** Every version of `name`, newest first, straight from b2_list_file_versions. */
  versions(name: string): Promise<Array<{ fileId: string; action: string; size: number }>>;
  /** `name action fileId` of every version under `prefix` (hide markers and placeholders included), in server order. */
  allVersions(prefix: string): Promise<string[]>;
  /** Reads a file's bytes with the master key. */
  read(name: string): Promise<Buffer>;
}

/** Starts the server with a bucket; the config dir is a fresh temp dir. */
export async function startCliServer(
  options: { partSize?: number } = {},
): Promise<CliServer & { close(): Promise<void> }> {
  const server = await startTestServer({ partSize: options.partSize });
  const configDir = mkdtempSync(join(tmpdir(), 'b2c-cli-'));
  const { emu } = server;
  const b2 = await server.connect();
  const ref = await server.createBucket('cli');
  return {
    server,
    emu,
    b2,
    bucket: ref.name,
    bucketId: ref.id,
    log: server.log,
    env: (key) => ({
      B2_APPLICATION_KEY_ID: key?.applicationKeyId ?? emu.masterKeyId,
      B2_APPLICATION_KEY: key?.applicationKey ?? emu.masterKey,
      B2_ENDPOINT: emu.endpoint,
      B2C_CONFIG_DIR: configDir,
    }),
    put: (name, data, mtimeMs) => server.upload(ref.id, name, data, { mtimeMs }),
    async upload(name, data) {
      const buf = Buffer.from(data);
      await b2.write(`/${ref.name}/${name}`, Readable.from([buf]), { size: buf.length, overwrite: true });
    },
    async versions(name) {
      const r = await server.api<{
        files: Array<{ fileName: string; fileId: string; action: string; contentLength: number }>;
      }>('b2_list_file_versions', {
        bucketId: ref.id,
        startFileName: name,
        maxFileCount: 1000,
      });
      return r.files
        .filter((f) => f.fileName === name)
        .map((f) => ({ fileId: f.fileId, action: f.action, size: f.contentLength }));
    },
    async allVersions(prefix) {
      const r = await server.api<{ files: Array<{ fileName: string; fileId: string; action: string }> }>(
        'b2_list_file_versions',
        { bucketId: ref.id, prefix, maxFileCount: 10_000 },
      );
      return r.files.map((f) => `${f.fileName} ${f.action} ${f.fileId}`);
    },
    async read(name) {
      const h = await b2.openRead(`/${ref.name}/${name}`);
      const chunks: Buffer[] = [];
      for await (const c of h.stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    async close() {
      await server.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers hooks: the server (see {@link startCliServer}) starts before the file's first test
 * and is handed to `ready`; after the last test it closes, and the file fails if b2c sent the
 * server anything it refused with 401 (issue 9: nothing forbidden is attempted).
 */
export function useCliServer(options: { partSize?: number }, ready: (server: CliServer) => void): void {
  let s: Awaited<ReturnType<typeof startCliServer>> | undefined;
  beforeAll(async () => {
    s = await startCliServer(options);
    ready(s);
  });
  afterAll(async () => {
    const refusals = s?.emu.stats().unauthorizedByEndpoint ?? {};
    await s?.close();
    expect(refusals).toEqual({});
  });
}

/** Log lines after the first `n`, without authorization calls (signing in is not "a request about files"). */
export function fileRequestsAfter(log: string[], n: number): string[] {
  return log.slice(n).filter((l) => !/b2_authorize_account/.test(l));
}
