/**
 * Turns requests into groups of root scan jobs, and groups to and from the queue file.
 */
import { childPath, folderName, ownName } from '../providers/paths.js';
import type { Ledger } from './ledger.js';
import type { QueueDocument, SavedGroup, SavedJob } from './queue-file.js';
import { QUEUE_FILE_VERSION } from './queue-file.js';
import { seenKey, type GroupRecord, type GroupSettings, type NewJob } from './records.js';
import type { KnownEntry, TransferRequest } from './types.js';

function defaultLabel(verb: string, paths: string[]): string {
  const first = paths[0] === undefined ? '' : folderName(paths[0]) || paths[0];
  return paths.length === 1 ? `${verb} ${first}` : `${verb} ${paths.length} items`;
}

/**
 * Facts a root scan can use instead of a `stat` (symlinks are always stat'ed). Without them the
 * scan is taken for a folder only when its path says so (a B2 folder path ends in `/`), until
 * its `stat` tells.
 */
function knownFacts(known: KnownEntry | undefined, path: string): Partial<NewJob> {
  if (!known || known.kind === 'symlink') return { isDir: path.endsWith('/') };
  return {
    known: true,
    isDir: known.kind === 'dir' || known.kind === 'bucket',
    size: known.size,
    mtimeMs: known.mtimeMs,
    sha1: known.sha1 ?? null,
  };
}

/** Creates the group and one root scan per selected entry. */
export function submitRequest(ledger: Ledger, r: TransferRequest): GroupRecord {
  const base = { kind: 'scan', isDir: true, root: true, size: 0, mtimeMs: null, sha1: null } as const;
  if (r.operation === 'delete') {
    const settings: GroupSettings = {
      operation: 'delete',
      label: r.label ?? defaultLabel('Delete', r.paths),
      from: r.on,
      to: r.on,
      policy: 'skip',
      recursive: r.recursive ?? true,
      removeMode: r.mode,
      fileId: r.paths.length === 1 ? (r.fileId ?? null) : null,
      ...(r.bypassGovernance === true ? { bypassGovernance: true } : {}),
    };
    const group = ledger.addGroup(settings, false);
    r.paths.forEach((path, i) => {
      ledger.add(group, { ...base, source: { provider: r.on, path }, target: null, ...knownFacts(r.known?.[i], path) });
    });
    return group;
  }
  const verb = r.operation === 'copy' ? 'Copy' : 'Move';
  const settings: GroupSettings = {
    operation: r.operation,
    label:
      r.label ??
      defaultLabel(
        verb,
        r.items.map((i) => i.source),
      ),
    from: r.from,
    to: r.to,
    policy: r.conflict,
    recursive: r.recursive ?? true,
    removeMode: r.sourceRemoveMode ?? 'default',
    // A version to copy, named by file id: only for one selected file (see TransferItem.fileId).
    fileId: r.operation === 'copy' && r.items.length === 1 ? (r.items[0]?.fileId ?? null) : null,
    ...(r.postponeQuestions === true && r.conflict === 'ask' ? { postponeQuestions: true } : {}),
  };
  const group = ledger.addGroup(settings, false);
  for (const item of r.items) {
    // Raw concatenation: a hostile or empty name must reach the scan's check unchanged. A folder's
    // target ends in `/`, so that an empty folder name (B2's `dir//`) stays visible as `//`.
    const isDir = item.known ? item.known.kind === 'dir' || item.known.kind === 'bucket' : item.source.endsWith('/');
    const name = item.targetName ?? ownName(item.source, isDir);
    const target = childPath(item.targetDir, isDir ? `${name}/` : name);
    ledger.add(group, {
      ...base,
      source: { provider: r.from, path: item.source },
      target: { provider: r.to, path: target },
      ...knownFacts(item.known, item.source),
    });
  }
  return group;
}

/** Re-creates saved groups; returns their ids. Saved sources count as seen (no duplicates on re-listing). */
export function restoreGroups(ledger: Ledger, doc: QueueDocument): string[] {
  return doc.groups.map((saved) => {
    const group = ledger.addGroup(saved.settings, true);
    group.appliedAnswer = saved.appliedAnswer;
    for (const j of saved.jobs) if (j.source && j.kind !== 'scan') group.seen.add(seenKey(j.isDir, j.source.path));
    for (const j of saved.jobs) {
      const { state, ...rest } = j;
      // Only a job that failed for good keeps its failure; one that was waiting to retry starts afresh.
      ledger.add(group, {
        ...rest,
        state,
        failure: state === 'failed' ? rest.failure : null,
        note: state === 'failed' ? null : 'Restored from the previous session.',
      });
    }
    return group.id;
  });
}

/** The queue file's content: every group with unfinished or failed jobs. Running jobs save as queued. */
export function saveDocument(ledger: Ledger): QueueDocument {
  const byGroup = new Map<string, SavedGroup>();
  for (const job of ledger.jobs.values()) {
    let state: SavedJob['state'];
    switch (job.state) {
      case 'queued':
      case 'running':
      case 'asking':
        state = 'queued';
        break;
      case 'paused':
        state = 'paused';
        break;
      case 'failed':
        state = 'failed';
        break;
      case 'done':
      case 'skipped':
      case 'cancelled':
        continue;
      default: {
        const never: never = job.state;
        throw new Error(`unknown state ${String(never)}`);
      }
    }
    let g = byGroup.get(job.group.id);
    if (!g) {
      g = { settings: job.group.settings, appliedAnswer: job.group.appliedAnswer, jobs: [] };
      byGroup.set(job.group.id, g);
    }
    g.jobs.push({
      kind: job.kind,
      isDir: job.isDir,
      root: job.root,
      known: job.known,
      source: job.source,
      target: job.target,
      size: job.size,
      mtimeMs: job.mtimeMs,
      sha1: job.sha1,
      state,
      decision: job.decision,
      copied: job.copied,
      failure: job.failure,
      ...(job.refusal ? { refusal: job.refusal } : {}),
    });
  }
  return { version: QUEUE_FILE_VERSION, savedAt: Date.now(), groups: [...byGroup.values()] };
}
