/**
 * A size limit that cannot be reached with real bytes in a test: a 5 GB copy source is planted
 * straight into the store (its bytes are never read), then b2_copy_file is called over real HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FaultInjector,
  RefusalCounter,
  TokenRegistry,
  createBucketRecord,
  handleRequest,
  newFileId,
  openStore,
  type EmulatorState,
} from '../../src/emulator/index.js';
import { call } from './helpers.js';

let server: Server;
let state: EmulatorState;
let token: string;
let sourceId: string;
let bucketId: string;

beforeAll(async () => {
  const { store } = await openStore({});
  state = {
    store,
    tokens: new TokenRegistry(3_600_000),
    faults: new FaultInjector(),
    refusals: new RefusalCounter(),
    settings: { recommendedPartSize: 1000, absoluteMinimumPartSize: 100, tokenLifetimeMs: 3_600_000 },
    endpoint: '',
    log: () => undefined,
    sent: { downloadBytes: 0 },
    seeding: null,
  };
  bucketId = (await createBucketRecord(store, { bucketName: 'limits-bucket', bucketType: 'allPrivate' })).bucketId;
  const seq = store.nextSeq();
  sourceId = newFileId(bucketId, seq, true, Date.now());
  await store.commit({
    t: 'version',
    v: {
      fileId: sourceId,
      bucketId,
      fileName: 'huge.bin',
      action: 'upload',
      seq,
      contentLength: 5_000_000_000,
      contentSha1: 'none',
      contentMd5: null,
      contentType: 'application/octet-stream',
      fileInfo: {},
      uploadTimestamp: Date.now(),
      segments: [{ blobId: 'planted', offset: 0, length: 5_000_000_000 }],
    },
  });
  server = createServer((req, res) => void handleRequest(state, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = state.tokens.issueAccount(store.meta.masterKeyId, null).token;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('copy size limits', () => {
  test('b2_copy_file of 5 GB or more → 400 source_too_large "Copy source too big: N"', async () => {
    const emu = { endpoint: state.endpoint } as Parameters<typeof call>[0];
    const r = await call(emu, token, 'b2_copy_file', { sourceFileId: sourceId, fileName: 'copy.bin' });
    expect(r.body).toEqual({ status: 400, code: 'source_too_large', message: 'Copy source too big: 5000000000' });
  });
});
