/**
 * C: "make the other pane like this one". Both folders are listed recursively (../operations/
 * sync-planner.ts), the pure planner (src/state/sync/sync-plan.ts) says exactly what will be
 * copied, replaced and removed (counts, bytes and a scrollable list), and Enter queues it like a
 * copy (same engine, same guarantees) — or, as a dry run, only says what it would do. Its keys
 * are the keymap context `sync`: compare by mtime / size / SHA1, what removal means (keep; on
 * B2 hide or delete, each greyed with its reason when the key forbids it), dry run. Opened by
 * ./sync-open.ts.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { formatLocation, providerPath, type PaneLocation } from '../../state/location/pane-location.js';
import { COMPARE_MODES, type CompareMode, type SyncEntry } from '../../state/sync/sync-compare.js';
import { nothingToDo, planSync, type SyncPlan, type SyncRemoval } from '../../state/sync/sync-plan.js';
import { formatSize } from '../../state/text/format.js';
import { syncRequests } from '../../transfers/index.js';
import { setStatus, type ControllerDeps } from '../controller-deps.js';
import type { ChoiceOption } from './choices.js';
import { clampIndex, closeDialog, replaceDialog, wrapIndex, type DialogModule } from './dialog-module.js';

/** Where the listings are. */
export type SyncLoad = { kind: 'listing'; files: number } | { kind: 'ready' } | { kind: 'failed'; message: string };

export interface SyncDialog {
  kind: 'sync';
  /** The pane whose folder is the model (the source). */
  side: PaneSide;
  from: PaneLocation;
  to: PaneLocation;
  requestId: number;
  load: SyncLoad;
  source: readonly SyncEntry[];
  destination: readonly SyncEntry[];
  compare: CompareMode;
  /** What removal may mean here, each checked against the destination's key. */
  removals: ChoiceOption<SyncRemoval>[];
  removal: number;
  dryRun: boolean;
  /** The plan for the current options, once both folders are listed. */
  plan: SyncPlan | null;
  /** First change shown in the list. */
  scroll: number;
}

/** The listings arriving (each carries the request it answers). */
export type SyncDialogAction =
  | { type: 'syncProgress'; requestId: number; files: number }
  | { type: 'syncListed'; requestId: number; source: readonly SyncEntry[]; destination: readonly SyncEntry[] }
  | { type: 'syncFailed'; requestId: number; message: string };

function currentRemoval(d: SyncDialog): SyncRemoval {
  return d.removals[d.removal]?.value ?? 'none';
}

/** The dialog with its plan recomputed for its listings and options. */
function replanned(d: SyncDialog): SyncDialog {
  if (d.load.kind !== 'ready') return { ...d, plan: null };
  const plan = planSync(d.source, d.destination, { compare: d.compare, exclude: [], removal: currentRemoval(d) });
  return { ...d, plan, scroll: 0 };
}

/** Starts (again) listing both folders for `dialog`, with a new request id. */
export function startListing(d: ControllerDeps, dialog: SyncDialog): SyncDialog {
  const requestId = d.sync.newRequest();
  void d.sync.list(requestId, dialog.from, dialog.to, dialog.compare);
  return { ...dialog, requestId, load: { kind: 'listing', files: 0 }, plan: null, scroll: 0 };
}

function runSync(d: ControllerDeps, dialog: SyncDialog): void {
  const plan = dialog.plan;
  if (plan === null) return setStatus(d, 'Still comparing the two folders…', 'warning');
  const removal = dialog.removals[dialog.removal];
  if (removal !== undefined && !removal.allowed) return setStatus(d, removal.reason ?? 'Not allowed.', 'error');
  const c = plan.counts;
  const what = `copy ${c.upload.files} (${formatSize(c.upload.bytes)}), replace ${c.replace.files} (${formatSize(c.replace.bytes)}), ${removal?.label ?? 'remove'} ${c.remove.files}`;
  closeDialog(d);
  if (nothingToDo(plan)) return setStatus(d, 'Nothing to do: the other pane is like this one.', 'info');
  if (dialog.dryRun) return setStatus(d, `Dry run, nothing was changed. Would ${what}.`, 'info');
  const { requests, refused } = syncRequests(plan, currentRemoval(dialog), {
    from: d.registry.refFor(dialog.from),
    to: d.registry.refFor(dialog.to),
    sourceRoot: providerPath(dialog.from),
    destinationRoot: providerPath(dialog.to),
    destinationKind: dialog.to.kind,
    label: `Sync ${formatLocation(dialog.from)} → ${formatLocation(dialog.to)}`,
  });
  d.transfers.sync(requests, dialog.to, `Syncing: ${what}…`);
  if (refused.length > 0)
    setStatus(
      d,
      `${refused.length} name${refused.length === 1 ? '' : 's'} cannot be written there: ${refused[0]?.reason ?? ''}`,
      'warning',
    );
}

const SCROLL: Partial<Record<CommandId, number>> = {
  cursorUp: -1,
  cursorDown: 1,
  cursorPageUp: -10,
  cursorPageDown: 10,
  cursorHome: -Number.MAX_SAFE_INTEGER,
  cursorEnd: Number.MAX_SAFE_INTEGER,
};

/** The changes the list shows (unchanged names are only counted). */
export function syncChanges(plan: SyncPlan | null): SyncPlan['items'] {
  return plan === null ? [] : plan.items.filter((i) => i.action !== 'unchanged');
}

export const syncDialog: DialogModule<SyncDialog, SyncDialogAction> = {
  keyContext: 'sync',
  reduce(d, a) {
    switch (a.type) {
      case 'moveChoice':
        return { ...d, scroll: clampIndex(d.scroll + a.delta, syncChanges(d.plan).length) };
      case 'syncProgress':
        return d.requestId === a.requestId && d.load.kind === 'listing'
          ? { ...d, load: { kind: 'listing', files: a.files } }
          : d;
      case 'syncListed':
        return d.requestId === a.requestId
          ? replanned({ ...d, source: a.source, destination: a.destination, load: { kind: 'ready' } })
          : d;
      case 'syncFailed':
        return d.requestId === a.requestId ? { ...d, load: { kind: 'failed', message: a.message } } : d;
      case 'editField':
      case 'setError':
        return d;
      default: {
        const never: never = a;
        return never;
      }
    }
  },
  confirm: runSync,
  cancel(d) {
    d.sync.cancel();
    closeDialog(d);
  },
  command(d, cmd, dialog) {
    const delta = SCROLL[cmd];
    const update = (next: SyncDialog): void => replaceDialog(d, next);
    if (delta !== undefined) d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta } });
    else if (cmd === 'cancel') syncDialog.cancel?.(d, dialog);
    else if (cmd === 'confirm') runSync(d, dialog);
    else if (cmd === 'syncDryRun') update({ ...dialog, dryRun: !dialog.dryRun });
    else if (cmd === 'syncRemoval')
      update(replanned({ ...dialog, removal: wrapIndex(dialog.removal + 1, dialog.removals.length) }));
    else if (cmd === 'syncCompareMode') {
      const compare =
        COMPARE_MODES[wrapIndex(COMPARE_MODES.indexOf(dialog.compare) + 1, COMPARE_MODES.length)] ?? 'mtime';
      const next = { ...dialog, compare };
      // Local files have no SHA1 until hashed: comparing by SHA1 lists (and hashes) again.
      const hashes = compare === 'sha1' && (dialog.from.kind === 'local' || dialog.to.kind === 'local');
      update(hashes ? startListing(d, next) : replanned(next));
    }
  },
};
