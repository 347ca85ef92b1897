/**
 * Opening the sync dialog (C, ./sync.ts): both panes must show folders the keys may list and
 * that do not overlap; what removal may mean is checked against the destination's key.
 */
import { activePane, inactivePane, type PaneSide } from '../../state/app/app-state.js';
import { providerPath, type PaneLocation } from '../../state/location/pane-location.js';
import { folderLocation } from '../../state/location/pane-rule-location.js';
import { permissionsForLocation } from '../../state/permissions/permissions.js';
import { foldersOverlap, SYNC_REMOVALS, type SyncRemoval } from '../../state/sync/sync-plan.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import type { ChoiceOption } from './choices.js';
import { openDialog } from './dialog-module.js';
import { startListing, type SyncDialog } from './sync.js';

/** The removal choices for the destination `to`, greyed by its key. */
function removalChoices(d: ControllerDeps, to: PaneLocation, side: PaneSide): ChoiceOption<SyncRemoval>[] {
  const key = paneKey(d, side);
  const here = permissionsForLocation(folderLocation(to, key.bucketType), key.key, d.now());
  const onB2 = to.kind === 'b2';
  const rows: Record<SyncRemoval, { label: string; detail: string; reason: string | null }> = {
    none: { label: 'keep', detail: 'Files only the other pane has stay.', reason: null },
    hide: {
      label: 'hide',
      detail: 'Files only the other pane has are hidden (their versions stay; reversible).',
      reason: onB2 ? (here.hide.allowed ? null : (here.hide.reason ?? 'Not allowed.')) : 'Only B2 files can be hidden.',
    },
    delete: {
      label: 'delete',
      detail: onB2
        ? 'Files only the other pane has are deleted, every version.'
        : 'Files only the other pane has are deleted.',
      reason: (() => {
        const decision = onB2 ? here['delete-all-versions'] : here.delete;
        return decision.allowed ? null : (decision.reason ?? 'Not allowed.');
      })(),
    },
  };
  return SYNC_REMOVALS.map((value) => ({ value, ...rows[value], allowed: rows[value].reason === null }));
}

/** Opens the sync dialog from the active pane to the other one, or says why not. */
export function openSyncDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const from = activePane(s).location;
  const to = inactivePane(s).location;
  const other = s.active === 'left' ? 'right' : 'left';
  for (const [loc, side] of [
    [from, s.active],
    [to, other],
  ] as const) {
    if (loc.kind === 'b2' && loc.bucket === null)
      return setStatus(d, 'Sync works between two folders: open a bucket in both panes first.', 'warning');
    const key = paneKey(d, side);
    const list = permissionsForLocation(folderLocation(loc, key.bucketType), key.key, d.now()).list;
    if (!list.allowed) return setStatus(d, `Sync compares both folders first. ${list.reason ?? ''}`.trim(), 'error');
  }
  const place = (loc: PaneLocation): { kind: string; path: string } => ({
    kind: loc.kind === 'b2' ? `b2:${loc.profile}` : 'local',
    path: providerPath(loc),
  });
  if (foldersOverlap(place(from), place(to)))
    return setStatus(d, 'The two panes show the same folder, or one inside the other: nothing to sync.', 'warning');
  const removals = removalChoices(d, to, other);
  const dialog: SyncDialog = {
    kind: 'sync',
    side: s.active,
    from,
    to,
    requestId: 0,
    load: { kind: 'listing', files: 0 },
    source: [],
    destination: [],
    compare: 'mtime',
    removals,
    removal: 0,
    dryRun: false,
    plan: null,
    scroll: 0,
  };
  openDialog(d, startListing(d, dialog));
}
