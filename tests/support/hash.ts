/** Content hashes the tests compare with what arrived. */
import { createHash } from 'node:crypto';

/** SHA1 of `data`, lower-case hex, as B2 reports it. */
export function sha1(data: Uint8Array | string): string {
  return createHash('sha1').update(data).digest('hex');
}
