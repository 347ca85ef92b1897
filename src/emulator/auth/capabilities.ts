/**
 * Capability names as B2 spells them (docs/b2-api.md §2.1). Keys may be created with any of them,
 * as on B2; the master key holds only those of features the server implements
 * ({@link MASTER_CAPABILITIES}).
 */
export const ALL_CAPABILITIES: readonly string[] = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'listBuckets',
  'listAllBucketNames',
  'readBuckets',
  'writeBuckets',
  'deleteBuckets',
  'readBucketRetentions',
  'writeBucketRetentions',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketReplications',
  'writeBucketReplications',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketLifecycleRules',
  'writeBucketLifecycleRules',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'readFileRetentions',
  'writeFileRetentions',
  'bypassGovernance',
];

/**
 * Key management and whole-bucket create/update/delete: not for a bucket-restricted key
 * (docs/b2-api.md §2.5).
 */
const ACCOUNT_ONLY_CAPABILITIES: readonly string[] = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'writeBuckets',
  'deleteBuckets',
];

/**
 * Capabilities a bucket-restricted key may hold (docs/b2-api.md §2.5: no key or bucket management):
 * every capability but the account-only ones. Used as a set (b2_create_key validation).
 */
export const BUCKET_SCOPED_CAPABILITIES: readonly string[] = ALL_CAPABILITIES.filter(
  (c) => !ACCOUNT_ONLY_CAPABILITIES.includes(c),
);

/**
 * Capabilities of features the server does not implement: the S3 API (`listAllBucketNames`,
 * `readBuckets`) and lifecycle rules (refused, see ../api/bucket-settings.ts).
 */
const UNIMPLEMENTED: readonly string[] = [
  'listAllBucketNames',
  'readBuckets',
  'readBucketLifecycleRules',
  'writeBucketLifecycleRules',
];

/** What the master key holds: every capability whose feature the server implements. */
export const MASTER_CAPABILITIES: readonly string[] = ALL_CAPABILITIES.filter((c) => !UNIMPLEMENTED.includes(c));
