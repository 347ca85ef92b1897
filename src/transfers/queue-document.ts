/** The queue file's document shape (see ./queue-file.ts for reading and writing it). */
import type { FolderRefusal, GroupSettings } from './records.js';
import type { ConflictChoice, JobFailure, JobKind, Location } from './types.js';

export const QUEUE_FILE_VERSION = 1;

/** One saved job. Running jobs are saved as `queued` (they restart, B2 large files resume). */
export interface SavedJob {
  kind: JobKind;
  isDir: boolean;
  root: boolean;
  known: boolean;
  source: Location | null;
  target: Location | null;
  size: number;
  mtimeMs: number | null;
  sha1: string | null;
  state: 'queued' | 'paused' | 'failed';
  decision: ConflictChoice | null;
  copied: boolean;
  failure: JobFailure | null;
  /** Scans of a folder the destination cannot hold (see JobRecord.refusal); absent in older files. */
  refusal?: FolderRefusal | null;
}

export interface SavedGroup {
  settings: GroupSettings;
  appliedAnswer: ConflictChoice | null;
  jobs: SavedJob[];
}

export interface QueueDocument {
  version: typeof QUEUE_FILE_VERSION;
  /** Wall-clock ms when written. */
  savedAt: number;
  groups: SavedGroup[];
}
