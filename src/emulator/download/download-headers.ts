/**
 * Response headers of a download (docs/b2-api.md §6.3): Content-Type/Length, X-Bz-File-Id,
 * X-Bz-File-Name (percent-encoded), X-Bz-Content-Sha1 (whole file, `none` for large files),
 * X-Bz-Upload-Timestamp, X-Bz-Info-* for custom info, the `b2-*` info turned into real
 * headers, how the file is encrypted (docs/b2-api.md §9.4), its Object Lock settings (§10.6) and
 * its replication status (§11.2). Query overrides (b2ContentDisposition …) win over the file's info, and bucket
 * `Cache-Control` info is the last fallback.
 */
import type { BucketRecord, VersionRecord } from '../store/model.js';
import { encodeHeaderValue } from '../api/names.js';
import { sseDownloadHeaders } from '../api/encryption.js';

/** Query parameter → response header overrides a download may carry. */
export const OVERRIDE_PARAMS: Record<string, string> = {
  b2ContentDisposition: 'Content-Disposition',
  b2ContentLanguage: 'Content-Language',
  b2Expires: 'Expires',
  b2CacheControl: 'Cache-Control',
  b2ContentEncoding: 'Content-Encoding',
  b2ContentType: 'Content-Type',
};

const INFO_HEADERS: Record<string, string> = {
  'b2-content-disposition': 'Content-Disposition',
  'b2-content-language': 'Content-Language',
  'b2-expires': 'Expires',
  'b2-cache-control': 'Cache-Control',
  'b2-content-encoding': 'Content-Encoding',
};

/** Node refuses header values outside latin-1 printable; escape what it would reject. */
function safeHeader(value: string): string {
  return /[^\t\x20-\x7e]/.test(value) ? encodeHeaderValue(value) : value;
}

function bucketCacheControl(bucket: BucketRecord): string | undefined {
  for (const [k, v] of Object.entries(bucket.bucketInfo)) {
    if (k.toLowerCase() === 'cache-control' && typeof v === 'string') return v;
  }
  return undefined;
}

/**
 * Object Lock headers of a file in a bucket with Object Lock (docs/b2-api.md §10.6): retention
 * and legal hold for a caller that may read them, else their names in
 * X-Bz-Client-Unauthorized-To-Read.
 */
function lockHeaders(v: VersionRecord, capabilities: readonly string[]): Record<string, string> {
  const h: Record<string, string> = {};
  const hidden: string[] = [];
  if (!capabilities.includes('readFileRetentions'))
    hidden.push('X-Bz-File-Retention-Mode', 'X-Bz-File-Retention-Retain-Until-Timestamp');
  else if (v.retention) {
    h['X-Bz-File-Retention-Mode'] = v.retention.mode;
    h['X-Bz-File-Retention-Retain-Until-Timestamp'] = String(v.retention.retainUntilTimestamp);
  }
  if (!capabilities.includes('readFileLegalHolds')) hidden.push('X-Bz-File-Legal-Hold');
  else if (v.legalHold) h['X-Bz-File-Legal-Hold'] = v.legalHold;
  if (hidden.length > 0) h['X-Bz-Client-Unauthorized-To-Read'] = hidden.join(',');
  return h;
}

/**
 * Builds the headers for a download of `v` (without Content-Length / Content-Range);
 * `capabilities` are the caller's (none for public buckets and share links).
 */
export function downloadHeaders(
  v: VersionRecord,
  bucket: BucketRecord,
  query: URLSearchParams,
  capabilities: readonly string[],
): Record<string, string> {
  const h: Record<string, string> = {
    // Written before the write-time check existed, a stored type may hold control characters: escaped, never a 500.
    'Content-Type': safeHeader(v.contentType),
    'X-Bz-File-Id': v.fileId,
    'X-Bz-File-Name': encodeHeaderValue(v.fileName),
    'X-Bz-Content-Sha1': v.contentSha1,
    'X-Bz-Upload-Timestamp': String(v.uploadTimestamp),
    'Accept-Ranges': 'bytes',
    ...sseDownloadHeaders(v.sse),
    ...(bucket.fileLockEnabled === true ? lockHeaders(v, capabilities) : {}),
    ...(v.replicationStatus ? { 'X-Bz-Replication-Status': v.replicationStatus } : {}),
  };
  const cache = bucketCacheControl(bucket);
  if (cache !== undefined) h['Cache-Control'] = safeHeader(cache);
  for (const [key, value] of Object.entries(v.fileInfo)) {
    const real = Object.hasOwn(INFO_HEADERS, key) ? INFO_HEADERS[key] : undefined;
    if (real) h[real] = safeHeader(value);
    else h[`X-Bz-Info-${key}`] = encodeHeaderValue(value);
  }
  for (const [param, name] of Object.entries(OVERRIDE_PARAMS)) {
    const value = query.get(param);
    if (value !== null) h[name] = safeHeader(value);
  }
  return h;
}
