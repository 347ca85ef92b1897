/**
 * Validation of a parsed queue file: every field is checked, so a damaged or foreign file is
 * reported (QueueFileError upstream) instead of turning into strange jobs.
 */
import type { RemoveMode } from '../providers/types.js';
import type { FolderRefusal, GroupSettings } from './records.js';
import { QUEUE_FILE_VERSION, type QueueDocument, type SavedJob } from './queue-document.js';
import type { ConflictChoice, JobFailure, JobKind, Location } from './types.js';

const JOB_KINDS = new Set<string>([
  'upload',
  'download',
  'server-copy',
  'local-copy',
  'stream-copy',
  'scan',
  'mkdir',
  'delete',
  'rmdir',
]);
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
    // Written only for refused folders, so a file read and written again stays the same.
    ...(o.refusal === undefined || o.refusal === null ? {} : { refusal: refusal(o.refusal) }),
  };
}

function refusal(x: unknown): FolderRefusal {
  const r = obj(x, 'job.refusal');
  return { folder: str(r.folder, 'job.refusal.folder'), reason: str(r.reason, 'job.refusal.reason') };
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
    ...(o.bypassGovernance === true ? { bypassGovernance: true } : {}),
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
