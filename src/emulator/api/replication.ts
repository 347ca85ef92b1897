/**
 * Replication configuration of a bucket (docs/b2-api.md §11): checked as B2 checks it, stored,
 * and shown back; files written to a source bucket under an enabled rule report
 * `replicationStatus: "pending"`. The server itself copies nothing between buckets.
 */
import { bucketAllowed } from '../auth/enforce.js';
import { badRequest } from '../http/errors.js';
import type { ReplicationConfiguration, ReplicationRule } from '../store/bucket-settings.js';
import type { ReplicationStatus } from '../store/file-settings.js';
import type { BucketRecord } from '../store/model.js';
import type { Store } from '../store/store.js';
import { principalFor } from '../auth/principal.js';

const RULE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PRIORITY = 2 ** 31 - 1;
/** b2sdk's defaults for the optional fields of a rule. */
const RULE_DEFAULTS = { fileNamePrefix: '', includeExistingFiles: false, isEnabled: true, priority: 128 };
const RULE_FIELDS = new Set([
  'destinationBucketId',
  'fileNamePrefix',
  'includeExistingFiles',
  'isEnabled',
  'priority',
  'replicationRuleName',
]);

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`${what} must be an object`);
  return value as Record<string, unknown>;
}

/**
 * A key of this account that may act on `bucketId` with `capability`: replication runs with the
 * keys the configuration names, so they must exist and be able to do their part. Throws 400.
 */
function requireKey(store: Store, keyId: unknown, bucketId: string, capability: string, what: string): string {
  if (typeof keyId !== 'string' || keyId === '') throw badRequest(`${what} must be an application key ID`);
  const key = store.keys.get(keyId);
  if (!key) throw badRequest(`${what}: application key ${keyId} does not exist`);
  const p = principalFor(store, keyId);
  if (!bucketAllowed(p, bucketId) || !p.capabilities.includes(capability)) {
    throw badRequest(`${what}: application key ${keyId} needs ${capability} on bucket ${bucketId}`);
  }
  return keyId;
}

function rule(store: Store, raw: unknown, sourceBucketId: string, at: string): ReplicationRule {
  const r = object(raw, at);
  for (const field of Object.keys(r))
    if (!RULE_FIELDS.has(field)) throw badRequest(`${at}.${field} is not a replication rule field`);
  const merged: Record<string, unknown> = {
    ...RULE_DEFAULTS,
    ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)),
  };
  const { destinationBucketId, fileNamePrefix, includeExistingFiles, isEnabled, priority, replicationRuleName } =
    merged;
  if (typeof replicationRuleName !== 'string' || !RULE_NAME.test(replicationRuleName))
    throw badRequest(`${at}.replicationRuleName must be 1 to 64 letters, digits, - or _`);
  if (typeof destinationBucketId !== 'string' || !store.buckets.has(destinationBucketId))
    throw badRequest(`${at}.destinationBucketId: bucket ${String(destinationBucketId)} does not exist`);
  if (destinationBucketId === sourceBucketId)
    throw badRequest(`${at}.destinationBucketId: a bucket cannot replicate to itself`);
  if (typeof fileNamePrefix !== 'string') throw badRequest(`${at}.fileNamePrefix must be a string`);
  if (typeof includeExistingFiles !== 'boolean' || typeof isEnabled !== 'boolean')
    throw badRequest(`${at}: includeExistingFiles and isEnabled must be booleans`);
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1 || priority > MAX_PRIORITY)
    throw badRequest(`${at}.priority must be an integer from 1 to ${MAX_PRIORITY}`);
  return { destinationBucketId, fileNamePrefix, includeExistingFiles, isEnabled, priority, replicationRuleName };
}

function source(store: Store, raw: unknown, bucketId: string): ReplicationConfiguration['asReplicationSource'] {
  if (raw === undefined || raw === null) return null;
  const s = object(raw, 'asReplicationSource');
  const keyId = requireKey(
    store,
    s.sourceApplicationKeyId,
    bucketId,
    'readFiles',
    'asReplicationSource.sourceApplicationKeyId',
  );
  if (!Array.isArray(s.replicationRules) || s.replicationRules.length === 0)
    throw badRequest('asReplicationSource.replicationRules must be a non-empty array');
  const rules = s.replicationRules.map((r, i) =>
    rule(store, r, bucketId, `asReplicationSource.replicationRules[${i}]`),
  );
  const names = new Set(rules.map((r) => r.replicationRuleName));
  if (names.size !== rules.length) throw badRequest('asReplicationSource.replicationRules: rule names must be unique');
  return { replicationRules: rules, sourceApplicationKeyId: keyId };
}

function destination(
  store: Store,
  raw: unknown,
  bucketId: string,
): ReplicationConfiguration['asReplicationDestination'] {
  if (raw === undefined || raw === null) return null;
  const mapping = object(
    object(raw, 'asReplicationDestination').sourceToDestinationKeyMapping,
    'asReplicationDestination.sourceToDestinationKeyMapping',
  );
  const out: Record<string, string> = {};
  for (const [sourceKey, destKey] of Object.entries(mapping)) {
    if (sourceKey === '') throw badRequest('sourceToDestinationKeyMapping: source key IDs must not be empty');
    out[sourceKey] = requireKey(store, destKey, bucketId, 'writeFiles', `sourceToDestinationKeyMapping[${sourceKey}]`);
  }
  return Object.keys(out).length === 0 ? null : { sourceToDestinationKeyMapping: out };
}

/**
 * Parses `replicationConfiguration` for bucket `bucketId` (undefined for a bucket being created).
 * Returns `{value: undefined}` when it says "none" (both sides null or empty). Throws 400.
 */
export function parseReplication(
  store: Store,
  raw: unknown,
  bucketId: string | undefined,
): { value: ReplicationConfiguration | undefined } {
  const c = object(raw, 'replicationConfiguration');
  for (const field of Object.keys(c)) {
    if (field !== 'asReplicationSource' && field !== 'asReplicationDestination')
      throw badRequest(`replicationConfiguration.${field} is not a replication field`);
  }
  const id = bucketId ?? '';
  const config = {
    asReplicationSource: source(store, c.asReplicationSource, id),
    asReplicationDestination: destination(store, c.asReplicationDestination, id),
  };
  return {
    value: config.asReplicationSource === null && config.asReplicationDestination === null ? undefined : config,
  };
}

/** `pending` for a file written to a source bucket under an enabled rule whose prefix it has. */
export function replicationStatusFor(bucket: BucketRecord, fileName: string): ReplicationStatus | undefined {
  const rules = bucket.replication?.asReplicationSource?.replicationRules ?? [];
  return rules.some((r) => r.isEnabled && fileName.startsWith(r.fileNamePrefix)) ? 'pending' : undefined;
}
