/**
 * Moving panes between locations: open, go up, refresh, and a profile's home. Wraps the listing
 * loader with what a user expects of a file manager: a folder that cannot be listed leaves the
 * pane where it was (with the reason in the status line), going up puts the cursor back on the
 * folder we came from, a refresh keeps the cursor on its row, and Esc stops a listing (or a
 * sign-in) that is taking too long, with the pane back where it was.
 */
import { b2HomePath } from '../../providers/b2/home.js';
import { folderPrefix, splitBucketPath } from '../../providers/paths.js';
import type { PaneSide } from '../../state/app-state.js';
import { b2PaneLocation, formatLocation, parentLocation, sameLocation, type PaneLocation } from '../../state/pane-location.js';
import { rowKeyAt } from '../../state/pane-state.js';
import { STOPPED_TEXT, untilAborted, type ListingLoader } from '../loaders/listing-loader.js';
import { errorText } from './error-text.js';
import type { ProviderRegistry } from './provider-registry.js';
import type { TuiStore } from './tui-store.js';

export class Navigator {
  /** Sign-ins of `openProfileHome` in flight, per pane, so that Esc can stop waiting for them. */
  private readonly connecting: Partial<Record<PaneSide, AbortController>> = {};

  constructor(
    private readonly store: TuiStore,
    private readonly loader: ListingLoader,
    private readonly registry: ProviderRegistry,
  ) {}

  private status(text: string, tone: 'info' | 'warning' | 'error' = 'error'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }

  /**
   * Lists `location` in pane `side`. When it fails and the pane was showing somewhere else that
   * listed fine, the pane goes back there (cursor on `returnKey`) and the status line says why.
   */
  async open(side: PaneSide, location: PaneLocation, focusKey: string | null = null): Promise<void> {
    const before = this.store.getSnapshot().app.panes[side];
    const wasFine = before.load.stage === 'loaded' && !sameLocation(before.location, location);
    const returnKey = rowKeyAt(before, before.cursor);
    const outcome = await this.loader.load(side, location, { focusKey });
    if (outcome.kind !== 'failed' && outcome.kind !== 'cancelled') return;
    if (wasFine) {
      await this.loader.load(side, before.location, { focusKey: returnKey });
    }
    if (outcome.kind === 'failed') this.status(outcome.message);
    else this.stoppedStatus(location);
  }

  /**
   * Stops what pane `side` is waiting for — its listing, or the sign-in before its first
   * listing — and says so. Returns false when the pane was not loading.
   */
  cancel(side: PaneSide): boolean {
    if (this.loader.cancel(side)) return true;
    const connecting = this.connecting[side];
    if (connecting === undefined) return false;
    connecting.abort();
    return true;
  }

  private stoppedStatus(location: PaneLocation): void {
    this.status(`Stopped loading ${formatLocation(location)}: Ctrl+R tries again.`, 'warning');
  }

  /** Goes to the parent of pane `side`'s location, cursor on the folder we left. */
  async parent(side: PaneSide): Promise<void> {
    const up = parentLocation(this.store.getSnapshot().app.panes[side].location);
    if (up === null) return;
    await this.open(side, up.location, up.fromKey);
  }

  /** Lists pane `side`'s location again, keeping the cursor on its row. */
  async refresh(side: PaneSide): Promise<void> {
    const pane = this.store.getSnapshot().app.panes[side];
    await this.loader.load(side, pane.location, { focusKey: rowKeyAt(pane, pane.cursor) });
  }

  /** Refreshes every pane showing `location` (after an operation changed it). */
  async refreshWhere(match: (loc: PaneLocation) => boolean): Promise<void> {
    const panes = this.store.getSnapshot().app.panes;
    const sides = (['left', 'right'] as const).filter((s) => match(panes[s].location));
    await Promise.all(sides.map((s) => this.refresh(s)));
  }

  /**
   * Opens a profile where its key can look: the bucket list, or, for a key limited to one bucket
   * (and a name prefix), inside that bucket and prefix (B2 refuses listings outside them).
   */
  async openProfileHome(side: PaneSide, profile: string): Promise<void> {
    const list = b2PaneLocation(profile, null);
    this.store.dispatch({ type: 'app', action: { type: 'pane', side, action: { type: 'listingStarted', requestId: 0, location: list } } });
    let home: PaneLocation = list;
    const stop = new AbortController();
    this.connecting[side]?.abort();
    this.connecting[side] = stop;
    const failed = (message: string): void =>
      this.store.dispatch({ type: 'app', action: { type: 'pane', side, action: { type: 'listingFailed', requestId: 0, message } } });
    try {
      const provider = await untilAborted(this.registry.provider(`b2:${profile}`), stop.signal);
      if (provider.keyInfo) home = locationOfB2Path(profile, b2HomePath(provider.keyInfo));
    } catch (e) {
      // A sign-in that Esc stopped goes on in the background and ends within the network bound.
      if (stop.signal.aborted) {
        failed(STOPPED_TEXT);
        this.stoppedStatus(list);
        return;
      }
      failed(errorText(e));
      this.status(errorText(e));
      return;
    } finally {
      if (this.connecting[side] === stop) delete this.connecting[side];
    }
    await this.open(side, home);
  }
}

/** A pane location for a B2 provider path (`/`, `/bucket`, `/bucket/a/b`), read as a folder with its exact prefix. */
export function locationOfB2Path(profile: string, path: string): PaneLocation {
  const { bucket, key } = splitBucketPath(path);
  if (bucket === null) return b2PaneLocation(profile, null);
  return b2PaneLocation(profile, bucket, folderPrefix(key));
}
