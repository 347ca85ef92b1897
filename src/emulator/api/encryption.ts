/**
 * Server-side encryption requests (docs/b2-api.md §9): SSE-B2 and SSE-C as JSON fields
 * (`serverSideEncryption`, `sourceServerSideEncryption`, `destinationServerSideEncryption`,
 * `defaultServerSideEncryption`) and as upload/download headers, parsed into one shape. A
 * customer key is checked against its MD5 and then forgotten: only the MD5 goes on.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../http/errors.js';
import { header } from '../http/http-util.js';
import type { SseSetting } from '../store/file-settings.js';

/** What a request asks for. `none` = no explicit encryption (the bucket default applies). */
export type SseRequest = { mode: 'none' } | { mode: 'SSE-B2' } | { mode: 'SSE-C'; customerKeyMd5: string };

const H_SSE = 'x-bz-server-side-encryption';
const H_ALGORITHM = 'x-bz-server-side-encryption-customer-algorithm';
const H_KEY = 'x-bz-server-side-encryption-customer-key';
const H_KEY_MD5 = 'x-bz-server-side-encryption-customer-key-md5';

/** The only algorithm B2 offers (docs/b2-api.md §9.1). */
const AES256 = 'AES256';

/**
 * Checks a base64 customer key (256 bits) against its base64 MD5 and returns the MD5 (docs/b2-api.md
 * §9.3). Throws 400 bad_request naming `what` for a malformed key or a mismatching MD5.
 */
function customerKeyMd5(key: unknown, md5: unknown, what: string): string {
  if (typeof key !== 'string' || key === '') throw badRequest(`${what}: the SSE-C customer key is missing`);
  if (typeof md5 !== 'string' || md5 === '') throw badRequest(`${what}: the SSE-C customer key MD5 is missing`);
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== key.trim()) {
    throw badRequest(`${what}: the SSE-C customer key must be 256 bits, base64-encoded`);
  }
  const actual = createHash('md5').update(bytes).digest('base64');
  if (actual !== md5.trim()) throw badRequest(`${what}: the SSE-C customer key MD5 does not match the key`);
  return actual;
}

/**
 * Parses an encryption object from a JSON body, or undefined when the field is absent or null.
 * `mode` null or "none" means no explicit encryption. Throws 400 bad_request.
 */
export function parseSseJson(value: unknown, field: string): SseRequest | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${field} must be an object`);
  const v = value as Record<string, unknown>;
  const hasKey = v.customerKey !== undefined || v.customerKeyMd5 !== undefined;
  if (v.mode === null || v.mode === undefined || v.mode === 'none') {
    if (hasKey || (v.algorithm !== undefined && v.algorithm !== null))
      throw badRequest(`${field}: no algorithm or key without a mode`);
    return { mode: 'none' };
  }
  if (v.algorithm !== AES256) throw badRequest(`${field}.algorithm must be ${AES256}`);
  if (v.mode === 'SSE-B2') {
    if (hasKey) throw badRequest(`${field}: SSE-B2 takes no customer key`);
    return { mode: 'SSE-B2' };
  }
  if (v.mode === 'SSE-C')
    return { mode: 'SSE-C', customerKeyMd5: customerKeyMd5(v.customerKey, v.customerKeyMd5, field) };
  throw badRequest(`${field}.mode must be SSE-B2 or SSE-C, not ${JSON.stringify(v.mode)}`);
}

/**
 * Parses the encryption headers of an upload, a part or a download, or undefined when there
 * are none. SSE-B2 (`X-Bz-Server-Side-Encryption: AES256`) and the SSE-C trio exclude each
 * other. Throws 400 bad_request.
 */
export function parseSseHeaders(req: IncomingMessage): SseRequest | undefined {
  const plain = header(req, H_SSE);
  const algorithm = header(req, H_ALGORITHM);
  const key = header(req, H_KEY);
  const md5 = header(req, H_KEY_MD5);
  const customer = algorithm !== undefined || key !== undefined || md5 !== undefined;
  if (plain !== undefined) {
    if (customer) throw badRequest('X-Bz-Server-Side-Encryption (SSE-B2) and the SSE-C headers exclude each other');
    if (plain.trim() !== AES256) throw badRequest(`X-Bz-Server-Side-Encryption must be ${AES256}`);
    return { mode: 'SSE-B2' };
  }
  if (!customer) return undefined;
  if (algorithm?.trim() !== AES256)
    throw badRequest(`X-Bz-Server-Side-Encryption-Customer-Algorithm must be ${AES256}`);
  return { mode: 'SSE-C', customerKeyMd5: customerKeyMd5(key?.trim(), md5, 'SSE-C headers') };
}

/** The setting a new file gets: what the request asks for, else the bucket's default. */
export function newFileSse(
  requested: SseRequest | undefined,
  bucketDefault: SseSetting | undefined,
): SseSetting | undefined {
  switch (requested?.mode) {
    case 'SSE-B2':
      return { mode: 'SSE-B2', algorithm: AES256 };
    case 'SSE-C':
      return { mode: 'SSE-C', algorithm: AES256, customerKeyMd5: requested.customerKeyMd5 };
    case 'none':
    case undefined:
      return bucketDefault;
    default: {
      const never: never = requested;
      return never;
    }
  }
}

/** `serverSideEncryption` of a file or part object: mode and algorithm, both null when none. */
export function sseShape(sse: SseSetting | undefined): { algorithm: string | null; mode: string | null } {
  return sse ? { algorithm: sse.algorithm, mode: sse.mode } : { algorithm: null, mode: null };
}

/** The response headers that tell a download how its file is encrypted (docs/b2-api.md §9.4). */
export function sseDownloadHeaders(sse: SseSetting | undefined): Record<string, string> {
  if (sse?.mode === 'SSE-B2') return { 'X-Bz-Server-Side-Encryption': sse.algorithm };
  if (sse?.mode === 'SSE-C') {
    return {
      'X-Bz-Server-Side-Encryption-Customer-Algorithm': sse.algorithm,
      'X-Bz-Server-Side-Encryption-Customer-Key-Md5': sse.customerKeyMd5,
    };
  }
  return {};
}
