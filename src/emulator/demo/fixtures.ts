/**
 * Files, buckets and keys made and removed without a request each, for test suites that make
 * thousands of fixtures (the permission oracle makes and removes about 13,000): over HTTP each
 * costs the client and the server about 2 ms of CPU together. The records are the ones the master
 * key's `b2_upload_file`, `b2_delete_file_version`, `b2_create_bucket`, `b2_delete_bucket`,
 * `b2_create_key` and `b2_delete_key` make, through the same functions (the demo seed's file
 * writer for the upload).
 */
import { createBucketRecord, deleteBucketRecord } from '../api/buckets.js';
import { deleteVersionRecord } from '../api/files.js';
import { createKeyRecord, deleteKeyRecord } from '../api/keys.js';
import { fileObject } from '../api/shapes.js';
import { masterPrincipal } from '../auth/principal.js';
import type { EmulatorState } from '../state.js';
import { putFileRecord } from './store-write.js';

/** Makes and removes files, buckets and keys straight in a running server's store. */
export interface FixtureWriter {
  /**
   * Stores `data` as a new version of `fileName` in the bucket named `bucketName`, its content
   * type the one `b2/x-auto` gives.
   * @returns the v4 file object `b2_upload_file` would answer with
   * @throws Error when there is no such bucket, or it has settings an upload would apply
   *   (default encryption, Object Lock, replication)
   */
  putFile(bucketName: string, fileName: string, data: Buffer): Promise<Record<string, unknown>>;
  /** Deletes the version `fileId` (finished or not); false when there is none. */
  deleteVersion(fileId: string): Promise<boolean>;
  /**
   * Creates a private bucket named `name`.
   * @throws as `b2_create_bucket` would (an invalid or taken name)
   */
  createBucket(name: string): Promise<void>;
  /**
   * Deletes the bucket named `name`; false when there is none.
   * @throws as `b2_delete_bucket` would when it holds any file version or unfinished upload
   */
  deleteBucket(name: string): Promise<boolean>;
  /**
   * Creates a key for every bucket with `capabilities`; returns its ID and secret.
   * @throws as `b2_create_key` would (an invalid name or capability)
   */
  createKey(keyName: string, capabilities: string[]): Promise<{ applicationKeyId: string; applicationKey: string }>;
  /** Deletes every key `which` picks (never the master key), revoking their tokens; how many went. */
  deleteKeys(which: (key: { applicationKeyId: string; keyName: string }) => boolean): Promise<number>;
}

export function fixtureWriter(state: EmulatorState): FixtureWriter {
  const { store } = state;
  return {
    async putFile(bucketName, fileName, data) {
      const bucket = store.bucketByName(bucketName);
      if (bucket === undefined) throw new Error(`no bucket named ${bucketName}`);
      // An upload there would take the bucket's defaults (encryption, retention) or be replicated,
      // which the plain record below does not: refused rather than stored differently.
      if (bucket.defaultSse !== undefined || bucket.fileLockEnabled === true || bucket.replication !== undefined)
        throw new Error(`${bucketName} has default encryption, Object Lock or replication: upload over HTTP`);
      const v = await putFileRecord(store, { bucketId: bucket.bucketId, fileName, data });
      const ctx = { version: 4 as const, accountId: store.meta.accountId, principal: masterPrincipal(store) };
      return fileObject(ctx, v);
    },
    deleteVersion: (fileId) => deleteVersionRecord(store, fileId),
    async createBucket(name) {
      await createBucketRecord(store, { bucketName: name, bucketType: 'allPrivate' });
    },
    async deleteBucket(name) {
      const bucket = store.bucketByName(name);
      if (bucket === undefined) return false;
      await deleteBucketRecord(store, bucket);
      return true;
    },
    async createKey(keyName, capabilities) {
      const record = await createKeyRecord(store, {
        keyName,
        capabilities,
        bucketIds: null,
        namePrefix: null,
        expirationTimestamp: null,
        v4Only: false,
      });
      return { applicationKeyId: record.applicationKeyId, applicationKey: record.applicationKey };
    },
    async deleteKeys(which) {
      const gone = [...store.keys.values()].filter((k) => which(k));
      for (const k of gone) await deleteKeyRecord(state, k.applicationKeyId);
      return gone.length;
    },
  };
}
