/**
 * The engine's internal, mutable job and group records, and the immutable views built from them.
 * Only the engine mutates these (through its `update` helper, which keeps the counters right).
 */
import type { RemoveMode } from '../providers/types.js';
import type { DirNode } from './dir-node.js';
import { SpeedMeter } from './speed-meter.js';
import { type Counters, zeroCounters } from './totals.js';
import type {
  ConflictChoice,
  ConflictPolicy,
  JobFailure,
  JobKind,
  JobState,
  JobView,
  Location,
  ProgressTotals,
  Verification,
} from './types.js';

export type Operation = 'copy' | 'move' | 'delete';

/** Group-wide settings every job of a request shares (all persisted). */
export interface GroupSettings {
  operation: Operation;
  label: string;
  /** Copy/move: source and destination providers. Delete: both are the provider deleted on. */
  from: string;
  to: string;
  policy: ConflictPolicy;
  recursive: boolean;
  /** Delete: the mode for every file. Move: how sources are removed. */
  removeMode: RemoveMode;
  /** Delete with `delete-version` of one file. */
  fileId: string | null;
  /** Delete on B2: the user agreed to lift governance retention (RemoveOptions.bypassGovernance). */
  bypassGovernance?: boolean;
  /** Conflict questions wait until the rest of the group is done (CopyRequest.postponeQuestions). */
  postponeQuestions?: boolean;
}

export interface GroupRecord {
  id: string;
  settings: GroupSettings;
  appliedAnswer: ConflictChoice | null;
  /** Restored from a queue file: existing identical targets count as done (see looksAlreadyCopied). */
  restored: boolean;
  /**
   * Sources that already have a job (keys from {@link seenKey}), so a re-run scan does not add
   * duplicates. Keyed by kind too: the B2 file `a/` and the folder `a/` share a path.
   */
  seen: Set<string>;
  /** Counters over every job ever in the group, including trimmed finished ones. */
  counters: Counters;
  /** The part of `counters` that belongs to finished jobs already dropped from the list. */
  archived: Counters;
  meter: SpeedMeter;
  /** Jobs (any kind) not yet terminal. */
  live: number;
  /** Scan jobs not yet terminal. */
  scansLive: number;
  /** Cleared by clearFinished when nothing is live. */
  announcedFinished: boolean;
}

export interface JobRecord {
  id: string;
  group: GroupRecord;
  kind: JobKind;
  isDir: boolean;
  /** Scans only: this is a selected item (stat first: it may be a file). */
  root: boolean;
  /**
   * Root scans only: the caller already knew the entry (kind from `isDir`, and size, mtime,
   * sha1), so no `stat` is needed.
   */
  known: boolean;
  source: Location | null;
  target: Location | null;
  size: number;
  mtimeMs: number | null;
  sha1: string | null;
  state: JobState;
  bytesDone: number;
  attempts: number;
  /** Automatic retries used since the last manual start. */
  autoRetries: number;
  failure: JobFailure | null;
  note: string | null;
  retryAt: number | null;
  verified: Verification | null;
  /** The user's answer to this job's conflict question. */
  decision: ConflictChoice | null;
  /** Move: the copy is finished and verified; only removing the source is left. */
  copied: boolean;
  /**
   * Scans of copies and moves only: this folder cannot be made at the destination (a B2 folder
   * name the local disk cannot hold, like `dir//`). It is still listed, so that every name in it
   * ends up failed with this reason instead of vanishing from the results.
   */
  refusal: FolderRefusal | null;
  /** How many folders deep below the selected folder a scan lists (0 for a selected one; in memory only). */
  depth: number;
  /** The folder this job belongs to, for removing folders after moves and deletes (in memory only). */
  parentDir: DirNode | null;
  /** Scans of moves and deletes: the node of the folder being listed. */
  node: DirNode | null;
  /** Running only. */
  controller: AbortController | null;
  /** Why the running job was aborted by the engine. */
  stopReason: 'pause' | 'cancel' | 'close' | null;
  meter: SpeedMeter | null;
  /** Token of its current place in a run queue (stale queue entries are skipped). */
  queueToken: number;
  cancelRetryTimer: (() => void) | null;
  /**
   * Where the last attempt started writing (after conflicts were resolved), so a user's cancel
   * can discard what that write left unfinished (in memory only; see discard-on-cancel.ts).
   */
  writingTo: string | null;
  /** The running discard of a cancelled job's unfinished upload; a retry waits for it. */
  discarding: Promise<void> | null;
  /** Cached view; null when the record changed since it was built. */
  view: JobView | null;
}

/** Why a folder cannot be made at the destination: its name as the user knows it and the reason. */
export interface FolderRefusal {
  folder: string;
  reason: string;
}

/** The key of a source in {@link GroupRecord.seen}. */
export function seenKey(isDir: boolean, path: string): string {
  return `${isDir ? 'd' : 'f'}:${path}`;
}

export function newGroup(id: string, settings: GroupSettings, restored: boolean): GroupRecord {
  return {
    archived: zeroCounters(),
    meter: new SpeedMeter(),
    id,
    settings,
    appliedAnswer: null,
    restored,
    seen: new Set(),
    counters: zeroCounters(),
    live: 0,
    scansLive: 0,
    announcedFinished: false,
  };
}

/** The fields a caller must give to create a job; the rest start empty. */
export type NewJob = Pick<JobRecord, 'kind' | 'isDir' | 'source' | 'target' | 'size' | 'mtimeMs' | 'sha1'> &
  Partial<
    Pick<
      JobRecord,
      'root' | 'known' | 'parentDir' | 'decision' | 'copied' | 'failure' | 'note' | 'state' | 'refusal' | 'depth'
    >
  >;

export function newJob(id: string, group: GroupRecord, spec: NewJob): JobRecord {
  return {
    id,
    group,
    root: false,
    known: false,
    refusal: null,
    depth: 0,
    parentDir: null,
    node: null,
    decision: null,
    copied: false,
    failure: null,
    note: null,
    state: 'queued',
    ...spec,
    bytesDone: 0,
    attempts: 0,
    autoRetries: 0,
    retryAt: null,
    verified: null,
    controller: null,
    stopReason: null,
    meter: null,
    queueToken: 0,
    cancelRetryTimer: null,
    writingTo: null,
    discarding: null,
    view: null,
  };
}

/** Builds (or returns the cached) immutable view of a job. */
export function jobView(j: JobRecord, nowMs: number): JobView {
  if (j.view && j.state !== 'running') return j.view;
  const view: JobView = {
    id: j.id,
    groupId: j.group.id,
    operation: j.group.settings.operation,
    kind: j.kind,
    state: j.state,
    isDir: j.isDir,
    removeMode: j.group.settings.operation === 'copy' ? null : j.group.settings.removeMode,
    source: j.source,
    target: j.target,
    size: j.size,
    bytesDone: j.state === 'done' ? j.size : Math.min(j.bytesDone, j.size),
    speed: j.state === 'running' && j.meter ? j.meter.rate(nowMs) : 0,
    attempts: j.attempts,
    failure: j.failure,
    note: j.note,
    retryAt: j.retryAt,
    verified: j.verified,
  };
  j.view = view;
  return view;
}

export function toProgress(c: Counters, speed: number, etaSeconds: number | null): ProgressTotals {
  return { ...c, speed, etaSeconds };
}
