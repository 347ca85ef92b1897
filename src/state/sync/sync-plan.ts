/**
 * The sync planner: given the recursive listings of a source and a destination folder, what
 * "make the destination like the source" does — upload the names only the source has, replace
 * the ones that differ (per the compare mode, ./sync-compare.ts), remove (when asked) the names
 * only the destination has, and leave the rest alone. Pure: the CLI (`b2c sync`) and the TUI's
 * sync dialog list, plan with this, then hand the plan's transfers to the engine.
 */
import { comparePair, type CompareMode, type PairState, type SyncEntry } from './sync-compare.js';
import { compileExcludes } from './sync-exclude.js';

/**
 * What removal means for names only the destination has: `none` keeps them, `hide` puts a hide
 * marker on B2 (reversible; a local destination deletes), `delete` deletes the newest version.
 */
export type SyncRemoval = 'none' | 'hide' | 'delete';

export const SYNC_REMOVALS: readonly SyncRemoval[] = ['none', 'hide', 'delete'];

export interface SyncOptions {
  compare: CompareMode;
  /** Mask patterns (./sync-exclude.ts); excluded names are neither copied nor removed. */
  exclude: readonly string[];
  removal: SyncRemoval;
}

/** What happens to one name. */
export type SyncAction = 'upload' | 'replace' | 'remove' | 'unchanged';

export const SYNC_ACTIONS: readonly SyncAction[] = ['upload', 'replace', 'remove', 'unchanged'];

/** One name of the plan. */
export interface SyncItem {
  action: SyncAction;
  rel: string;
  /** `upload`: only on the source; `remove`/`unchanged` of a name only on the destination: only there; else the pair's state. */
  why: PairState | 'only-source' | 'only-destination';
  source: SyncEntry | null;
  destination: SyncEntry | null;
  /** Bytes this item moves: the source's size for uploads and replacements, else 0. */
  bytes: number;
}

/** Files and bytes of one action (bytes: what is transferred, or for removals what goes). */
export interface ActionCount {
  files: number;
  bytes: number;
}

export interface SyncPlan {
  /** Every name, sorted by relative path (binary order, as B2 lists). */
  items: SyncItem[];
  counts: Record<SyncAction, ActionCount>;
  /** Names left out by the exclude patterns (both sides). */
  excluded: number;
}

function byRel(a: { rel: string }, b: { rel: string }): number {
  return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0;
}

/** The plan of syncing `destination` to `source` (see the module comment). */
export function planSync(
  source: readonly SyncEntry[],
  destination: readonly SyncEntry[],
  options: SyncOptions,
): SyncPlan {
  const excluded = compileExcludes(options.exclude);
  let excludedCount = 0;
  const visible = (list: readonly SyncEntry[]): Map<string, SyncEntry> => {
    const map = new Map<string, SyncEntry>();
    for (const e of list) {
      if (e.hidden === true) continue;
      if (excluded(e.rel)) excludedCount++;
      else map.set(e.rel, e);
    }
    return map;
  };
  const src = visible(source);
  const dst = visible(destination);
  const items: SyncItem[] = [];
  for (const [rel, s] of src) {
    const d = dst.get(rel);
    if (d === undefined) {
      items.push({ action: 'upload', rel, why: 'only-source', source: s, destination: null, bytes: s.size });
      continue;
    }
    const state = comparePair(s, d, options.compare);
    const action = state === 'same' ? 'unchanged' : 'replace';
    items.push({ action, rel, why: state, source: s, destination: d, bytes: action === 'replace' ? s.size : 0 });
  }
  for (const [rel, d] of dst) {
    if (src.has(rel)) continue;
    const action = options.removal === 'none' ? 'unchanged' : 'remove';
    items.push({ action, rel, why: 'only-destination', source: null, destination: d, bytes: 0 });
  }
  items.sort(byRel);
  return { items, counts: countActions(items), excluded: excludedCount };
}

/** Files and bytes per action. Removals count the destination's bytes (what goes away). */
export function countActions(items: readonly SyncItem[]): Record<SyncAction, ActionCount> {
  const counts: Record<SyncAction, ActionCount> = {
    upload: { files: 0, bytes: 0 },
    replace: { files: 0, bytes: 0 },
    remove: { files: 0, bytes: 0 },
    unchanged: { files: 0, bytes: 0 },
  };
  for (const item of items) {
    const c = counts[item.action];
    c.files++;
    c.bytes += item.action === 'remove' ? (item.destination?.size ?? 0) : item.bytes;
  }
  return counts;
}

/** True when the plan changes nothing. */
export function nothingToDo(plan: SyncPlan): boolean {
  return plan.counts.upload.files + plan.counts.replace.files + plan.counts.remove.files === 0;
}

/**
 * True when two folders of the same kind of place overlap — the same folder, or one inside the
 * other — so that a sync between them would copy into what it reads. Paths are provider paths
 * (`/home/me/x`, `/bucket/prefix`); a trailing `/` does not matter.
 */
export function foldersOverlap(a: { kind: string; path: string }, b: { kind: string; path: string }): boolean {
  if (a.kind !== b.kind) return false;
  const trim = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
  const [x, y] = [trim(a.path), trim(b.path)];
  const inside = (inner: string, outer: string): boolean => inner.startsWith(outer === '/' ? '/' : `${outer}/`);
  return x === y || inside(x, y) || inside(y, x);
}
