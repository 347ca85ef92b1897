/**
 * Folder bookkeeping for moves and deletes: each listed folder gets a DirNode; when everything
 * inside it ended in `done`, an `rmdir` job removes the folder itself, bottom-up.
 */
import { DirNode } from './dir-node.js';
import type { Ledger } from './ledger.js';
import type { GroupRecord, JobRecord } from './records.js';
import type { Location } from './types.js';

/** A node for `folder` (null for copies, which remove nothing). */
export function newFolderNode(
  ledger: Ledger,
  group: GroupRecord,
  folder: Location,
  parent: DirNode | null,
): DirNode | null {
  if (group.settings.operation === 'copy') return null;
  return new DirNode(parent, (node, clean) => {
    if (!clean) {
      node.parent?.childFinished(false);
      return;
    }
    // Already counted in the parent (DirNode's constructor), so the rmdir reports to it directly.
    const spec = {
      kind: 'rmdir',
      isDir: true,
      source: folder,
      target: null,
      size: 0,
      mtimeMs: null,
      sha1: null,
    } as const;
    ledger.add(group, { ...spec, parentDir: node.parent });
  });
}

/** Tells a finished job's folder about it (a scan: its own folder's listing ended). Once per job. */
export function settleTree(job: JobRecord): void {
  if (job.kind === 'scan' && job.node) {
    const node = job.node;
    job.node = null;
    node.listingFinished(job.state === 'done');
  } else if (job.parentDir) {
    const parent = job.parentDir;
    job.parentDir = null;
    parent.childFinished(job.state === 'done');
  }
}
