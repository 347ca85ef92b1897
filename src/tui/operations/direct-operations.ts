/**
 * Operations that are one provider call each and do not go through the transfer queue: make a
 * folder, rename on the local disk (an atomic fs rename), unhide, share link, list versions, and
 * the bucket list's create, delete and public/private (./bucket-operations.ts).
 * Each reports to the status line or its dialog and refreshes the panes it changed; none throws
 * (errors become messages) and none blocks the UI (everything is awaited off the key handler).
 */
import { childPath } from '../../providers/paths.js';
import type { Entry } from '../../state/model/entry.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { providerPath, sameLocation, type PaneLocation } from '../../state/location/pane-location.js';
import { entryKey } from '../../state/pane/pane-state.js';
import type { DialogAction } from '../dialogs/registry.js';
import { errorText } from '../../error-text.js';
import type { Navigator } from '../panes/navigator.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import { dialogsOnScreen } from '../store/tui-state.js';
import { createBucket, deleteBucket, setBucketType, type BucketDeps, type BucketType } from './bucket-operations.js';
import type { TuiStore } from '../store/tui-store.js';

/** Why `name` cannot be a file or folder name here, or null when it can. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'Type a name.';
  if (name.includes('/')) return 'A name cannot contain "/".';
  if (name === '.' || name === '..') return `"${name}" cannot be used as a name.`;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A name cannot contain control characters.';
  return null;
}

export class DirectOperations {
  private versionsRequest = 1;

  constructor(
    private readonly store: TuiStore,
    private readonly registry: ProviderRegistry,
    private readonly navigator: Navigator,
  ) {}

  private get bucketDeps(): BucketDeps {
    return { store: this.store, registry: this.registry, navigator: this.navigator };
  }

  private status(text: string, tone: 'info' | 'warning' | 'error' = 'info'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }

  private async refreshAt(at: PaneLocation, focusSide: PaneSide | null, focusKey: string | null): Promise<void> {
    const panes = this.store.getSnapshot().app.panes;
    await Promise.all(
      (['left', 'right'] as const)
        .filter((s) => sameLocation(panes[s].location, at))
        .map((s) => this.navigator.refresh(s, s === focusSide && focusKey !== null ? focusKey : undefined)),
    );
  }

  /** Makes folder `name` in `at` and puts pane `side`'s cursor on it. */
  async mkdir(side: PaneSide, at: PaneLocation, name: string): Promise<void> {
    this.status(`Making folder ${name}…`);
    try {
      const provider = await this.registry.providerFor(at);
      await provider.mkdir(childPath(providerPath(at), name));
      // Said once the pane shows the folder: the refresh lands on it and drops a filter hiding it,
      // so a key pressed after the message (a new filter) is not undone by it.
      await this.refreshAt(at, side, `${name}/`);
      this.status(`Made folder ${name}.`);
    } catch (e) {
      this.status(errorText(e), 'error');
    }
  }

  /** Renames `entry` in `at` to `name` with the provider's atomic move (local disk). */
  async renameInPlace(side: PaneSide, at: PaneLocation, entry: Entry, name: string): Promise<void> {
    try {
      const provider = await this.registry.providerFor(at);
      if (!provider.move) throw new Error('this storage cannot rename in place');
      await provider.move(entry.path, childPath(providerPath(at), name));
      // As for a new folder: said once the pane shows the new name.
      await this.refreshAt(at, side, entryKey({ ...entry, name }));
      this.status(`Renamed ${entry.name} to ${name}.`);
    } catch (e) {
      this.status(errorText(e), 'error');
    }
  }

  /** Removes the hide marker of each entry (B2), then refreshes. */
  async unhide(side: PaneSide, at: PaneLocation, entries: readonly Entry[]): Promise<void> {
    let done = 0;
    try {
      const provider = await this.registry.providerFor(at);
      if (!provider.unhide) throw new Error('this storage has no hidden files');
      for (const e of entries) {
        this.status(`Unhiding ${e.name}…`);
        await provider.unhide(e.path);
        done++;
      }
      this.status(done === 1 ? `Unhid ${entries[0]?.name ?? ''}.` : `Unhid ${done} files.`);
    } catch (e) {
      this.status(`${done > 0 ? `Unhid ${done}, then: ` : ''}${errorText(e)}`, 'error');
    }
    await this.refreshAt(at, side, null);
  }

  /** Makes a share link for `entry` valid `lifetimeSeconds`; the share dialog shows the result. */
  async shareLink(at: PaneLocation, entry: Entry, lifetimeSeconds: number): Promise<void> {
    this.store.dispatch({ type: 'dialog', action: { type: 'shareStage', stage: { kind: 'working' } } });
    try {
      const provider = await this.registry.providerFor(at);
      if (!provider.shareLink) throw new Error('this storage cannot make share links');
      const url = await provider.shareLink(entry.path, { lifetimeSeconds });
      this.store.dispatch({
        type: 'dialog',
        action: { type: 'shareStage', stage: { kind: 'done', url, lifetimeSeconds } },
      });
    } catch (e) {
      this.store.dispatch({
        type: 'dialog',
        action: { type: 'shareStage', stage: { kind: 'failed', message: errorText(e) } },
      });
    }
  }

  /** Creates bucket `name` in the account of `profile` (pane `side` shows its bucket list). */
  createBucket(side: PaneSide, profile: string, name: string, type: BucketType): Promise<void> {
    return createBucket(this.bucketDeps, { side, profile, name }, type);
  }

  /** Deletes the empty bucket `name`. */
  deleteBucket(side: PaneSide, profile: string, name: string): Promise<void> {
    return deleteBucket(this.bucketDeps, { side, profile, name });
  }

  /** Makes bucket `name` public or private. */
  setBucketType(side: PaneSide, profile: string, name: string, type: BucketType): Promise<void> {
    return setBucketType(this.bucketDeps, { side, profile, name }, type);
  }

  /** A fresh request id for a versions dialog (its pages carry it). */
  nextVersionsRequest(): number {
    return this.versionsRequest++;
  }

  /** Streams the versions of `entry` into the versions dialog opened with `requestId`. */
  async loadVersions(at: PaneLocation, entry: Entry, requestId: number): Promise<void> {
    const send = (action: DialogAction): void => this.store.dispatch({ type: 'dialog', action });
    try {
      const provider = await this.registry.providerFor(at);
      if (!provider.versions) throw new Error('this storage keeps no versions');
      for await (const page of provider.versions(entry.path)) {
        // Still wanted while the dialog is open, even under a raised question.
        const open = dialogsOnScreen(this.store.getSnapshot()).some(
          (d) => d.kind === 'versions' && d.requestId === requestId,
        );
        if (!open) return;
        send({ type: 'versionsPage', requestId, versions: page });
      }
      send({ type: 'versionsDone', requestId });
    } catch (e) {
      send({ type: 'versionsFailed', requestId, message: errorText(e) });
    }
  }
}
