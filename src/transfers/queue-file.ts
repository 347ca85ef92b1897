/**
 * The queue file: pending work saved as it changes, so the next start can offer to resume after
 * a crash or a quit. JSON, written atomically (temp file + rename, mode 0600), never holding
 * secrets: providers appear only as references (profile names), never as keys or tokens.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RemoveMode } from '../providers/types.js';
import type { GroupSettings } from './records.js';
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

/** What `loadPendingQueue` found, with a summary for the "resume?" prompt. */
export interface PendingQueue {
  document: QueueDocument;
  groups: number;
  /** File jobs waiting (queued or paused) and failed. */
  pendingFiles: number;
  failedFiles: number;
  pendingBytes: number;
  /** Folders whose listing had not finished (their contents are counted when listed again). */
  unfinishedScans: number;
}

/** The queue file exists but cannot be read as a queue. */
export class QueueFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueFileError';
  }
}

/**
 * Writes `doc` to `file` atomically with mode 0600 (the directory is created 0700 if missing).
 * An empty queue removes the file instead, so a clean exit leaves nothing to resume.
 */
export async function writeQueueFile(file: string, doc: QueueDocument): Promise<void> {
  if (doc.groups.length === 0) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(doc), { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Reads a saved queue.
 * @returns null when there is no file (nothing to resume)
 * @throws QueueFileError when the file is unreadable or not a queue of this version
 */
export async function loadPendingQueue(file: string): Promise<PendingQueue | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new QueueFileError(`Cannot read the queue file ${file}.`, { cause: e });
  }
  let doc: QueueDocument;
  try {
    doc = parseQueueDocument(JSON.parse(text));
  } catch (e) {
    throw new QueueFileError(`The queue file ${file} is damaged: ${e instanceof Error ? e.message : String(e)}.`, { cause: e });
  }
  if (doc.groups.length === 0) return null;
  return summarise(doc);
}

/** Removes the queue file (the user declined to resume). Missing file: no error. */
export async function discardPendingQueue(file: string): Promise<void> {
  await rm(file, { force: true });
}

function summarise(document: QueueDocument): PendingQueue {
  const q: PendingQueue = { document, groups: document.groups.length, pendingFiles: 0, failedFiles: 0, pendingBytes: 0, unfinishedScans: 0 };
  for (const g of document.groups) {
    for (const j of g.jobs) {
      if (j.kind === 'scan') {
        if (j.state !== 'failed') q.unfinishedScans++;
        continue;
      }
      if (j.kind === 'mkdir' || j.kind === 'rmdir') continue;
      if (j.state === 'failed') q.failedFiles++;
      else {
        q.pendingFiles++;
        q.pendingBytes += j.size;
      }
    }
  }
  return q;
}

const JOB_KINDS = new Set<string>(['upload', 'download', 'server-copy', 'local-copy', 'stream-copy', 'scan', 'mkdir', 'delete', 'rmdir']);
const STATES = new Set<string>(['queued', 'paused', 'failed']);
const CHOICES = new Set<string>(['overwrite', 'skip', 'rename', 'overwrite-if-newer']);
const POLICIES = new Set<string>(['ask', ...CHOICES]);
const OPERATIONS = new Set<string>(['copy', 'move', 'delete']);
const REMOVE_MODES = new Set<string>(['default', 'hide', 'delete-version', 'all-versions']);

type Obj = Record<string, unknown>;
function obj(x: unknown, what: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${what} is not an object`);
  return x as Obj;
}
function str(x: unknown, what: string): string {
  if (typeof x !== 'string') throw new Error(`${what} is not a string`);
  return x;
}
function num(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${what} is not a number`);
  return x;
}
function oneOf<T extends string>(x: unknown, set: Set<string>, what: string): T {
  if (typeof x !== 'string' || !set.has(x)) throw new Error(`${what} has an unknown value`);
  return x as T;
}
function nullable<T>(x: unknown, f: (v: unknown) => T): T | null {
  return x === null || x === undefined ? null : f(x);
}
function location(x: unknown, what: string): Location | null {
  if (x === null || x === undefined) return null;
  const o = obj(x, what);
  return { provider: str(o.provider, `${what}.provider`), path: str(o.path, `${what}.path`) };
}
function failure(x: unknown): JobFailure | null {
  if (x === null || x === undefined) return null;
  const o = obj(x, 'failure');
  return {
    kind: str(o.kind, 'failure.kind') as JobFailure['kind'],
    message: str(o.message, 'failure.message'),
    detail: nullable(o.detail, (v) => str(v, 'failure.detail')),
    retryable: o.retryable === true,
  };
}

function parseJob(x: unknown): SavedJob {
  const o = obj(x, 'job');
  return {
    kind: oneOf<JobKind>(o.kind, JOB_KINDS, 'job.kind'),
    isDir: o.isDir === true,
    root: o.root === true,
    known: o.known === true,
    source: location(o.source, 'job.source'),
    target: location(o.target, 'job.target'),
    size: num(o.size, 'job.size'),
    mtimeMs: nullable(o.mtimeMs, (v) => num(v, 'job.mtimeMs')),
    sha1: nullable(o.sha1, (v) => str(v, 'job.sha1')),
    state: oneOf<SavedJob['state']>(o.state, STATES, 'job.state'),
    decision: nullable(o.decision, (v) => oneOf<ConflictChoice>(v, CHOICES, 'job.decision')),
    copied: o.copied === true,
    failure: failure(o.failure),
  };
}

function parseSettings(x: unknown): GroupSettings {
  const o = obj(x, 'settings');
  return {
    operation: oneOf<GroupSettings['operation']>(o.operation, OPERATIONS, 'settings.operation'),
    label: str(o.label, 'settings.label'),
    from: str(o.from, 'settings.from'),
    to: str(o.to, 'settings.to'),
    policy: oneOf<GroupSettings['policy']>(o.policy, POLICIES, 'settings.policy'),
    recursive: o.recursive !== false,
    removeMode: oneOf<RemoveMode>(o.removeMode, REMOVE_MODES, 'settings.removeMode'),
    fileId: nullable(o.fileId, (v) => str(v, 'settings.fileId')),
  };
}

/** Validates parsed JSON as a queue document. @throws Error naming the first bad field */
export function parseQueueDocument(x: unknown): QueueDocument {
  const o = obj(x, 'document');
  if (o.version !== QUEUE_FILE_VERSION) throw new Error(`unsupported version ${String(o.version)}`);
  if (!Array.isArray(o.groups)) throw new Error('groups is not a list');
  return {
    version: QUEUE_FILE_VERSION,
    savedAt: num(o.savedAt, 'savedAt'),
    groups: o.groups.map((g: unknown) => {
      const go = obj(g, 'group');
      if (!Array.isArray(go.jobs)) throw new Error('group.jobs is not a list');
      return {
        settings: parseSettings(go.settings),
        appliedAnswer: nullable(go.appliedAnswer, (v) => oneOf<ConflictChoice>(v, CHOICES, 'group.appliedAnswer')),
        jobs: go.jobs.map(parseJob),
      };
    }),
  };
}
