/**
 * Files put and deleted without a request each, for test suites that make thousands of fixtures
 * (the permission oracle makes and removes about 10,000): over HTTP each costs the client and the
 * server about 2 ms of CPU together. The records are the ones `b2_upload_file` and
 * `b2_delete_file_version` by the master key make, written by the same helper as the demo seed.
 */
import { fileObject } from '../api/shapes.js';
import { masterPrincipal } from '../auth/principal.js';
import type { EmulatorState } from '../state.js';
import { putFileRecord } from './store-write.js';

/** Stores files and deletes versions straight in a running server's store. */
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
    async deleteVersion(fileId) {
      if (store.versions.has(fileId)) await store.commit({ t: 'version-', id: fileId });
      else if (store.largeFiles.has(fileId)) await store.commit({ t: 'large-', id: fileId });
      else return false;
      return true;
    },
  };
}
