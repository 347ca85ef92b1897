/**
 * Copy, move, delete and B2 renames go to the transfer queue (src/transfers) as one group each;
 * this module builds the requests from pane entries and, when a group finishes, says how it went
 * in the status line and refreshes the panes it changed.
 *
 * The seam: everything the TUI needs from the queue is `TransferQueue` below (a TransferEngine
 * fits), so a test or a different engine can stand in.
 */
import type { RemoveMode } from '../../providers/types.js';
import type { Entry, VersionEntry } from '../../state/model/entry.js';
import { formatSize } from '../../state/text/format.js';
import { sanitizeName } from '../../state/text/sanitize.js';
import { providerPath, sameLocation, type PaneLocation } from '../../state/location/pane-location.js';
import type { GroupView, JobView, KnownEntry, TransferEngine, TransferRequest } from '../../transfers/index.js';
import type { Navigator } from '../panes/navigator.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { entryKey, rowKeyAt } from '../../state/pane/pane-state.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';
import type { DialogConflictPolicy } from '../dialogs/choices.js';

/** What the TUI uses of the transfer engine. */
export type TransferQueue = Pick<
  TransferEngine,
  | 'submit'
  | 'on'
  | 'store'
  | 'totals'
  | 'answer'
  | 'cancel'
  | 'pause'
  | 'resume'
  | 'retry'
  | 'clearFinished'
  | 'close'
  | 'history'
>;

function known(e: Entry): KnownEntry {
  return { kind: e.kind, size: e.size, mtimeMs: e.mtimeMs, sha1: e.sha1 ?? null };
}

interface Pending {
  verb: 'Copy' | 'Move' | 'Delete' | 'Rename' | 'Sync';
  changed: PaneLocation[];
  /** Folders the group removed (a delete's `rmdir` jobs): a folder with no files is still something deleted. */
  foldersRemoved: number;
  /** Called once the group finished (after the status line and the refresh were asked for). */
  onFinished?: (group: GroupView) => void;
  /**
   * A rename: where the cursor goes afterwards. A pane still on the renamed entry's row (`from`,
   * its row key before) lands on its new row (`to`), as after a rename in place.
   */
  follow?: { from: string; to: string };
}

