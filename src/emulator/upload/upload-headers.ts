/**
 * Parses the metadata headers of b2_upload_file (docs/b2-api.md §4.4, §4.5, §5.1):
 * X-Bz-File-Name (percent-decoded, `+` = space), Content-Type (b2/x-auto resolved), X-Bz-Info-*
 * (≤10, keys lower-cased, values percent-decoded), X-Bz-Custom-Upload-Timestamp, the encryption
 * and Object Lock headers (docs/b2-api.md §9.1, §10.3), and the headers B2 forbids on uploads.
 */
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../http/errors.js';
import { header } from '../http/http-util.js';
import { decodeHeaderValue, normaliseFileInfo, resolveContentType, validateFileName } from '../api/names.js';
import { parseSseHeaders } from '../api/encryption.js';
import { parseLockHeaders } from '../api/lock-rules.js';
import type { ProtectionRequest } from '../api/protection.js';

const FORBIDDEN = [
  'content-disposition',
  'content-language',
  'content-location',
  'content-range',
  'expires',
  'content-encoding',
];

/** Upload metadata from headers. */
export interface UploadMeta {
  fileName: string;
  contentType: string;
  fileInfo: Record<string, string>;
  /** X-Bz-Custom-Upload-Timestamp (ms) when given. */
  customTimestamp: number | undefined;
  /** Encryption, retention and legal hold asked for by the X-Bz-Server-Side-Encryption* and X-Bz-File-* headers. */
  protection: ProtectionRequest;
}

/** Parses and validates upload headers. Throws 400 bad_request. */
export function parseUploadMeta(req: IncomingMessage): UploadMeta {
  for (const h of FORBIDDEN) {
    if (header(req, h) !== undefined)
      throw badRequest(`The ${h} header is not allowed on uploads; use X-Bz-Info-b2-${h}`);
  }
  const rawName = header(req, 'x-bz-file-name');
  if (rawName === undefined) throw badRequest('Missing X-Bz-File-Name header');
  const fileName = decodeHeaderValue(rawName, 'X-Bz-File-Name');
  validateFileName(fileName);
  const rawType = header(req, 'content-type');
  if (rawType === undefined || rawType.trim() === '') throw badRequest('Missing Content-Type header');
  const info: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-bz-info-') || value === undefined) continue;
    const key = name.slice('x-bz-info-'.length);
    info[key] = decodeHeaderValue(Array.isArray(value) ? (value[0] ?? '') : value, name);
  }
  const fileInfo = normaliseFileInfo(info, fileName);
  let customTimestamp: number | undefined;
  const rawTs = header(req, 'x-bz-custom-upload-timestamp');
  if (rawTs !== undefined) {
    if (!/^\d+$/.test(rawTs) || Number(rawTs) > Date.now()) throw badRequest('Invalid X-Bz-Custom-Upload-Timestamp');
    customTimestamp = Number(rawTs);
  }
  const protection: ProtectionRequest = { sse: parseSseHeaders(req), ...parseLockHeaders(req, Date.now()) };
  return { fileName, contentType: resolveContentType(rawType.trim(), fileName), fileInfo, customTimestamp, protection };
}
