/**
 * The catalog of B2 application-key capabilities (docs/b2-api.md §2.1), as data: what group each belongs
 * to and what it lets a b2c user do, in plain words. Drives the key inspector's ✓/✗ list, the
 * create-key checklist and the "this key has …" part of permission reasons.
 * Pure: no I/O, no clock.
 */

/** Groups, in the order the key inspector shows them. `other` holds names b2c does not know. */
export type CapabilityGroup =
  | 'files'
  | 'buckets'
  | 'keys'
  | 'retention'
  | 'encryption'
  | 'replication'
  | 'notifications'
  | 'lifecycle'
  | 'logging'
  | 'other';

/** A group's id, heading, and the noun used in sentences ("this key has no file capabilities"). */
export interface CapabilityGroupInfo {
  id: CapabilityGroup;
  label: string;
  noun: string;
}

/** Every group in display order. */
export const CAPABILITY_GROUPS: readonly CapabilityGroupInfo[] = [
  { id: 'files', label: 'Files', noun: 'file' },
  { id: 'buckets', label: 'Buckets', noun: 'bucket' },
  { id: 'keys', label: 'Keys', noun: 'key-management' },
  { id: 'retention', label: 'Retention and legal hold', noun: 'retention' },
  { id: 'encryption', label: 'Encryption', noun: 'encryption' },
  { id: 'replication', label: 'Replication', noun: 'replication' },
  { id: 'notifications', label: 'Notifications', noun: 'notification' },
  { id: 'lifecycle', label: 'Lifecycle rules', noun: 'lifecycle' },
  { id: 'logging', label: 'Logging', noun: 'logging' },
  { id: 'other', label: 'Other', noun: 'other' },
];

/** One capability as b2c explains it. */
export interface CapabilityInfo {
  /** Exactly as B2 spells it. */
  name: string;
  group: CapabilityGroup;
  /** What it lets a b2c user do, lower-case, no trailing period ("download files and read their info"). */
  meaning: string;
  /**
   * Whether a key limited to buckets may hold it (docs/b2-api.md §2.5: bucket-limited keys get no key
   * management, writeBuckets or deleteBuckets). The create-key dialog offers only these when
   * buckets are chosen. Replication, lifecycle and logging are not in that list; they are
   * per-bucket settings like encryption, so they are marked bucket-scoped [?].
   */
  bucketScoped: boolean;
  /** False for `other`: a name the server sent that this catalog does not describe. */
  known: boolean;
}

type Row = readonly [name: string, group: CapabilityGroup, meaning: string, bucketScoped: boolean];

// Order within a group is the order the inspector lists them: reading before writing before deleting.
const ROWS: readonly Row[] = [
  ['listFiles', 'files', 'list files and folders', true],
  ['readFiles', 'files', 'download files and read their info', true],
  ['shareFiles', 'files', 'make share links that download without a key', true],
  ['writeFiles', 'files', 'upload, copy, move, rename and hide files, and make folders', true],
  ['deleteFiles', 'files', 'delete file versions for good', true],
  ['listBuckets', 'buckets', 'list buckets and find a bucket by name', true],
  ['listAllBucketNames', 'buckets', 'list every bucket name, even outside the key (S3 API only)', true],
  ['readBuckets', 'buckets', 'read bucket settings (S3 API only)', true],
  ['writeBuckets', 'buckets', 'create buckets and change their settings', false],
  ['deleteBuckets', 'buckets', 'delete empty buckets', false],
  ['listKeys', 'keys', "list the account's application keys", false],
  ['writeKeys', 'keys', 'create application keys (this grants full access to the account)', false],
  ['deleteKeys', 'keys', 'delete application keys', false],
  ['readFileRetentions', 'retention', 'see until when Object Lock keeps a file', true],
  ['writeFileRetentions', 'retention', 'set or extend how long Object Lock keeps a file', true],
  ['readFileLegalHolds', 'retention', 'see whether a file is under legal hold', true],
  ['writeFileLegalHolds', 'retention', 'put files under legal hold or release them', true],
  ['readBucketRetentions', 'retention', "see a bucket's Object Lock settings", true],
  ['writeBucketRetentions', 'retention', "change a bucket's Object Lock settings", true],
  ['bypassGovernance', 'retention', 'delete or unlock files in governance retention', true],
  ['readBucketEncryption', 'encryption', 'see how a bucket encrypts new files (SSE-B2)', true],
  ['writeBucketEncryption', 'encryption', 'change how a bucket encrypts new files', true],
  ['readBucketReplications', 'replication', 'see which buckets a bucket replicates to', true],
  ['writeBucketReplications', 'replication', 'change which buckets a bucket replicates to', true],
  ['readBucketNotifications', 'notifications', 'see which URLs a bucket tells of file events', true],
  ['writeBucketNotifications', 'notifications', 'change which URLs a bucket tells of file events', true],
  ['readBucketLifecycleRules', 'lifecycle', "see a bucket's lifecycle rules", true],
  ['writeBucketLifecycleRules', 'lifecycle', "change a bucket's lifecycle rules", true],
  ['readBucketLogging', 'logging', "see a bucket's access-logging settings", true],
  ['writeBucketLogging', 'logging', "change a bucket's access-logging settings", true],
];

