/**
 * Helpers for the emulator conformance suite: real HTTP on 127.0.0.1 with fetch, plus the real
 * backblaze-b2 client pointed at the emulator.
 */
import B2 from 'backblaze-b2';
import { afterAll, beforeAll } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { sha1 } from '../support/hash.js';
import { startTestServer } from '../support/server.js';

export { sha1 };

/** JSON from the wire, deliberately loose: tests assert on its fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON; the lint config relaxes no-unsafe-* for tests for the same reason
export type Json = Record<string, any>;

/** A fetch result with the parsed JSON body (or raw bytes when not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
  bytes: Buffer;
}

export async function reply(res: Response): Promise<Reply> {
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: Json = {};
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && bytes.length > 0) {
    body = JSON.parse(bytes.toString('utf8')) as Json;
  }
  return { status: res.status, headers: res.headers, body, bytes };
}

/** Starts an emulator (tests/support/server.ts) with small parts by default. */
export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { log, ...emulatorOptions } = options;
  return (
    await startTestServer({ absoluteMinimumPartSize: 100, recommendedPartSize: 1000, ...emulatorOptions, onLog: log })
  ).emu;
}

/** GET b2_authorize_account on `version` with Basic auth. */
export async function authorizeRaw(
  emu: RunningEmulator,
  version: number,
  keyId: string,
  key: string,
  method = 'GET',
): Promise<Reply> {
  const basic = Buffer.from(`${keyId}:${key}`).toString('base64');
  const init: RequestInit = { method, headers: { Authorization: `Basic ${basic}` } };
  if (method === 'POST') init.body = '{}';
  return reply(await fetch(`${emu.endpoint}/b2api/v${version}/b2_authorize_account`, init));
}

/** Authorizes and returns the token (throws on failure). */
export async function tokenFor(
  emu: RunningEmulator,
  keyId = emu.masterKeyId,
  key = emu.masterKey,
  version = 4,
): Promise<string> {
  const r = await authorizeRaw(emu, version, keyId, key);
  if (r.status !== 200) throw new Error(`authorize failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.authorizationToken as string;
}

/** POSTs a JSON API call. */
export async function call(
  emu: RunningEmulator,
  token: string,
  name: string,
  body: Json = {},
  version = 2,
): Promise<Reply> {
  return reply(
    await fetch(`${emu.endpoint}/b2api/v${version}/${name}`, {
      method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** Like call() but throws unless 200; returns the body. */
export async function ok(
  emu: RunningEmulator,
  token: string,
  name: string,
  body: Json = {},
  version = 2,
): Promise<Json> {
  const r = await call(emu, token, name, body, version);
  if (r.status !== 200) throw new Error(`${name} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Creates a key with `capabilities` (v4 b2_create_key, with the master token `masterToken`) and
 * returns a token of that key.
 */
export async function tokenWithCapabilities(
  emu: RunningEmulator,
  masterToken: string,
  capabilities: string[],
): Promise<string> {
  const k = await ok(
    emu,
    masterToken,
    'b2_create_key',
    { accountId: emu.accountId, keyName: `k${Math.random().toString(36).slice(2, 10)}`, capabilities },
    4,
  );
  return tokenFor(emu, k.applicationKeyId as string, k.applicationKey as string);
}

/** What {@link useBucketEmulator} hands to its `ready` callback. */
export interface BucketEmulator {
  emu: RunningEmulator;
  /** Master-key account token (v4 authorize). */
  token: string;
  bucketId: string;
}

/**
 * Registers suite hooks: beforeAll starts an emulator ({@link start} defaults), authorizes with
 * the master key and creates `bucketName` (allPrivate), then calls `ready` (which may do extra
 * setup); afterAll closes the emulator. Call at module or describe level.
 */
export function useBucketEmulator(bucketName: string, ready: (setup: BucketEmulator) => void | Promise<void>): void {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await start();
    const token = await tokenFor(emu);
    const bucketId = await makeBucket(emu, token, bucketName);
    await ready({ emu, token, bucketId });
  });
  afterAll(() => emu?.close());
}

