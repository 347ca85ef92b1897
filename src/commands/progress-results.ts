/**
 * The outcome of each finished job of a `cp` or `rm` run: as a JSON row (per-file outcome,
 * bytes, SHA1, errors), as the plain line printed when it finishes, and the closing summary.
 * Strings are raw here; Output sanitises every line it prints.
 */
import type { FileEncryption, RemoveMode } from '../providers/types.js';
import { formatSize } from '../state/text/format.js';
import {
  failureText,
  LOCAL_PROVIDER_REF,
  type JobKind,
  type JobView,
  type Location,
  type Verification,
} from '../transfers/index.js';
import { formatLocation } from './location-url.js';

/** A job's final state as the CLI reports it. */
export type ResultState = 'done' | 'skipped' | 'failed' | 'cancelled';

/** One row of `--json` output. Locations are printed as typed: `b2://bucket/key` or a local path. */
export interface JobResult {
  source: string | null;
  target: string | null;
  kind: JobKind;
  /** A folder (listing, folder creation or removal) rather than a file. */
  isDir: boolean;
  state: ResultState;
  /** Bytes transferred (done: the file's size). */
  bytes: number;
  /** Hex SHA1 of the file written, when known. */
  sha1: string | null;
  /** A file written to B2: its encryption as B2 reported it (docs/b2-api.md §9). */
  encryption?: FileEncryption;
  verified: Verification | null;
  note: string | null;
  error: { kind: string; message: string; detail: string | null } | null;
}

/** A provider location in the form the user types. */
export function showLocation(loc: Location | null): string | null {
  if (!loc) return null;
  return formatLocation(loc.provider === LOCAL_PROVIDER_REF ? 'local' : 'b2', loc.path);
}

/** The terminal state of a job, or null while it is not finished. */
export function resultState(state: JobView['state']): ResultState | null {
  switch (state) {
    case 'done':
    case 'skipped':
    case 'failed':
    case 'cancelled':
      return state;
    case 'queued':
    case 'running':
    case 'paused':
    case 'asking':
      return null;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The JSON row of a finished job. `sha1` and `encryption` come from the recorder (transfers only). */
export function jobResult(
  view: JobView,
  state: ResultState,
  sha1: string | null,
  encryption: FileEncryption | null = null,
): JobResult {
  return {
    source: showLocation(view.source),
    target: showLocation(view.target),
    kind: view.kind,
    isDir: view.isDir,
    state,
    bytes: state === 'done' ? view.size : view.bytesDone,
    sha1: state === 'done' ? sha1 : null,
    ...(state === 'done' && encryption !== null ? { encryption } : {}),
    verified: state === 'done' ? view.verified : null,
    note: view.note,
    error: view.failure
      ? { kind: view.failure.kind, message: view.failure.message, detail: view.failure.detail }
      : null,
  };
}

/**
 * Whether a finished job belongs in the results: every file job, and listings and folder jobs
 * only when they went wrong (a listing that was merely cancelled is not news).
 */
export function reportable(r: JobResult): boolean {
  if (r.kind === 'scan') return r.state === 'failed';
  return !r.isDir || r.state === 'failed' || r.state === 'cancelled';
}

function doneVerb(kind: JobKind, removeMode: RemoveMode | null): string {
  switch (kind) {
    case 'upload':
      return 'uploaded';
    case 'download':
      return 'downloaded';
    case 'server-copy':
      return 'copied (server-side)';
    case 'local-copy':
    case 'stream-copy':
      return 'copied';
    case 'mkdir':
      return 'created folder';
    case 'rmdir':
      return 'removed folder';
    case 'scan':
      return 'listed';
    case 'delete':
      return removeMode === 'hide' || removeMode === 'default'
        ? 'hid'
        : removeMode === 'all-versions'
          ? 'deleted all versions of'
          : 'deleted';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** What a job is about: `SRC -> DST` for transfers, the path for the rest. */
function subject(r: JobResult): string {
  if (r.source !== null && r.target !== null) return `${r.source} -> ${r.target}`;
  return r.source ?? r.target ?? '?';
}

/**
 * The line printed when a job finishes successfully (stdout), or null when nothing is worth a line.
 * @param removeMode the delete mode of an `rm` run (null for `cp`: B2 deletes are local there)
 */
export function successLine(r: JobResult, removeMode: RemoveMode | null): string | null {
  if (r.state === 'skipped') return `skipped ${subject(r)}${r.note ? `: ${r.note.replace(/^Skipped: /, '')}` : ''}`;
  if (r.state !== 'done' || r.kind === 'scan') return null;
  const size = r.isDir || r.kind === 'delete' ? '' : ` (${formatSize(r.bytes)})`;
  const note = r.note && r.note !== 'It was already gone.' ? ` — ${r.note}` : r.note ? ' (it was already gone)' : '';
  const path = r.kind === 'mkdir' || r.kind === 'rmdir' ? (r.target ?? r.source ?? '?') : subject(r);
  return `${doneVerb(r.kind, removeMode)} ${path}${size}${note}`;
}

/** The stderr sentence naming a failed job. */
export function failureLine(r: JobResult): string {
  const why = r.error
    ? failureText({ kind: 'internal', retryable: false, message: r.error.message, detail: r.error.detail })
    : 'failed';
  return `${subject(r)}: ${why}`;
}

/** Counts for the closing summary and the JSON document. */
export interface ResultTotals {
  files: number;
  done: number;
  skipped: number;
  failed: number;
  cancelled: number;
  /** Bytes of the files done. */
  bytes: number;
}

/** Totals over reportable rows (folder failures count as failures, not files). */
export function totalsOf(results: readonly JobResult[]): ResultTotals {
  const t: ResultTotals = { files: 0, done: 0, skipped: 0, failed: 0, cancelled: 0, bytes: 0 };
  for (const r of results) {
    if (!r.isDir) t.files++;
    if (r.state === 'done' && !r.isDir) {
      t.done++;
      t.bytes += r.bytes;
    } else if (r.state === 'skipped') t.skipped++;
    else if (r.state === 'failed') t.failed++;
    else if (r.state === 'cancelled') t.cancelled++;
  }
  return t;
}

/** The closing line: `3 files copied (1.2 MiB), 1 skipped, 0 failed.` */
export function summaryLine(t: ResultTotals, verb: string): string {
  const files = `${t.done} ${t.done === 1 ? 'file' : 'files'} ${verb}`;
  const bytes = verb === 'copied' ? ` (${formatSize(t.bytes)})` : '';
  const cancelled = t.cancelled > 0 ? `, ${t.cancelled} cancelled` : '';
  return `${files}${bytes}, ${t.skipped} skipped, ${t.failed} failed${cancelled}.`;
}
