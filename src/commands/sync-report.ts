/**
 * What `b2c sync` prints: the plan (dry run: one line per change; `--json`: the plan document),
 * and the result rows of the names the engine never sees — the unchanged ones (skipped) and the
 * ones the destination cannot take (failed) — so every name of a sync ends done, skipped or
 * failed in the results.
 */
import type { SyncAction, SyncItem, SyncPlan, SyncRemoval } from '../state/sync/sync-plan.js';
import { formatSize } from '../state/text/format.js';
import type { RefusedSyncItem } from '../transfers/index.js';
import type { CliLocation } from './location-url.js';
import { formatLocation } from './location-url.js';
import type { JobKind } from '../transfers/index.js';
import type { JobResult } from './progress-results.js';
import { childPath } from '../providers/paths.js';

/** Where the names of a plan are shown from. */
export interface SyncEnds {
  src: CliLocation;
  dst: CliLocation;
}

/** A name's location as typed (`b2://bucket/key` or a local path). */
function shown(loc: CliLocation, rel: string): string {
  return formatLocation(loc.kind, childPath(loc.path, rel));
}

function verb(action: SyncAction, removal: SyncRemoval, dst: CliLocation): string {
  switch (action) {
    case 'upload':
      return 'copy';
    case 'replace':
      return 'replace';
    case 'remove':
      return dst.kind === 'local' ? 'delete' : removal === 'hide' ? 'hide' : 'delete';
    case 'unchanged':
      return 'keep';
  }
}

/** The dry run's line for one change (null for unchanged names). */
export function planLine(item: SyncItem, removal: SyncRemoval, ends: SyncEnds): string | null {
  if (item.action === 'unchanged') return null;
  if (item.action === 'remove') return `would ${verb('remove', removal, ends.dst)} ${shown(ends.dst, item.rel)}`;
  const why = item.action === 'replace' ? `, ${item.why}` : '';
  return `would ${verb(item.action, removal, ends.dst)} ${shown(ends.src, item.rel)} -> ${shown(ends.dst, item.rel)} (${formatSize(item.bytes)}${why})`;
}

/** `Nothing to do: b2://bucket/dir is like /home/me/dir (4 files unchanged).` */
export function nothingToDoLine(plan: SyncPlan, ends: SyncEnds): string {
  const [src, dst] = [ends.src, ends.dst].map((l) => formatLocation(l.kind, l.path));
  const n = plan.counts.unchanged.files;
  return `Nothing to do: ${dst} is like ${src} (${n} ${n === 1 ? 'file' : 'files'} unchanged).`;
}

/** `Would copy 2 (1.2 KiB), replace 1 (5 B), delete 1; 4 unchanged.` */
export function planSummary(plan: SyncPlan, removal: SyncRemoval, dst: CliLocation, dry: boolean): string {
  const c = plan.counts;
  const head = dry ? 'Dry run, nothing was changed. Would' : 'To do:';
  const parts = [
    `copy ${c.upload.files} (${formatSize(c.upload.bytes)})`,
    `replace ${c.replace.files} (${formatSize(c.replace.bytes)})`,
    `${verb('remove', removal, dst)} ${c.remove.files}`,
  ];
  const excluded = plan.excluded > 0 ? `, ${plan.excluded} excluded` : '';
  return `${head} ${parts.join(', ')}; ${c.unchanged.files} unchanged${excluded}.`;
}

/** The plan as JSON (`--json`): counts, and each name with its action and why. */
export function planDocument(plan: SyncPlan, ends: SyncEnds): object {
  return {
    counts: plan.counts,
    excluded: plan.excluded,
    items: plan.items.map((i) => ({
      action: i.action,
      why: i.why,
      source: i.source === null ? null : shown(ends.src, i.rel),
      target: shown(ends.dst, i.rel),
      bytes: i.bytes,
    })),
  };
}

function transferKind(ends: SyncEnds): JobKind {
  if (ends.src.kind === 'local') return ends.dst.kind === 'local' ? 'local-copy' : 'upload';
  return ends.dst.kind === 'local' ? 'download' : 'server-copy';
}

/** A source entry that is not copied (a symbolic link, a special file), with the results' note. */
export interface NotCopied {
  rel: string;
  note: string;
}

/**
 * Result rows: unchanged names and entries that are not copied as skipped, names the destination
 * cannot take as failed.
 */
export function offEngineResults(
  plan: SyncPlan,
  refused: readonly RefusedSyncItem[],
  notCopied: readonly NotCopied[],
  ends: SyncEnds,
): JobResult[] {
  const base = { kind: transferKind(ends), isDir: false, bytes: 0, sha1: null, verified: null } as const;
  const rows: JobResult[] = refused.map((r) => ({
    ...base,
    source: shown(ends.src, r.item.rel),
    target: shown(ends.dst, r.item.rel),
    state: 'failed',
    note: null,
    error: { kind: 'invalid-name', message: r.reason, detail: null },
  }));
  for (const n of notCopied)
    rows.push({
      ...base,
      source: shown(ends.src, n.rel),
      target: shown(ends.dst, n.rel),
      state: 'skipped',
      note: n.note,
      error: null,
    });
  for (const item of plan.items) {
    if (item.action !== 'unchanged') continue;
    rows.push({
      ...base,
      source: item.source === null ? null : shown(ends.src, item.rel),
      target: shown(ends.dst, item.rel),
      state: 'skipped',
      note: item.source === null ? 'Only on the destination; kept.' : 'Unchanged.',
      error: null,
    });
  }
  return rows;
}
