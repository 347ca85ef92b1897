/**
 * Plain-fetch access to the emulator's native API, used by the rclone suite to look at what rclone
 * left on the server (versions, hide markers, fileInfo) and to create restricted keys.
 */
import { basicAuth } from './rclone-server.js';

/** JSON from the wire, deliberately loose: tests assert on its fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON
export type Json = Record<string, any>;

/** An authorized session on one API version. */
export interface B2Session {
  accountId: string;
  apiUrl: string;
  downloadUrl: string;
  token: string;
  /** POSTs `/b2api/v{version}/{name}`; throws unless 200 (message carries the B2 error body). */
  call(name: string, body: Json, version?: number): Promise<Json>;
  /** Like call() but returns status and body without throwing. */
  raw(name: string, body: Json, version?: number): Promise<{ status: number; body: Json }>;
}

/** b2_authorize_account on v2 (flat shape) with the given key. @throws unless 200. */
export async function authorize(endpoint: string, keyId: string, key: string): Promise<B2Session> {
  const res = await fetch(`${endpoint}/b2api/v2/b2_authorize_account`, {
    headers: { Authorization: basicAuth(keyId, key) },
  });
  const a = (await res.json()) as Json;
  if (res.status !== 200) throw new Error(`authorize → ${res.status} ${a.code as string}`);
  const raw = async (name: string, body: Json, version = 2): Promise<{ status: number; body: Json }> => {
    const r = await fetch(`${a.apiUrl as string}/b2api/v${version}/${name}`, {
      method: 'POST',
      headers: { Authorization: a.authorizationToken as string, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Json };
  };
  return {
    accountId: a.accountId as string,
    apiUrl: a.apiUrl as string,
    downloadUrl: a.downloadUrl as string,
    token: a.authorizationToken as string,
    raw,
    async call(name, body, version) {
      const r = await raw(name, body, version);
      if (r.status !== 200) throw new Error(`${name} → ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

/** The bucket object named `name`, or undefined. */
export async function findBucket(s: B2Session, name: string): Promise<Json | undefined> {
  const r = await s.call('b2_list_buckets', { accountId: s.accountId });
  return (r.buckets as Json[]).find((b) => b.bucketName === name);
}

/** The bucket ID of `name`. @throws when there is no such bucket. */
export async function bucketId(s: B2Session, name: string): Promise<string> {
  const b = await findBucket(s, name);
  if (!b) throw new Error(`no bucket ${name}`);
  return b.bucketId as string;
}

/** Every version (uploads, hide markers, unfinished large files) under `prefix`, in B2's order. */
export async function listVersions(s: B2Session, bucket: string, prefix = ''): Promise<Json[]> {
  const id = await bucketId(s, bucket);
  const out: Json[] = [];
  let start: Json = {};
  for (;;) {
    const r = await s.call('b2_list_file_versions', { bucketId: id, prefix, maxFileCount: 1000, ...start });
    out.push(...(r.files as Json[]));
    if (r.nextFileName === null) return out;
    start = { startFileName: r.nextFileName, startFileId: r.nextFileId };
  }
}

/** The current (newest, visible) file objects under `prefix`, from b2_list_file_names. */
export async function listNames(s: B2Session, bucket: string, prefix = ''): Promise<Json[]> {
  const id = await bucketId(s, bucket);
  const r = await s.call('b2_list_file_names', { bucketId: id, prefix, maxFileCount: 10_000 });
  return r.files as Json[];
}