export class TransferOperations {
  private readonly pending = new Map<string, Pending>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: TuiStore,
    private readonly registry: ProviderRegistry,
    private readonly navigator: Navigator,
    readonly queue: TransferQueue,
  ) {
    const offFinished = queue.on('group-finished', (g) => this.finished(g));
    const offJob = queue.on('job', (j) => this.jobChanged(j));
    this.unsubscribe = () => {
      offFinished();
      offJob();
    };
  }

  private jobChanged(j: JobView): void {
    const p = this.pending.get(j.groupId);
    if (p !== undefined && j.kind === 'rmdir' && j.state === 'done') p.foldersRemoved++;
  }

  private status(text: string, tone: 'info' | 'warning' | 'error' = 'info'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }

  private submitted(groupId: string, pending: Omit<Pending, 'foldersRemoved'>, text: string): void {
    this.pending.set(groupId, { ...pending, foldersRemoved: 0 });
    // The queue's progress replaces it as soon as the queue runs (src/ui/app/StatusLine.tsx).
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone: 'info', untilProgress: true } });
  }

  /** Queues a copy or move of `targets` from `from` into the folder `to` (a single one as `targetName`, when given). */
  transfer(
    op: 'copy' | 'move',
    from: PaneLocation,
    to: PaneLocation,
    targets: readonly Entry[],
    conflict: DialogConflictPolicy,
    targetName?: string,
  ): void {
    const id = this.queue.submit({
      operation: op,
      from: this.registry.refFor(from),
      to: this.registry.refFor(to),
      items: targets.map((e) => ({ source: e.path, targetDir: providerPath(to), targetName, known: known(e) })),
      // "Ask at the end": the engine asks, but only once the rest of the copy is done.
      conflict: conflict === 'ask-later' ? 'ask' : conflict,
      postponeQuestions: conflict === 'ask-later',
    });
    const verb = op === 'copy' ? 'Copy' : 'Move';
    this.submitted(
      id,
      { verb, changed: op === 'copy' ? [to] : [from, to] },
      `${verb === 'Copy' ? 'Copying' : 'Moving'} ${countText(targets)}…`,
    );
  }

  /** Queues the deletion of `targets` in `at` with `mode`; `bypassGovernance` lifts governance retention. */
  delete(at: PaneLocation, targets: readonly Entry[], mode: RemoveMode, bypassGovernance = false): void {
    const id = this.queue.submit({
      operation: 'delete',
      on: this.registry.refFor(at),
      paths: targets.map((e) => e.path),
      mode,
      known: targets.map(known),
      ...(bypassGovernance ? { bypassGovernance } : {}),
    });
    this.submitted(id, { verb: 'Delete', changed: [at] }, `Deleting ${countText(targets)}…`);
  }

  /**
   * Queues a copy of exactly `version` (by its file id, not the newest of its name) into the folder
   * `to`; the conflict policy is `ask`, like F5 in the panes.
   */
  copyVersion(from: PaneLocation, to: PaneLocation, version: VersionEntry): void {
    const id = this.queue.submit({
      operation: 'copy',
      from: this.registry.refFor(from),
      to: this.registry.refFor(to),
      items: [{ source: version.path, targetDir: providerPath(to), known: known(version), fileId: version.fileId }],
      conflict: 'ask',
      label: `Copy ${version.name} (version ${version.fileId})`,
    });
    this.submitted(id, { verb: 'Copy', changed: [to] }, `Copying the version of ${version.name}…`);
  }

  /**
   * Queues the deletion of exactly `version` (a hide marker: unhides the name), lifting its
   * governance retention with `bypassGovernance`; `onFinished` after.
   */
  deleteVersion(at: PaneLocation, version: VersionEntry, bypassGovernance: boolean, onFinished: () => void): void {
    const id = this.queue.submit({
      operation: 'delete',
      on: this.registry.refFor(at),
      paths: [version.path],
      mode: 'delete-version',
      ...(bypassGovernance ? { bypassGovernance } : {}),
      // Known facts: no stat, which would not find a name whose newest version is a hide marker.
      known: [known(version)],
      fileId: version.fileId,
      label: `Delete version ${version.fileId} of ${version.name}`,
    });
    this.submitted(id, { verb: 'Delete', changed: [at], onFinished }, `Deleting the version of ${version.name}…`);
  }

  /** Queues a rename as a move within the same folder (B2: copy, then hide the old name). */
  rename(at: PaneLocation, entry: Entry, name: string): void {
    const ref = this.registry.refFor(at);
    const id = this.queue.submit({
      operation: 'move',
      from: ref,
      to: ref,
      items: [{ source: entry.path, targetDir: providerPath(at), targetName: name, known: known(entry) }],
      conflict: 'ask',
      label: `Rename ${entry.name}`,
    });
    const follow = { from: entryKey(entry), to: entryKey({ ...entry, name }) };
    this.submitted(id, { verb: 'Rename', changed: [at], follow }, `Renaming ${entry.name} to ${name}…`);
  }

  /**
   * Queues a sync (C; the requests from src/transfers/sync-requests.ts) into the folder `to`: the
   * copies first, and the removals only once every copy is done — as rclone does, nothing is
   * removed from a destination that a failed or cancelled copy left short.
   */
  sync(requests: readonly TransferRequest[], to: PaneLocation, text: string): void {
    const copies = requests.filter((r) => r.operation !== 'delete');
    const removals = requests.filter((r) => r.operation === 'delete');
    const removeAll = (): void => {
      for (const r of removals) this.submitted(this.queue.submit(r), { verb: 'Delete', changed: [to] }, text);
    };
    if (copies.length === 0) return removeAll();
    let pendingCopies = copies.length;
    let clean = true;
    for (const r of copies) {
      const id = this.queue.submit(r);
      const onFinished = (group: GroupView): void => {
        const t = group.totals;
        if (t.filesFailed + t.filesCancelled + t.foldersFailed > 0) clean = false;
        if (--pendingCopies > 0 || removals.length === 0) return;
        if (clean) removeAll();
        else
          this.status('Sync: nothing was removed, because not every copy was done. Press t to see the queue.', 'error');
      };
      this.submitted(id, { verb: 'Sync', changed: [to], onFinished }, text);
    }
  }

  private finished(g: GroupView): void {
    const p = this.pending.get(g.id);
    if (!p) return;
    this.pending.delete(g.id);
    const t = g.totals;
    const problems = [
      t.filesFailed > 0 ? `${t.filesFailed} failed` : '',
      t.filesSkipped > 0 ? `${t.filesSkipped} skipped` : '',
      t.filesCancelled > 0 ? `${t.filesCancelled} cancelled` : '',
      t.foldersFailed > 0 ? `${t.foldersFailed} folder${t.foldersFailed === 1 ? '' : 's'} failed` : '',
    ].filter((s) => s !== '');
    const done = `${p.verb}: ${doneText(p, t)}`;
    if (problems.length > 0)
      this.status(
        `${done}; ${problems.join(', ')}. Press t to see the queue.`,
        t.filesFailed > 0 || t.foldersFailed > 0 ? 'error' : 'warning',
      );
    else this.status(`${done}.`);
    const panes = this.store.getSnapshot().app.panes;
    const follow = p.follow;
    const focus = (side: PaneSide): string | undefined =>
      follow !== undefined && rowKeyAt(panes[side], panes[side].cursor) === follow.from ? follow.to : undefined;
    void this.navigator.refreshWhere((loc) => p.changed.some((c) => sameLocation(c, loc)), focus);
    p.onFinished?.(g);
  }

  /** Stops listening to the queue (the queue itself is closed by its owner). */
  dispose(): void {
    this.unsubscribe();
  }
}

/** What a finished group did: files done of all, the bytes moved, and for a delete the folders removed. */
function doneText(p: Pending, t: GroupView['totals']): string {
  const folders = `${p.foldersRemoved} folder${p.foldersRemoved === 1 ? '' : 's'} removed`;
  if (p.verb === 'Delete' && t.files === 0 && p.foldersRemoved > 0)
    return `${folders} (${p.foldersRemoved === 1 ? 'it' : 'they'} held no files)`;
  const files = `${t.filesDone - t.filesSkipped} of ${t.files} file${t.files === 1 ? '' : 's'} done`;
  if (p.verb !== 'Delete') return `${files} (${formatSize(t.bytesDone)})`;
  return p.foldersRemoved > 0 ? `${files}, ${folders}` : files;
}

/** "3 files and 1 folder" style counts. */
export function countText(entries: readonly Entry[]): string {
  let files = 0;
  let dirs = 0;
  for (const e of entries) {
    if (e.kind === 'dir' || e.kind === 'bucket') dirs++;
    else files++;
  }
  const parts: string[] = [];
  if (files > 0) parts.push(`${files} file${files === 1 ? '' : 's'}`);
  if (dirs > 0) parts.push(`${dirs} folder${dirs === 1 ? '' : 's'}`);
  if (entries.length === 1 && entries[0] !== undefined) return sanitizeName(entries[0].name);
  return parts.join(' and ') || 'nothing';
}
