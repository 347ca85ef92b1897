/**
 * Restriction checks as real B2 applies them on every call (docs/b2-api.md §2.1–§2.3): a missing
 * capability, a bucket outside the key's buckets, or a file name outside its namePrefix all give
 * 401 `unauthorized` (never 403, unlike the backblaze-labs simulator).
 */
import { unauthorized } from '../http/errors.js';
import type { Principal } from './principal.js';

/** Throws 401 unauthorized unless the key has `capability`. */
export function requireCapability(p: Principal, capability: string): void {
  if (!p.capabilities.includes(capability)) {
    throw unauthorized(`The application key does not have the ${capability} capability`);
  }
}

/** True when the key may touch this bucket. */
export function bucketAllowed(p: Principal, bucketId: string): boolean {
  return p.bucketIds === null || p.bucketIds.length === 0 || p.bucketIds.includes(bucketId);
}

/** True when the key is limited to some buckets. */
export function isBucketRestricted(p: Principal): boolean {
  return p.bucketIds !== null && p.bucketIds.length > 0;
}

/** Throws 401 unauthorized when the bucket is outside the key's buckets. */
export function requireBucket(p: Principal, bucketId: string): void {
  if (!bucketAllowed(p, bucketId)) {
    throw unauthorized(`The application key is not allowed to access bucket ${bucketId}`);
  }
}

/** True when `name` is inside the key's namePrefix. */
export function nameAllowed(p: Principal, name: string): boolean {
  return p.namePrefix === null || name.startsWith(p.namePrefix);
}

/** Throws 401 unauthorized when `name` does not start with the key's namePrefix. */
export function requireName(p: Principal, name: string): void {
  if (!nameAllowed(p, name)) {
    throw unauthorized(`The application key is only allowed to access files starting with ${p.namePrefix ?? ''}`);
  }
}

/** Capability + bucket + name in one call, for file operations. */
export function requireFileAccess(p: Principal, capability: string, bucketId: string, name: string): void {
  requireCapability(p, capability);
  requireBucket(p, bucketId);
  requireName(p, name);
}
