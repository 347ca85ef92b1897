/**
 * A minimal B2 native-API client for the benchmark harness itself (plain fetch, v2 shapes): create
 * the bucket, and verify independently of the tool under test what a transfer left on the server
 * by listing names and downloading every file through SHA1. Never prints the key or the token.
 */
import { createHash } from 'node:crypto';
import type { FileFacts, TreeFacts } from './data.js';

export interface NativeSession {
  apiUrl: string;
  downloadUrl: string;
  token: string;
  accountId: string;
}

async function call<T>(s: NativeSession, op: string, body: unknown): Promise<T> {
  const res = await fetch(`${s.apiUrl}/b2api/v2/${op}`, {
    method: 'POST',
    headers: { Authorization: s.token },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${op}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/** b2_authorize_account (v2). @throws on any non-200. */
export async function authorize(endpoint: string, keyId: string, key: string): Promise<NativeSession> {
  const res = await fetch(`${endpoint}/b2api/v2/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${keyId}:${key}`).toString('base64')}` },
  });
  if (!res.ok) throw new Error(`b2_authorize_account: HTTP ${res.status}`);
  const d = (await res.json()) as {
    apiUrl: string;
    downloadUrl: string;
    authorizationToken: string;
    accountId: string;
  };
  return { apiUrl: d.apiUrl, downloadUrl: d.downloadUrl, token: d.authorizationToken, accountId: d.accountId };
}

/** Creates a private bucket; returns its ID. */
export async function createBucket(s: NativeSession, bucketName: string): Promise<string> {
  const d = await call<{ bucketId: string }>(s, 'b2_create_bucket', {
    accountId: s.accountId,
    bucketName,
    bucketType: 'allPrivate',
  });
  return d.bucketId;
}

/** Every file name under `prefix` with its size (b2_list_file_names, 1000 per page). */
export async function listNames(s: NativeSession, bucketId: string, prefix: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let start: string | null = null;
  do {
    const page: { files: Array<{ fileName: string; contentLength: number }>; nextFileName: string | null } = await call(
      s,
      'b2_list_file_names',
      {
        bucketId,
        prefix,
        maxFileCount: 1000,
        ...(start === null ? {} : { startFileName: start }),
      },
    );
    for (const f of page.files) out.set(f.fileName, f.contentLength);
    start = page.nextFileName;
  } while (start !== null);
  return out;
}

function encodeName(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** Downloads one file by name and hashes it on the way (nothing kept in memory). */
export async function downloadFacts(s: NativeSession, bucket: string, name: string): Promise<FileFacts> {
  const res = await fetch(`${s.downloadUrl}/file/${bucket}/${encodeName(name)}`, {
    headers: { Authorization: s.token },
  });
  if (!res.ok || res.body === null) throw new Error(`download ${name}: HTTP ${res.status}`);
  const hash = createHash('sha1');
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    hash.update(chunk);
  }
  return { size, sha1: hash.digest('hex') };
}

/**
 * What the server holds under `prefix` (relative names → facts), every file downloaded and hashed,
 * `parallel` at a time.
 */
export async function remoteTree(
  s: NativeSession,
  bucket: { id: string; name: string },
  prefix: string,
  parallel = 8,
): Promise<TreeFacts> {
  const names = [...(await listNames(s, bucket.id, prefix)).keys()];
  const facts: TreeFacts = new Map();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      facts.set(name.slice(prefix.length), await downloadFacts(s, bucket.name, name));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, names.length) }, worker));
  return facts;
}
