/**
 * What this provider asks B2 for about encryption (docs/b2-api.md §9), in one place. By default
 * nothing is sent, so every new file gets its bucket's default encryption (§9.2) and nothing
 * overrides it. A caller may ask for SSE-B2 on writes, or bring an SSE-C customer key: then
 * writes are SSE-C with it and reads (downloads, copy sources) send it. The key is only ever put
 * in request headers and bodies — never in messages, logs or entries.
 */
import { createHash } from 'node:crypto';

/** Encryption settings of one provider. */
export interface B2Encryption {
  /** Writes ask for this mode; absent: they ask for nothing and the bucket default applies. */
  write?: 'SSE-B2' | 'SSE-C';
  /** The 32-byte SSE-C customer key: for writes with `SSE-C` and for reading SSE-C files. */
  customerKey?: Buffer;
}

function customer(key: Buffer): { key: string; md5: string } {
  return { key: key.toString('base64'), md5: createHash('md5').update(key).digest('base64') };
}

/** Headers of b2_upload_file and b2_upload_part (§9.1): SSE-B2, the SSE-C trio, or none. */
export function writeHeaders(e: B2Encryption): Record<string, string> {
  if (e.write === 'SSE-B2') return { 'X-Bz-Server-Side-Encryption': 'AES256' };
  return e.write === 'SSE-C' && e.customerKey !== undefined ? readHeaders(e) : {};
}

/** The SSE-C trio of a download, when a customer key was given; else none. */
export function readHeaders(e: B2Encryption): Record<string, string> {
  if (e.customerKey === undefined) return {};
  const c = customer(e.customerKey);
  return {
    'X-Bz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
    'X-Bz-Server-Side-Encryption-Customer-Key': c.key,
    'X-Bz-Server-Side-Encryption-Customer-Key-Md5': c.md5,
  };
}

function sseC(key: Buffer): Record<string, string> {
  const c = customer(key);
  return { mode: 'SSE-C', algorithm: 'AES256', customerKey: c.key, customerKeyMd5: c.md5 };
}

/** `serverSideEncryption` of b2_start_large_file / `destinationServerSideEncryption` of copies, or undefined. */
export function writeField(e: B2Encryption): Record<string, string> | undefined {
  if (e.write === 'SSE-B2') return { mode: 'SSE-B2', algorithm: 'AES256' };
  return e.write === 'SSE-C' && e.customerKey !== undefined ? sseC(e.customerKey) : undefined;
}

/** The encryption fields of a b2_copy_file / b2_copy_part body: the source's key, the destination's mode. */
export function copyFields(e: B2Encryption): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (e.customerKey !== undefined) out.sourceServerSideEncryption = sseC(e.customerKey);
  const dest = writeField(e);
  if (dest !== undefined) out.destinationServerSideEncryption = dest;
  return out;
}

/** A session's encryption as `b2_start_large_file` fields (`serverSideEncryption`), or none. */
export function startEncryption(session: { encryption: B2Encryption }): Record<string, unknown> {
  const field = writeField(session.encryption);
  return field === undefined ? {} : { serverSideEncryption: field };
}

/** Headers of each b2_upload_part: an SSE-C large file needs its key on every part (§9.3). */
export function partHeaders(session: { encryption: B2Encryption }): Record<string, string> {
  return session.encryption.write === 'SSE-C' ? readHeaders(session.encryption) : {};
}
