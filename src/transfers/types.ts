/**
 * Public types of the transfer engine (ARCHITECTURE.md, "Keypress flow", step 5): requests the UI and
 * CLI submit, the read-only views the stores publish, and the events the engine emits.
 * Everything here is plain data: no providers, no secrets. Providers are named by a
 * {@link ProviderRef} (a profile name such as `local` or `b2:work`), never by credentials, so
 * the same data can be written to the queue file.
 */
import type { ProviderErrorKind } from '../providers/errors.js';
import type { EntryKind, RemoveMode } from '../providers/types.js';
import type { InFlightView } from './in-flight.js';

/** Names a provider the caller can produce again after a restart (e.g. a profile name). */
export type ProviderRef = string;

/** A path in one provider's path space. */
export interface Location {
  provider: ProviderRef;
  path: string;
}

/** What to do with one file whose target already exists. */
export type ConflictChoice = 'overwrite' | 'skip' | 'rename' | 'overwrite-if-newer';

/** A group's conflict policy: a fixed choice (CLI flags) or `ask` (the TUI asks the user). */
export type ConflictPolicy = 'ask' | ConflictChoice;

/** One selected entry of a copy/move: `source` goes to `targetDir/targetName`. */
export interface TransferItem {
  /** Source path (file or folder) in the `from` provider. */
  source: string;
  /** Destination folder, chosen by the user (trusted). */
  targetDir: string;
  /** Name inside `targetDir`; default: the source's last segment (validated like any remote name). */
  targetName?: string;
  /** The listing row, when the caller has it: saves a `stat` per selected entry. */
  known?: KnownEntry;
  /**
   * B2, copy (not move) of exactly one selected file: copy this version (its file id) instead of
   * the newest. The bytes then pass through this machine (b2_copy_file would copy by name here).
   */
  fileId?: string;
}

/** What the caller already knows about a selected entry (from the pane's listing). */
export interface KnownEntry {
  kind: EntryKind;
  size: number;
  mtimeMs: number | null;
  sha1?: string | null;
}

/** Copy or move a selection from one provider to another (or the same one). */
export interface CopyRequest {
  operation: 'copy' | 'move';
  from: ProviderRef;
  to: ProviderRef;
  items: TransferItem[];
  conflict: ConflictPolicy;
  /** Folders are copied with their contents when true (default). False refuses folders. */
  recursive?: boolean;
  /** Move only: how the source is removed after a verified copy. Default `default` (B2: hide). */
  sourceRemoveMode?: RemoveMode;
  /**
   * With `conflict: 'ask'`: set each conflicting file aside and go on with the rest; the
   * questions are raised together once nothing else of the group is left to do (mc's "postpone
   * questions"). Default false: each question is raised as its conflict is found.
   */
  postponeQuestions?: boolean;
  /** Short text for the queue panel; default derived from the items. */
  label?: string;
}

/** Delete a selection on one provider. */
export interface DeleteRequest {
  operation: 'delete';
  on: ProviderRef;
  paths: string[];
  mode: RemoveMode;
  /** Per path (same order), what the caller already knows; saves a `stat` each. */
  known?: Array<KnownEntry | undefined>;
  /** With `delete-version` and exactly one path: the version to delete. */
  fileId?: string;
  /** B2: lift governance retention where a version has one (see RemoveOptions.bypassGovernance). */
  bypassGovernance?: boolean;
  /** Folders are deleted with their contents when true (default). False refuses folders. */
  recursive?: boolean;
  label?: string;
}

export type TransferRequest = CopyRequest | DeleteRequest;

/**
 * What a job does. Transfers are named after their route: `upload` (local→B2), `download`
 * (B2→local), `server-copy` (same B2 account, b2_copy_file), `local-copy` (local→local),
 * `stream-copy` (between two different B2 accounts, bytes pass through this machine).
 * `scan` lists a folder and feeds the queue; `mkdir` recreates an empty folder; `delete` removes
 * one file; `rmdir` removes a folder once everything inside it is gone (moves and deletes).
 */
export type JobKind =
  | 'upload'
  | 'download'
  | 'server-copy'
  | 'local-copy'
  | 'stream-copy'
  | 'scan'
  | 'mkdir'
  | 'delete'
  | 'rmdir';

/** Transfer job kinds: those that move bytes. */
export type TransferKind = Extract<JobKind, 'upload' | 'download' | 'server-copy' | 'local-copy' | 'stream-copy'>;

/**
 * Lifecycle: `queued` → `running` → `done` | `skipped` | `failed` | `cancelled`.
 * `paused` waits for resume; `asking` waits for the user's answer to a conflict question.
 * Terminal: done, skipped, failed, cancelled. `retry` re-queues failed and cancelled jobs.
 */
export type JobState = 'queued' | 'running' | 'paused' | 'asking' | 'done' | 'skipped' | 'failed' | 'cancelled';

/** Why a job failed, in words a user understands (see ./failure.ts, the one place that maps errors). */
export interface JobFailure {
  /** A provider error kind; `refused` for the engine's own refusals; `internal` for bugs. */
  kind: ProviderErrorKind | 'refused' | 'internal';
  /** One sentence for the queue panel / CLI. Raw text: sanitise before display. */
  message: string;
  /** The provider's own message when it adds information, else null. */
  detail: string | null;
  /** True when trying again later can help (transient errors, full disk after cleanup…). */
  retryable: boolean;
}

