/**
 * The permission oracle's world: one built-in server with the demo account, the master key's
 * provider for setting up and checking, the keys under test (the six demo keys, the master key and
 * keys made here for the cases the demo lacks) and the places actions are tried in.
 */
import { DEMO_BUCKETS, type RunningEmulator } from '../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import type { KeyInfo } from '../../src/state/model/key-info.js';
import { startTestServer } from '../support/server.js';

/** A key under test: connected, or the error B2 gave when it tried to sign in. */
export interface OracleKey {
  name: string;
  applicationKeyId: string;
  /** The secret, for the runs through the command line (they sign in from the environment). */
  applicationKey: string;
  provider: B2Provider | null;
  failure: Error | null;
  keyInfo: KeyInfo | null;
}

/** A folder actions are tried in: the bucket list (`bucket: null`), a bucket root or a folder. */
export interface Place {
  name: string;
  bucket: string | null;
  /** '' or a folder key ending in `/`. */
  prefix: string;
}

export interface World {
  emu: RunningEmulator;
  master: B2Provider;
  /** Bucket name → ID. */
  bucketIds: Record<string, string>;
  keys: OracleKey[];
  places: Place[];
  close(): Promise<void>;
}

const A = DEMO_BUCKETS.photos;
const B = DEMO_BUCKETS.backups;
const C = DEMO_BUCKETS.public;
const FILES = ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles', 'shareFiles'];

/** The places: bucket list, an allowed bucket, inside / deeper inside / outside the prefix, above it, other buckets. */
export const PLACES: Place[] = [
  { name: 'bucket list', bucket: null, prefix: '' },
  { name: `${A}/ (root, above photos/)`, bucket: A, prefix: '' },
  { name: `${A}/photos/ (the prefix)`, bucket: A, prefix: 'photos/' },
  { name: `${A}/photos/cats/ (inside)`, bucket: A, prefix: 'photos/cats/' },
  { name: `${A}/docs/ (outside)`, bucket: A, prefix: 'docs/' },
  { name: `${B}/ (another bucket)`, bucket: B, prefix: '' },
  { name: `${B}/photos/ (prefix, other bucket)`, bucket: B, prefix: 'photos/' },
  { name: `${C}/ (public bucket)`, bucket: C, prefix: '' },
];

interface MadeKey {
  name: string;
  capabilities: string[];
  buckets?: string[];
  namePrefix?: string;
  /** Deleted with the master key before it signs in. */
  deleted?: boolean;
}

/** Keys the demo lacks (issue 9's list), made with the master key through v4. */
const MADE: MadeKey[] = [
  { name: 'bucket-only', capabilities: FILES, buckets: [A] },
  { name: 'prefix-all-buckets', capabilities: FILES, namePrefix: 'photos/' },
  { name: 'deep-prefix', capabilities: FILES, buckets: [A], namePrefix: 'photos/cats/' },
  { name: 'files-no-listBuckets', capabilities: FILES.filter((c) => c !== 'listBuckets') },
  { name: 'list-no-read', capabilities: ['listBuckets', 'listFiles'] },
  { name: 'read-no-list', capabilities: ['listBuckets', 'readFiles'] },
  { name: 'write-no-list-one-bucket', capabilities: ['writeFiles'], buckets: [A] },
  { name: 'delete-no-list', capabilities: ['listBuckets', 'deleteFiles'] },
  // Deleting a version by its ID names no bucket: this key can, though it finds no bucket's ID.
  { name: 'delete-only', capabilities: ['deleteFiles'] },
  { name: 'share-only', capabilities: ['shareFiles'] },
  { name: 'key-management', capabilities: ['listKeys', 'writeKeys', 'deleteKeys'] },
  { name: 'bucket-admin', capabilities: ['listBuckets', 'writeBuckets', 'deleteBuckets'] },
  { name: 'multi-bucket-write', capabilities: FILES, buckets: [A, C] },
  { name: 'deleted', capabilities: ['listBuckets', 'listFiles', 'readFiles'], deleted: true },
];

async function connect(emu: RunningEmulator, name: string, id: string, secret: string): Promise<OracleKey> {
  try {
    const provider = await connectB2({
      applicationKeyId: id,
      applicationKey: secret,
      endpoint: emu.endpoint,
      retry: { baseDelayMs: 1 },
    });
    return { name, applicationKeyId: id, applicationKey: secret, provider, failure: null, keyInfo: provider.keyInfo };
  } catch (e) {
    return {
      name,
      applicationKeyId: id,
      applicationKey: secret,
      provider: null,
      failure: e instanceof Error ? e : new Error(String(e)),
      keyInfo: null,
    };
  }
}

/** Starts the server and signs every key in. */
export async function startWorld(): Promise<World> {
  const { emu } = await startTestServer({ demo: true, absoluteMinimumPartSize: 100, recommendedPartSize: 1000 });
  const master = await connectB2({
    applicationKeyId: emu.masterKeyId,
    applicationKey: emu.masterKey,
    endpoint: emu.endpoint,
    retry: { baseDelayMs: 1 },
  });
  const bucketIds: Record<string, string> = {};
  for await (const page of master.list('/')) for (const b of page) bucketIds[b.name] = b.bucketId ?? '';
  const pending: Array<Promise<OracleKey>> = [connect(emu, 'master', emu.masterKeyId, emu.masterKey)];
  for (const k of emu.demoKeys) pending.push(connect(emu, `demo ${k.name}`, k.applicationKeyId, k.applicationKey));
  for (const m of MADE) {
    const made = await master.keys.createKey({
      keyName: m.name,
      capabilities: m.capabilities,
      bucketIds: m.buckets?.map((b) => bucketIds[b] ?? ''),
      namePrefix: m.namePrefix,
    });
    if (m.deleted === true) await master.keys.deleteKey(made.applicationKeyId);
    pending.push(connect(emu, m.name, made.applicationKeyId, made.applicationKey));
  }
  const keys = await Promise.all(pending);
  return {
    emu,
    master,
    bucketIds,
    keys,
    places: PLACES,
    async close() {
      await Promise.all(keys.map((k) => k.provider?.close() ?? Promise.resolve()));
      await master.close();
      await emu.close();
    },
  };
}

/** The provider path of a place (`/` for the bucket list). */
export function placePath(p: Place): string {
  if (p.bucket === null) return '/';
  return `/${p.bucket}${p.prefix === '' ? '' : `/${p.prefix.slice(0, -1)}`}`;
}
