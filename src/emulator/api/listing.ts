/**
 * b2_list_file_names and b2_list_file_versions (docs/b2-api.md §4.2, §7): prefix, delimiter folder
 * rows, pages of maxFileCount (default 100, max 10000), inclusive startFileName/startFileId. The
 * `next*` values name the first row of the following page, so they are exact restart points.
 * Restricted keys: v2+ answer 401 for a prefix outside the key's namePrefix; v1 filters the results
 * instead (the 2018 "workaround", docs/b2-api.md §2.3).
 */
import { bucketById, pageSize } from './api-common.js';
import type { BucketIndex } from '../store/bucket-index.js';
import { requireBucket, requireCapability } from '../auth/enforce.js';
import { badRequest, unauthorized } from '../http/errors.js';
import type { LargeFileRecord, VersionRecord } from '../store/model.js';
import { fileObject, folderObject, startObject } from './shapes.js';
import type { ApiContext } from '../state.js';

interface ListRequest {
  /** Prefix that defines folder rows. */
  prefix: string;
  /** Prefix every listed name must have (the request prefix, or a v1 key prefix inside it). */
  scanPrefix: string;
  delimiter: string | undefined;
  startFileName: string | undefined;
  startFileId: string | undefined;
  max: number;
}

/** The smallest string greater than every string starting with `s`. */
function successor(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

function visible(idx: BucketIndex, name: string): boolean {
  const latest = idx.latest(name);
  return latest !== undefined && latest.action === 'upload';
}

/** Reads and authorises the common request fields; returns null when v1 filtering leaves nothing. */
function parseRequest(ctx: ApiContext, versions: boolean): { bucketId: string; req: ListRequest } | null {
  const p = ctx.principal;
  requireCapability(p, 'listFiles');
  const bucket = bucketById(ctx, ctx.params.string('bucketId'));
  requireBucket(p, bucket.bucketId);
  const prefix = ctx.params.optString('prefix') ?? '';
  let scanPrefix = prefix;
  if (p.namePrefix !== null && !prefix.startsWith(p.namePrefix)) {
    if (ctx.version > 1)
      throw unauthorized(`The application key is only allowed to list files starting with ${p.namePrefix}`);
    if (!p.namePrefix.startsWith(prefix)) return null;
    scanPrefix = p.namePrefix;
  }
  const req: ListRequest = {
    prefix,
    scanPrefix,
    delimiter: ctx.params.optString('delimiter') || undefined,
    startFileName: ctx.params.optString('startFileName') || undefined,
    startFileId: versions ? ctx.params.optString('startFileId') || undefined : undefined,
    max: pageSize(ctx, 'maxFileCount', 100, 10_000),
  };
  if (req.startFileId !== undefined && req.startFileName === undefined)
    throw badRequest('startFileId requires startFileName');
  return { bucketId: bucket.bucketId, req };
}

type Row =
  | { kind: 'folder'; name: string }
  | { kind: 'version'; v: VersionRecord }
  | { kind: 'start'; v: LargeFileRecord };

function versionsOf(idx: BucketIndex, name: string): (VersionRecord | LargeFileRecord)[] {
  const entry = idx.entries.get(name);
  if (!entry) return [];
  return [...entry.versions, ...entry.starts].sort((a, b) => b.seq - a.seq);
}

/** Walks the index and collects one page plus the restart point of the next. */
function collect(
  idx: BucketIndex,
  r: ListRequest,
  versions: boolean,
): { rows: Row[]; next: { name: string; id: string | null } | null } {
  const rows: Row[] = [];
  const start = r.startFileName !== undefined && r.startFileName > r.scanPrefix ? r.startFileName : r.scanPrefix;
  let i = idx.lowerBound(start);
  while (i < idx.names.length) {
    const name = idx.names[i] ?? '';
    if (!name.startsWith(r.scanPrefix)) break;
    const cut = r.delimiter === undefined ? -1 : name.indexOf(r.delimiter, r.prefix.length);
    if (cut >= 0 && r.delimiter !== undefined) {
      const folder = name.slice(0, cut + r.delimiter.length);
      const end = idx.lowerBound(successor(folder));
      const show =
        (r.startFileName === undefined || folder >= r.startFileName) &&
        (versions || idx.names.slice(i, end).some((n) => visible(idx, n)));
      if (show) {
        if (rows.length === r.max) return { rows, next: { name: folder, id: null } };
        rows.push({ kind: 'folder', name: folder });
      }
      i = end;
      continue;
    }
    if (versions) {
      let list = versionsOf(idx, name);
      if (r.startFileId !== undefined && name === r.startFileName) {
        const at = list.findIndex((x) => x.fileId === r.startFileId);
        if (at > 0) list = list.slice(at);
      }
      for (const v of list) {
        if (rows.length === r.max) return { rows, next: { name, id: v.fileId } };
        rows.push('action' in v ? { kind: 'version', v } : { kind: 'start', v });
      }
    } else if (visible(idx, name)) {
      const latest = idx.latest(name);
      if (latest) {
        if (rows.length === r.max) return { rows, next: { name, id: latest.fileId } };
        rows.push({ kind: 'version', v: latest });
      }
    }
    i++;
  }
  return { rows, next: null };
}

function render(ctx: ApiContext, bucketId: string, rows: Row[]): unknown[] {
  return rows.map((row) => {
    switch (row.kind) {
      case 'folder':
        return folderObject(ctx.shape, bucketId, row.name);
      case 'version':
        return fileObject(ctx.shape, row.v, true);
      case 'start':
        return startObject(ctx.shape, row.v, true);
      default: {
        const never: never = row;
        return never;
      }
    }
  });
}

/** b2_list_file_names: the newest visible version of each name. */
export function listFileNames(ctx: ApiContext): unknown {
  const parsed = parseRequest(ctx, false);
  if (!parsed) return { files: [], nextFileName: null };
  const { rows, next } = collect(ctx.state.store.index(parsed.bucketId), parsed.req, false);
  return { files: render(ctx, parsed.bucketId, rows), nextFileName: next?.name ?? null };
}

/** b2_list_file_versions: every version, hide marker and unfinished large file, newest first per name. */
export function listFileVersions(ctx: ApiContext): unknown {
  const parsed = parseRequest(ctx, true);
  if (!parsed) return { files: [], nextFileName: null, nextFileId: null };
  const { rows, next } = collect(ctx.state.store.index(parsed.bucketId), parsed.req, true);
  return { files: render(ctx, parsed.bucketId, rows), nextFileName: next?.name ?? null, nextFileId: next?.id ?? null };
}
