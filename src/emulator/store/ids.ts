/**
 * Identifier shapes copied from real B2 (docs/b2-api.md §1.7) so clients that peek at them
 * (length checks, prefixes) behave. All IDs are opaque to clients.
 */
import { randomBytes } from 'node:crypto';

const CLUSTER = '004';

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** 12 hex characters, like a real account ID. */
export function newAccountId(): string {
  return hex(6);
}

/** The master key ID: 25 characters, cluster + accountId + zeros. */
export function masterKeyIdFor(accountId: string): string {
  return `${CLUSTER}${accountId}0000000000`;
}

/** A 31-character secret starting with `K004`. */
export function newSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const raw = randomBytes(27);
  let out = `K${CLUSTER}`;
  for (const b of raw) out += alphabet[b % alphabet.length] ?? 'A';
  return out;
}

/** Application key ID: cluster + accountId + 10 hex digits of the sequence number. */
export function newApplicationKeyId(accountId: string, seq: number): string {
  return `${CLUSTER}${accountId}${seq.toString(16).padStart(10, '0')}`;
}

/** 24 hex characters. */
export function newBucketId(): string {
  return hex(12);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A file ID in B2's shape, `4_z<bucketId>_f<kind><seq>_d<date>_m<time>_c004_v…_t…`.
 * `kind` 1 = simple file, 2 = large file, as on real B2. Unique through `seq`.
 */
export function newFileId(bucketId: string, seq: number, large: boolean, now: number): string {
  const d = new Date(now);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}`;
  const kind = large ? '2' : '1';
  return `4_z${bucketId}_f${kind}${seq.toString(16).padStart(15, '0')}_d${date}_m${time}_c${CLUSTER}_v0402000_t0001`;
}

/** An opaque random token (account, upload, download authorization). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(30).toString('base64url')}`;
}

/** A short random ID for blobs and upload URLs. */
export function newShortId(): string {
  return hex(10);
}