/** Creates a bucket with the master token. */
export async function makeBucket(
  emu: RunningEmulator,
  token: string,
  name: string,
  type = 'allPrivate',
): Promise<string> {
  const accountId = emu.accountId;
  const b = await ok(emu, token, 'b2_create_bucket', { accountId, bucketName: name, bucketType: type });
  return b.bucketId as string;
}

/** Gets an upload URL and uploads `data` with fetch; extra headers override the defaults. */
export async function upload(
  emu: RunningEmulator,
  token: string,
  bucketId: string,
  name: string,
  data: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const u = await ok(emu, token, 'b2_get_upload_url', { bucketId });
  return uploadTo(u, name, data, headers);
}

/** Uploads to an existing upload URL/token pair. */
export async function uploadTo(
  u: Json,
  name: string,
  data: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return reply(
    await fetch(u.uploadUrl as string, {
      method: 'POST',
      headers: {
        Authorization: u.authorizationToken as string,
        'X-Bz-File-Name': encodeURIComponent(name).replace(/%2F/g, '/'),
        'Content-Type': 'b2/x-auto',
        'X-Bz-Content-Sha1': sha1(buf),
        ...headers,
      },
      body: buf,
    }),
  );
}

/** Uploads and returns the file object (throws unless 200). */
export async function put(
  emu: RunningEmulator,
  token: string,
  bucketId: string,
  name: string,
  data: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Json> {
  const r = await upload(emu, token, bucketId, name, data, headers);
  if (r.status !== 200) throw new Error(`upload ${name} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

type LibCall = (args?: Json) => Promise<{ status: number; data: Json; headers: Json }>;

/** The backblaze-b2 1.7.1 methods these tests use (the package ships no typings). */
export interface B2Lib {
  accountId: string;
  authorize: LibCall;
  listBuckets: LibCall;
  getBucket: LibCall;
  createBucket: LibCall;
  updateBucket: LibCall;
  deleteBucket: LibCall;
  getUploadUrl: LibCall;
  uploadFile: LibCall;
  listFileNames: LibCall;
  listFileVersions: LibCall;
  hideFile: LibCall;
  getFileInfo: LibCall;
  deleteFileVersion: LibCall;
  downloadFileByName: LibCall;
  downloadFileById: LibCall;
  getDownloadAuthorization: LibCall;
  startLargeFile: LibCall;
  getUploadPartUrl: LibCall;
  uploadPart: LibCall;
  listParts: LibCall;
  finishLargeFile: LibCall;
  cancelLargeFile: LibCall;
  createKey: LibCall;
  listKeys: LibCall;
  deleteKey: LibCall;
}

/** A backblaze-b2 client authorized against the emulator (v2, as the npm client does). */
export async function b2Client(emu: RunningEmulator, keyId = emu.masterKeyId, key = emu.masterKey): Promise<B2Lib> {
  const b2 = new B2({ applicationKeyId: keyId, applicationKey: key, retry: { retries: 0 } }) as unknown as B2Lib;
  await b2.authorize({ axiosOverride: { url: `${emu.endpoint}/b2api/v2/b2_authorize_account` } });
  return b2;
}

/** The B2 error body of an axios error thrown by backblaze-b2. */
export function axiosError(err: unknown): { status: number; body: Json } {
  const e = err as { response?: { status: number; data: Json } };
  if (!e.response) throw err;
  return { status: e.response.status, body: e.response.data };
}

/** Runs `fn` expecting backblaze-b2 to reject; returns status and B2 error body. */
export async function b2Fails(fn: () => Promise<unknown>): Promise<{ status: number; body: Json }> {
  try {
    await fn();
  } catch (err) {
    return axiosError(err);
  }
  throw new Error('expected the call to fail');
}

/** Sends raw HTTP/1.1 bytes (for requests fetch cannot make) and returns status + body text. */
export async function rawHttp(
  endpoint: string,
  head: string,
  body: Buffer = Buffer.alloc(0),
): Promise<{ status: number; text: string }> {
  const { connect } = await import('node:net');
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? '0');
      resolve({ status, text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    socket.end(body);
  });
}
