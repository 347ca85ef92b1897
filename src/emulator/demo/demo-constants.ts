/** Names the demo account is built from (demo-seed.ts); tests and the UI rely on them. */

/** Bucket names of the demo account. */
export const DEMO_BUCKETS = {
  /** allPrivate: folders, versions, hide markers, unicode/hostile names, a finished large file. */
  photos: 'demo-photos',
  /** allPublic: a small static site. */
  public: 'demo-public',
  /** allPrivate: backups with many versions and an unfinished large file. */
  backups: 'demo-backups',
} as const;

/** Demo key names, exactly as the UI and tests look them up. */
export const DEMO_KEY_NAMES = ['read-only', 'no-delete', 'write-only', 'prefix', 'multi-bucket', 'expired'] as const;

/** The name prefix of the `prefix` key (restricted to DEMO_BUCKETS.photos). */
export const DEMO_PREFIX_KEY_PREFIX = 'photos/';

/** Name of the large file finished through the large-file API (in DEMO_BUCKETS.photos). */
export const DEMO_LARGE_FILE = 'videos/holiday.mp4';

/** Name of the unfinished large file (in DEMO_BUCKETS.backups). */
export const DEMO_UNFINISHED_FILE = 'server2/in-progress.tar';

/** Scope of each demo key. `buckets` are bucket names (null = all). */
export const DEMO_KEY_SCOPES: Record<
  (typeof DEMO_KEY_NAMES)[number],
  { capabilities: string[]; buckets: string[] | null; namePrefix: string | null; v4Only: boolean }
> = {
  'read-only': {
    capabilities: ['listAllBucketNames', 'listBuckets', 'readBuckets', 'listFiles', 'readFiles'],
    buckets: null,
    namePrefix: null,
    v4Only: false,
  },
  'no-delete': {
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'shareFiles'],
    buckets: null,
    namePrefix: null,
    v4Only: false,
  },
  'write-only': { capabilities: ['listBuckets', 'writeFiles'], buckets: null, namePrefix: null, v4Only: false },
  prefix: {
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'],
    buckets: [DEMO_BUCKETS.photos],
    namePrefix: DEMO_PREFIX_KEY_PREFIX,
    v4Only: false,
  },
  'multi-bucket': {
    capabilities: ['listBuckets', 'listFiles', 'readFiles'],
    buckets: [DEMO_BUCKETS.photos, DEMO_BUCKETS.public],
    namePrefix: null,
    v4Only: true,
  },
  expired: { capabilities: ['listBuckets', 'listFiles', 'readFiles'], buckets: null, namePrefix: null, v4Only: false },
};
