/**
 * A sync plan (src/state/sync/sync-plan.ts) as engine requests: one copy request with every
 * upload and replacement (conflict policy `overwrite`: the plan already decided), and one delete
 * request with every removal, in the mode removal asks for (on B2: `hide` hides, `delete`
 * deletes every version of the name, as the b2 tool's sync does, so no older version shows again). Names that cannot be written on the
 * destination (a B2 name that would leave the local folder, ./target-path.ts) are refused here,
 * each with its reason, so the caller reports them like any failed file.
 */
import { childPath, splitName } from '../providers/paths.js';
import type { RemoveMode } from '../providers/types.js';
import type { SyncItem, SyncPlan, SyncRemoval } from '../state/sync/sync-plan.js';
import { targetNameProblem } from './target-path.js';
import type { CopyRequest, DeleteRequest, ProviderRef, TransferItem, TransferRequest } from './types.js';

/** Where a sync goes: refs for the engine, folders in each provider's path space. */
export interface SyncRoute {
  from: ProviderRef;
  to: ProviderRef;
  sourceRoot: string;
  destinationRoot: string;
  /** The destination's kind decides the name rules and what removal means. */
  destinationKind: 'local' | 'b2';
  /** Queue label, e.g. "Sync photos → b2://b/photos". */
  label: string;
}

/** An item the destination cannot take, with the reason. */
export interface RefusedSyncItem {
  item: SyncItem;
  source: string;
  target: string;
  reason: string;
}

/** The engine's remove mode for a removal choice on this destination. */
export function syncRemoveMode(removal: SyncRemoval, destinationKind: 'local' | 'b2'): RemoveMode {
  if (destinationKind === 'local') return 'default';
  return removal === 'hide' ? 'hide' : 'all-versions';
}

/** The requests that carry out `plan` (none when it has nothing to do) and the refused items. */
export function syncRequests(
  plan: SyncPlan,
  removal: SyncRemoval,
  route: SyncRoute,
): { requests: TransferRequest[]; refused: RefusedSyncItem[] } {
  const items: TransferItem[] = [];
  const removals: string[] = [];
  const known: DeleteRequest['known'] = [];
  const refused: RefusedSyncItem[] = [];
  for (const item of plan.items) {
    const target = childPath(route.destinationRoot, item.rel);
    if (item.action === 'remove') {
      removals.push(target);
      known.push({ kind: 'file', size: item.destination?.size ?? 0, mtimeMs: item.destination?.mtimeMs ?? null });
      continue;
    }
    if (item.action === 'unchanged' || item.source === null) continue;
    const source = childPath(route.sourceRoot, item.rel);
    const problem = targetNameProblem(item.rel, route.destinationKind, { shown: item.rel });
    if (problem !== null) {
      refused.push({ item, source, target, reason: `Refused "${item.rel}": ${problem}.` });
      continue;
    }
    const { folder, name } = splitName(target);
    const { size, mtimeMs, sha1 } = item.source;
    items.push({ source, targetDir: folder, targetName: name, known: { kind: 'file', size, mtimeMs, sha1 } });
  }
  const requests: TransferRequest[] = [];
  if (items.length > 0) {
    const copy: CopyRequest = {
      operation: 'copy',
      from: route.from,
      to: route.to,
      items,
      conflict: 'overwrite',
      recursive: false,
      label: route.label,
    };
    requests.push(copy);
  }
  if (removals.length > 0 && removal !== 'none') {
    requests.push({
      operation: 'delete',
      on: route.to,
      paths: removals,
      known,
      mode: syncRemoveMode(removal, route.destinationKind),
      recursive: false,
      label: `${route.label}: remove ${removals.length}`,
    });
  }
  return { requests, refused };
}
