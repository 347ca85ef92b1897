/**
 * The demo account: a few small buckets with folders, files of several sizes, versions, hide
 * markers, unicode and hostile names, a `.bzEmpty` folder placeholder, a large file finished
 * through the large-file code path, an unfinished large file, and keys of every scope.
 * Seeded only into an empty store; total size stays a few MB so startup is instant.
 * Tests rely on the exported constants, not on IDs (IDs are random per store).
 */
import { createBucketRecord } from '../api/buckets.js';
import { hideFileRecord } from '../api/files.js';
import { createKeyRecord } from '../api/keys.js';
import { finishLargeFileRecord } from '../upload/large-file-finish.js';
import { startLargeFileRecord } from '../upload/large-files.js';
import type { KeyRecord } from '../store/model.js';
import type { EmulatorState } from '../state.js';
import { putFileRecord, putPartRecord, sha1InTurns } from './store-write.js';
import {
  DEMO_BUCKETS,
  DEMO_KEY_NAMES,
  DEMO_KEY_SCOPES,
  DEMO_LARGE_FILE,
  DEMO_UNFINISHED_FILE,
} from './demo-constants.js';
import { demoBytes, demoBytesInTurns, seedFiles } from './demo-files.js';

/** A demo key as printed by `b2c emulator --demo` and returned by startEmulator. */
export interface DemoKey {
  name: string;
  applicationKeyId: string;
  applicationKey: string;
  capabilities: string[];
  /** Bucket names, or null for all buckets. */
  buckets: string[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null for a key that never expires (the `expired` key: a day ago). */
  expiresAt: number | null;
}

/** The bucket IDs of a seeded demo account, by bucket name. */
export type DemoAccount = Record<string, string>;

/** Seeds the demo account's buckets and keys into an empty store; {@link seedDemoFiles} follows. */
export async function seedDemoAccount(state: EmulatorState): Promise<DemoAccount> {
  const store = state.store;
  const ids: DemoAccount = {};
  for (const [name, type] of [
    [DEMO_BUCKETS.photos, 'allPrivate'],
    [DEMO_BUCKETS.public, 'allPublic'],
    [DEMO_BUCKETS.backups, 'allPrivate'],
  ] as const) {
    const bucketInfo = name === DEMO_BUCKETS.public ? { 'Cache-Control': 'max-age=300' } : {};
    // Stored and shown (bucket info), never applied: the server runs no lifecycle (README, "Not emulated").
    const lifecycleRules =
      name === DEMO_BUCKETS.backups
        ? [{ fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 }]
        : [];
    ids[name] = (
      await createBucketRecord(store, { bucketName: name, bucketType: type, bucketInfo, lifecycleRules })
    ).bucketId;
  }
  for (const name of DEMO_KEY_NAMES) {
    const scope = DEMO_KEY_SCOPES[name];
    const record = await createKeyRecord(store, {
      keyName: name,
      capabilities: scope.capabilities,
      bucketIds: scope.buckets ? scope.buckets.map((b) => ids[b] ?? '') : null,
      namePrefix: scope.namePrefix,
      expirationTimestamp: null,
      v4Only: scope.v4Only,
    });
    if (name === 'expired') {
      // b2_create_key cannot make an already-expired key; plant the expiry directly.
      await store.commit({ t: 'key', v: { ...record, expirationTimestamp: Date.now() - 86_400_000 } });
    }
  }
  return ids;
}

/** One turn of the event loop: the server answers sign-in and the bucket list meanwhile. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Seeds the demo account's files into the buckets {@link seedDemoAccount} made, giving the event
 * loop a turn before each file (the store's writes in memory never wait on anything).
 */
export async function seedDemoFiles(state: EmulatorState, account: DemoAccount): Promise<void> {
  const store = state.store;
  const bucketId = (name: string): string => account[name] ?? '';
  await yieldToRequests();
  for (const f of seedFiles()) {
    await yieldToRequests();
    const id = bucketId(f.bucket);
    if (f.hide) {
      await hideFileRecord(store, id, f.name);
      continue;
    }
    await putFileRecord(store, {
      bucketId: id,
      fileName: f.name,
      data: f.data(),
      contentType: f.contentType,
      fileInfo: f.info,
      uploadTimestamp: f.uploadTimestamp,
    });
  }
  // A large file through start → parts → finish, with parts at the configured minimum size. It is
  // 5.5 MB at the demo's minimum: made, hashed and stored a megabyte at a time, so that sign-in and
  // the bucket list are answered meanwhile (in one go it held them up for 50–70 ms at start-up).
  await yieldToRequests();
  const part = state.settings.absoluteMinimumPartSize;
  const whole = await demoBytesInTurns(DEMO_LARGE_FILE, part + Math.max(1, Math.floor(part / 10)), yieldToRequests);
  const large = await startLargeFileRecord(store, {
    bucketId: bucketId(DEMO_BUCKETS.photos),
    fileName: DEMO_LARGE_FILE,
    contentType: 'video/mp4',
    fileInfo: {
      src_last_modified_millis: String(Date.now() - 86_400_000),
      large_file_sha1: await sha1InTurns(whole, yieldToRequests),
    },
  });
  const sha1s: string[] = [];
  for (const [n, bytes] of [whole.subarray(0, part), whole.subarray(part)].entries()) {
    await yieldToRequests();
    sha1s.push(await putPartRecord(store, large.fileId, n + 1, bytes, yieldToRequests));
  }
  await yieldToRequests();
  await finishLargeFileRecord(store, large.fileId, sha1s, part);
  const unfinished = await startLargeFileRecord(store, {
    bucketId: bucketId(DEMO_BUCKETS.backups),
    fileName: DEMO_UNFINISHED_FILE,
    contentType: 'application/x-tar',
    fileInfo: {},
  });
  await putPartRecord(store, unfinished.fileId, 1, demoBytes(DEMO_UNFINISHED_FILE, 64 * 1024));
}

/** The demo keys present in the store (looked up by name), for printing and tests. */
export function demoKeysOf(state: EmulatorState): DemoKey[] {
  const byName = new Map<string, KeyRecord>();
  for (const k of state.store.keys.values())
    if ((DEMO_KEY_NAMES as readonly string[]).includes(k.keyName)) byName.set(k.keyName, k);
  const out: DemoKey[] = [];
  for (const name of DEMO_KEY_NAMES) {
    const k = byName.get(name);
    if (!k) continue;
    out.push({
      name,
      applicationKeyId: k.applicationKeyId,
      applicationKey: k.applicationKey,
      capabilities: [...k.capabilities],
      buckets: k.bucketIds ? k.bucketIds.map((id) => state.store.buckets.get(id)?.bucketName ?? id) : null,
      namePrefix: k.namePrefix,
      expiresAt: k.expirationTimestamp,
    });
  }
  return out;
}
