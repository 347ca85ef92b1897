/**
 * How `b2c ls` prints a row: plain (the name), long (`-l`: size, date, SHA1 or type, name),
 * versions (action and file ID per version), and JSON. Columns have fixed widths so rows can be
 * printed as they arrive. Dates are UTC (`2025-11-28 15:04:05`), sizes exact bytes, so output is
 * the same on every machine and easy to parse. A B2 file that is encrypted, retained or under
 * legal hold says so after its name in `-l` (`[SSE-B2, governance until 2031-01-01]`; nothing for
 * a plain one), and always in JSON. Output sanitises every line.
 */
import type { Entry, VersionEntry } from '../providers/types.js';
import { EMPTY_NAME } from '../state/text/sanitize.js';
import { retentionShort } from '../state/text/protection-text.js';
import { formatLocation } from './location-url.js';
import { isoOrNull } from './kit/index.js';
import type { ListedRow } from './ls-walk.js';

const SIZE_WIDTH = 13;
const SHA1_WIDTH = 40;

function isVersion(e: Entry | VersionEntry): e is VersionEntry {
  return 'action' in e && typeof e.action === 'string';
}

/** `2025-11-28 15:04:05` (UTC), or `-` padded when unknown. */
export function utcStamp(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-'.padEnd(19);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The SHA1 column: the file's SHA1, else what the row is (`dir`, `bucket allPrivate`, `symlink`). */
function sha1OrType(e: Entry): string {
  switch (e.kind) {
    case 'file':
      return e.sha1 && /^(unverified:)?[0-9a-f]{40}$/i.test(e.sha1) ? e.sha1.replace(/^unverified:/, '') : '-';
    case 'dir':
      return 'dir';
    case 'bucket':
      return e.bucketType ? `bucket ${e.bucketType}` : 'bucket';
    case 'symlink':
      return 'symlink';
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}

function sizeCell(e: Entry): string {
  return (e.kind === 'file' || e.kind === 'symlink' ? String(e.size) : '-').padStart(SIZE_WIDTH);
}

/**
 * The displayed name: a symlink shows its target like `ls -l`. An empty name (the object
 * `photos/` listed inside the folder `photos/`) shows as `""`; `--json` has the exact name.
 */
function nameCell(row: ListedRow, long: boolean): string {
  const e = row.entry;
  const rel = shownRel(row.rel);
  return long && e.kind === 'symlink' && e.linkTarget !== undefined ? `${rel} -> ${e.linkTarget}` : rel;
}

function shownRel(rel: string): string {
  return rel === '' ? EMPTY_NAME : rel;
}

/** `  [SSE-B2, governance until 2031-01-01, legal hold]` for a protected B2 file, else ''. */
function protectionNote(e: Entry): string {
  const parts: string[] = [];
  if (e.encryption !== undefined && e.encryption.mode !== 'none') parts.push(e.encryption.mode);
  if (e.retention === 'unreadable') parts.push('retention unknown');
  else if (e.retention !== undefined && e.retention !== null) parts.push(retentionShort(e.retention));
  if (e.legalHold === 'unreadable') parts.push('legal hold unknown');
  else if (e.legalHold === true) parts.push('legal hold');
  return parts.length === 0 ? '' : `  [${parts.join(', ')}]`;
}

/** The protection facts of a B2 file for JSON: what B2 withheld from the key is `"unknown"`. */
function protectionJson(e: Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (e.encryption !== undefined) out.encryption = e.encryption;
  if (e.retention !== undefined)
    out.retention =
      e.retention === 'unreadable'
        ? 'unknown'
        : e.retention === null
          ? null
          : { mode: e.retention.mode, retainUntil: isoOrNull(e.retention.retainUntil) };
  if (e.legalHold !== undefined) out.legalHold = e.legalHold === 'unreadable' ? 'unknown' : e.legalHold;
  return out;
}

/** One output line for `row`; `versions` lays folders out in the versions columns. */
export function formatRow(row: ListedRow, long: boolean, versions = false): string {
  const e = row.entry;
  if (versions && !isVersion(e)) {
    // A folder between versions: the same columns, with nothing in the version ones.
    return long
      ? `${sizeCell(e)}  ${utcStamp(null)}  ${'-'.padEnd(6)}  -  -  ${shownRel(row.rel)}`
      : `${'-'.padEnd(6)}  -  ${shownRel(row.rel)}`;
  }
  if (isVersion(e)) {
    const action = e.action.padEnd(6);
    if (!long) return `${action}  ${e.fileId}  ${shownRel(row.rel)}`;
    return `${sizeCell(e)}  ${utcStamp(e.uploadTimestamp ?? e.mtimeMs)}  ${action}  ${e.fileId}  ${sha1OrType(e).padEnd(SHA1_WIDTH)}  ${shownRel(row.rel)}${protectionNote(e)}`;
  }
  if (!long) return nameCell(row, false);
  return `${sizeCell(e)}  ${utcStamp(e.mtimeMs)}  ${sha1OrType(e).padEnd(SHA1_WIDTH)}  ${nameCell(row, true)}${protectionNote(e)}`;
}

/** The header printed above long listings. */
export function longHeader(versions: boolean): string {
  const size = 'SIZE'.padStart(SIZE_WIDTH);
  return versions
    ? `${size}  ${'UPLOADED (UTC)'.padEnd(19)}  ACTION  FILE ID  SHA1  NAME`
    : `${size}  ${'MODIFIED (UTC)'.padEnd(19)}  ${'SHA1 / TYPE'.padEnd(SHA1_WIDTH)}  NAME`;
}

/** The JSON object of a row; `location` as typed (`b2://…` or a local path). Raw strings: JSON escapes control characters itself. */
export function rowJson(row: ListedRow, side: 'local' | 'b2'): Record<string, unknown> {
  const e = row.entry;
  const out: Record<string, unknown> = {
    name: row.rel,
    location: formatLocation(side, e.path),
    kind: e.kind,
    size: e.size,
    modified: isoOrNull(e.mtimeMs),
    sha1: e.kind === 'file' ? (e.sha1 ?? null) : null,
  };
  if (e.fileId !== undefined) out.fileId = e.fileId;
  if (e.contentType !== undefined) out.contentType = e.contentType;
  if (e.uploadTimestamp !== undefined) out.uploaded = isoOrNull(e.uploadTimestamp);
  if (e.hidden !== undefined) out.hidden = e.hidden;
  if (e.bucketType !== undefined) out.bucketType = e.bucketType;
  if (e.linkTarget !== undefined) out.linkTarget = e.linkTarget;
  Object.assign(out, protectionJson(e));
  if (isVersion(e)) {
    out.action = e.action;
    out.isLatest = e.isLatest;
  }
  return out;
}
