/**
 * File-name and file-info rules (docs/b2-api.md §4.1, §4.4, §4.5): names are 1–1024 UTF-8 bytes
 * without control characters or DEL; header values are percent-encoded with `+` meaning space; at
 * most 10 info keys, lower-cased, ≤50 bytes, from a fixed character set; `b2-*` keys only from a
 * whitelist; name plus info within 7000 bytes. Content types and info values must not hold control
 * characters either (below 0x20, DEL): checked once, at write time, on every path that sets them
 * (b2_upload_file, b2_start_large_file, b2_copy_file with REPLACE), so that nothing stored can
 * later break a download's headers (docs/b2-api.md §8).
 */
import { badRequest } from '../http/errors.js';

const MAX_NAME_BYTES = 1024;
const MAX_INFO_KEYS = 10;
const MAX_INFO_KEY_BYTES = 50;
const MAX_HEADER_BYTES = 7000;
/** The header budget of a file that is encrypted or in an Object Lock bucket (docs/b2-api.md §4.5). */
const PROTECTED_HEADER_BYTES = 2048;
const INFO_KEY_RE = /^[A-Za-z0-9\-_.`~!#$%^&*'|+]+$/;
const B2_KEYS = new Set([
  'b2-content-disposition',
  'b2-content-language',
  'b2-expires',
  'b2-cache-control',
  'b2-content-encoding',
]);

/** Decodes a percent-encoded header value with form semantics (`+` is a space). Throws 400. */
export function decodeHeaderValue(value: string, what: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`${what} is not valid percent-encoded UTF-8`);
  }
}

const LITERAL = /[A-Za-z0-9\-._~!$'()*;=:@/]/;

/** Percent-encodes for X-Bz-File-Name / X-Bz-Info-* headers, minimally (B2's literal set). */
export function encodeHeaderValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (LITERAL.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Throws 400 bad_request unless `name` is a legal B2 file name. */
export function validateFileName(name: string): void {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes === 0) throw badRequest('File name must not be empty');
  if (bytes > MAX_NAME_BYTES) throw badRequest(`File name is too long: ${bytes} bytes (max ${MAX_NAME_BYTES})`);
  // Control characters below 0x20 and DEL are illegal (docs/b2-api.md §4.1).
  if (CONTROL.test(name)) throw badRequest('File names must not contain characters below 0x20 or DEL');
}

function validateB2Value(key: string, value: string): void {
  if (value.trim() === '') throw badRequest(`Invalid value for ${key}`);
  if (key === 'b2-expires' && Number.isNaN(Date.parse(value)))
    throw badRequest(`Invalid value for ${key}: not an HTTP date`);
  if (key === 'b2-content-disposition' && /\*\d+\*?=/.test(value)) {
    throw badRequest('b2-content-disposition parameter continuations are not supported');
  }
}

/**
 * Validates custom file info and returns it with lower-cased keys. `name` counts towards the
 * 7000-byte header budget. Throws 400 bad_request.
 */
export function normaliseFileInfo(info: Record<string, unknown>, name: string): Record<string, string> {
  // Null prototype: an info key such as "__proto__" must be stored, not reinterpreted.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const entries = Object.entries(info);
  if (entries.length > MAX_INFO_KEYS)
    throw badRequest(`Too many file info entries: ${entries.length} (max ${MAX_INFO_KEYS})`);
  for (const [rawKey, rawValue] of entries) {
    if (typeof rawValue !== 'string') throw badRequest(`File info value for ${rawKey} must be a string`);
    if (CONTROL.test(rawValue))
      throw badRequest(`File info value for ${rawKey} must not contain characters below 0x20 or DEL`);
    if (!INFO_KEY_RE.test(rawKey) || Buffer.byteLength(rawKey) > MAX_INFO_KEY_BYTES) {
      throw badRequest(`Invalid file info key: ${rawKey}`);
    }
    const key = rawKey.toLowerCase();
    if (key.startsWith('b2-')) {
      if (!B2_KEYS.has(key)) throw badRequest(`Invalid file info key: ${rawKey} (b2- names are reserved)`);
      validateB2Value(key, rawValue);
    }
    out[key] = rawValue;
  }
  if (headerBytes(name, out) > MAX_HEADER_BYTES)
    throw badRequest(`File name and file info exceed ${MAX_HEADER_BYTES} bytes`);
  return out;
}

/** Bytes the name and info take as download headers, the measure of the budgets above. */
function headerBytes(name: string, info: Record<string, string>): number {
  let bytes = Buffer.byteLength(encodeHeaderValue(name));
  for (const [key, value] of Object.entries(info))
    bytes += Buffer.byteLength(`X-Bz-Info-${key}`) + Buffer.byteLength(encodeHeaderValue(value));
  return bytes;
}

/**
 * Applies the smaller budget to a file that is encrypted or goes into an Object Lock bucket
 * (`protectedFile`): name and info within 2048 bytes. Throws 400 bad_request.
 */
export function checkProtectedBudget(name: string, info: Record<string, string>, protectedFile: boolean): void {
  if (protectedFile && headerBytes(name, info) > PROTECTED_HEADER_BYTES) {
    throw badRequest(
      `File name and file info exceed ${PROTECTED_HEADER_BYTES} bytes, the limit for encrypted files and Object Lock buckets`,
    );
  }
}

/** mime-types' lookup, once {@link loadContentTypes} has loaded it. */
let lookupByName: ((name: string) => string | false) | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the MIME tables `b2/x-auto` needs. Not at the server's start: reading and compiling them
 * takes a cold server about 20 ms, which `b2c --demo`'s sign-in would wait for (bench/README.md,
 * "Start-up"). The router awaits this before the calls that may name `b2/x-auto`.
 */
export function loadContentTypes(): Promise<void> {
  return (loading ??= import('mime-types').then((m) => {
    lookupByName = m.default.lookup;
  }));
}

/**
 * Validates a content type (not empty, no control characters: it is sent back raw as the
 * Content-Type of every download) and resolves `b2/x-auto` from the name's extension (falling
 * back to application/octet-stream). Throws 400 bad_request.
 * @throws Error for `b2/x-auto` before {@link loadContentTypes} has resolved (a caller's bug)
 */
export function resolveContentType(contentType: string, fileName: string): string {
  if (contentType.trim() === '') throw badRequest('contentType must not be empty');
  if (CONTROL.test(contentType)) throw badRequest('contentType must not contain characters below 0x20 or DEL');
  if (contentType.toLowerCase() !== 'b2/x-auto') return contentType;
  if (lookupByName === undefined) throw new Error('b2/x-auto was resolved before loadContentTypes() ended');
  return lookupByName(fileName) || 'application/octet-stream';
}