/** How a finished transfer was checked. */
export type Verification = 'sha1' | 'size' | 'none';

/** A read-only snapshot of one job, as the queue panel shows it. */
export interface JobView {
  id: string;
  groupId: string;
  operation: 'copy' | 'move' | 'delete';
  kind: JobKind;
  state: JobState;
  /** True when the job handles a folder (scan, mkdir, rmdir, a whole-folder rename). */
  isDir: boolean;
  /** Deletes and moves: how the source is removed (B2: `hide` keeps every version); else null. */
  removeMode: RemoveMode | null;
  source: Location | null;
  /** Where the file goes; once done, where it was written (a "keep both" answer picks a numbered name). */
  target: Location | null;
  /** Bytes to transfer (0 for non-transfers). */
  size: number;
  bytesDone: number;
  /** Bytes per second over the sliding window, 0 when not running. */
  speed: number;
  /** Starts of this job (1 after the first run). */
  attempts: number;
  failure: JobFailure | null;
  /** What happened besides plain success: "Skipped: …", "Saved as …", "Retrying in 4 s…". */
  note: string | null;
  /** Automatic retry scheduled at this clock time (ms), else null. */
  retryAt: number | null;
  verified: Verification | null;
}

/** Counters shared by groups and the whole queue. Byte totals grow while folders are scanned. */
export interface ProgressTotals {
  /** File jobs (transfers and file deletes) known so far. */
  files: number;
  /** Of those, finished (done or skipped). */
  filesDone: number;
  filesFailed: number;
  filesSkipped: number;
  filesCancelled: number;
  /**
   * Folder jobs that failed: a listing (so what is inside was never seen), making or removing a
   * folder. Not files, but never silent: the TUI's summary names them.
   */
  foldersFailed: number;
  bytesTotal: number;
  bytesDone: number;
  /** Bytes per second over the sliding window. */
  speed: number;
  /** Estimated seconds left, or null when unknown (no speed yet, or still scanning). */
  etaSeconds: number | null;
}

export interface GroupView {
  id: string;
  label: string;
  operation: 'copy' | 'move' | 'delete';
  /** True while folders of this group are still being listed (totals are lower bounds). */
  scanning: boolean;
  /** True when nothing in the group is queued, running, paused or asking. */
  finished: boolean;
  /** The answer given with "apply to all", if any. */
  appliedAnswer: ConflictChoice | null;
  totals: ProgressTotals;
}

/** A question the UI must answer through `engine.answer()`. */
export interface ConflictQuestion {
  id: string;
  jobId: string;
  groupId: string;
  source: { location: Location; size: number; mtimeMs: number | null };
  target: { location: Location; size: number; mtimeMs: number | null };
  choices: ConflictChoice[];
  /** Held until the rest of its group was done (CopyRequest.postponeQuestions), raised with the others. */
  postponed: boolean;
}

/** The full queue store's snapshot (replaced, never mutated). */
export interface QueueSnapshot {
  jobs: readonly JobView[];
  groups: readonly GroupView[];
  /** Every job in the queue, finished ones of earlier work included. */
  totals: ProgressTotals;
  /**
   * This run: the groups started since the queue last had nothing to do (what a progress header
   * counts: a 5-file copy reads 5 files, whatever finished before it).
   */
  run: ProgressTotals;
  /** The oldest unanswered question, or null. */
  question: ConflictQuestion | null;
  /** Every raised, unanswered question, oldest first (postponed ones come as a batch). */
  questions: readonly ConflictQuestion[];
  questionsPending: number;
  /** pauseAll() is in effect. */
  paused: boolean;
  /** Something is queued, running or being scanned. */
  active: boolean;
  /** Files × parts in flight and the adaptive mode's state (in-flight.ts). */
  inFlight: InFlightView;
}

/** The small store for a status bar: totals only. */
export interface TotalsSnapshot {
  totals: ProgressTotals;
  /** This run (see QueueSnapshot `run`). */
  run: ProgressTotals;
  paused: boolean;
  active: boolean;
  questionsPending: number;
}

/** Events, emitted as they happen (not throttled): one per job state change, never per chunk. */
export interface EngineEvents {
  /** A job changed state (including becoming queued). */
  job: JobView;
  /** A conflict question was raised. */
  question: ConflictQuestion;
  /** Every job of the group is finished (terminal) and nothing is being scanned. */
  'group-finished': GroupView;
  /** Nothing is queued, running or scanning (asking/paused/failed jobs may remain). */
  idle: TotalsSnapshot;
}

/** What the injected permission check sees before a job starts. */
export interface PermissionQuery {
  operation: 'copy' | 'move' | 'delete';
  kind: JobKind;
  source: Location | null;
  target: Location | null;
  /** Delete jobs and the source side of moves. */
  removeMode: RemoveMode | null;
  /**
   * Scan jobs: whether the scan lists (or stats) its source. A selected file whose listing row
   * the caller handed in (`known`) is queued as it is: nothing is asked of its provider, so a key
   * that cannot list may still act on it.
   */
  listsSource: boolean;
  /**
   * Delete jobs: the version to delete is named by its file ID (`b2c rm --version ID`), so it is
   * deleted without listing the name's versions (deleteFiles alone, docs/b2-api.md §2.1).
   */
  knownVersion?: boolean;
}

export interface PermissionAnswer {
  allowed: boolean;
  /** Why not, as the permission rules word it. */
  reason?: string;
  missing?: string[];
}