/** Every capability b2c knows, grouped in display order. */
export const CAPABILITIES: readonly CapabilityInfo[] = ROWS.map(([name, group, meaning, bucketScoped]) => ({
  name,
  group,
  meaning,
  bucketScoped,
  known: true,
}));

const BY_NAME: ReadonlyMap<string, CapabilityInfo> = new Map(CAPABILITIES.map((c) => [c.name, c]));

/**
 * Describes one capability name. Never throws: a name b2c does not know (B2 adds capabilities over
 * time) comes back in group `other` with `known: false`, so it is still shown, never dropped.
 */
export function describeCapability(name: string): CapabilityInfo {
  return (
    BY_NAME.get(name) ?? {
      name,
      group: 'other',
      meaning: 'not known to b2c; shown as the server reported it',
      bucketScoped: false,
      known: false,
    }
  );
}

/** The group's heading and noun. */
export function capabilityGroupInfo(group: CapabilityGroup): CapabilityGroupInfo {
  const info = CAPABILITY_GROUPS.find((g) => g.id === group);
  // CAPABILITY_GROUPS lists every member of the union; the fallback only satisfies the type checker.
  return info ?? { id: group, label: group, noun: group };
}

/**
 * Orders capability names the way the inspector lists them: catalog order first, then unknown
 * names in the order given. Duplicates are dropped. Does not modify its input.
 */
export function sortCapabilities(names: readonly string[]): string[] {
  const unique = [...new Set(names)];
  const rank = (n: string): number => {
    const i = CAPABILITIES.findIndex((c) => c.name === n);
    return i < 0 ? CAPABILITIES.length : i;
  };
  return unique
    .map((name, order) => ({ name, order }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.order - b.order)
    .map((x) => x.name);
}

/** One line of the key inspector's capability list. */
export interface CapabilityRow extends CapabilityInfo {
  held: boolean;
  /** `✓` when held, `✗` when not. */
  mark: '✓' | '✗';
}

/** One group of the key inspector's capability list. */
export interface CapabilityGroupView extends CapabilityGroupInfo {
  rows: CapabilityRow[];
}

/**
 * Every known capability, grouped, marked ✓ when `held` contains it and ✗ otherwise, plus the
 * unknown names in `held` under `other` (all ✓). Groups without rows are left out, so `other`
 * appears only when the key carries a name b2c does not know.
 */
export function groupCapabilities(held: readonly string[]): CapabilityGroupView[] {
  const heldSet = new Set(held);
  const unknown = sortCapabilities(held.filter((n) => !BY_NAME.has(n))).map(describeCapability);
  const all = [...CAPABILITIES, ...unknown];
  return CAPABILITY_GROUPS.map((g) => ({
    ...g,
    rows: all
      .filter((c) => c.group === g.id)
      .map((c): CapabilityRow => {
        const has = heldSet.has(c.name);
        return { ...c, held: has, mark: has ? '✓' : '✗' };
      }),
  })).filter((g) => g.rows.length > 0);
}

/** Ids of the create-key presets. */
export type KeyPresetId = 'read-only' | 'read-write' | 'no-delete' | 'write-only';

/** A starting point for the create-key checklist. */
export interface KeyPreset {
  id: KeyPresetId;
  label: string;
  /** One sentence for the dialog. */
  description: string;
  capabilities: readonly string[];
}

/**
 * Presets for creating keys. Every preset holds listBuckets because a key for all buckets needs it
 * to turn a bucket name into an id (b2_list_buckets with bucketName); all are bucket-scoped, so they
 * also fit keys limited to buckets.
 */
export const KEY_PRESETS: readonly KeyPreset[] = [
  {
    id: 'read-only',
    label: 'Read-only',
    description: 'Browse and download; nothing can be changed.',
    capabilities: ['listBuckets', 'listFiles', 'readFiles'],
  },
  {
    id: 'read-write',
    label: 'Read-write',
    description: 'Browse, download, upload, share and delete files.',
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'shareFiles', 'writeFiles', 'deleteFiles'],
  },
  {
    id: 'no-delete',
    label: 'No delete',
    description: 'Everything but deleting: files can be hidden, never destroyed (ransomware-safe backups).',
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'shareFiles', 'writeFiles'],
  },
  {
    id: 'write-only',
    label: 'Write-only',
    description: 'Upload only: the key cannot list or download what is stored (drop boxes, backups).',
    capabilities: ['listBuckets', 'writeFiles'],
  },
];
