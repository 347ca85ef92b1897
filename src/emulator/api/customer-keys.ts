/**
 * The encryption checks on reads and on parts (docs/b2-api.md §9.3): an SSE-C file is read (by a
 * download or as a copy source) only with its key, and every part of a large file is encrypted as
 * the large file is. A missing or malformed key is 400 `bad_request`; a well-formed key that is not
 * the file's is 403 `access_denied`, as B2 answers.
 */
import { B2Error, badRequest } from '../http/errors.js';
import type { SseSetting } from '../store/file-settings.js';
import type { SseRequest } from './encryption.js';

/** 403 access_denied: the key is well formed but not the one the file was written with. */
function wrongKey(what: string): B2Error {
  return new B2Error(403, 'access_denied', `${what}: the SSE-C key does not match the key the file was encrypted with`);
}

/**
 * Checks the key a read brings (`supplied`, from headers or `sourceServerSideEncryption`) against
 * a file's encryption. Files that are not SSE-C need none, and a key sent for them is ignored.
 */
export function requireReadKey(sse: SseSetting | undefined, supplied: SseRequest | undefined, what: string): void {
  if (sse?.mode !== 'SSE-C') return;
  if (supplied?.mode !== 'SSE-C')
    throw badRequest(`${what}: the file is encrypted with SSE-C; its customer key is required`);
  if (supplied.customerKeyMd5 !== sse.customerKeyMd5) throw wrongKey(what);
}

/**
 * Checks that a part (b2_upload_part headers, b2_copy_part `destinationServerSideEncryption`) is
 * encrypted as its large file (`largeSse`): the same SSE-C key, or SSE-B2 only for an SSE-B2
 * large file. Absent means "as the large file" except for SSE-C, which needs its key every time.
 */
export function requireSameEncryption(
  largeSse: SseSetting | undefined,
  supplied: SseRequest | undefined,
  what: string,
): void {
  if (largeSse?.mode === 'SSE-C') {
    requireReadKey(largeSse, supplied, what);
    return;
  }
  if (supplied?.mode === 'SSE-C') throw badRequest(`${what}: the large file is not encrypted with SSE-C`);
  if (supplied?.mode === 'SSE-B2' && largeSse?.mode !== 'SSE-B2')
    throw badRequest(`${what}: the large file is not encrypted with SSE-B2`);
}
