/**
 * Moving panes between locations: open, go up, refresh, and a profile's home. Wraps the listing
 * loader with what a user expects of a file manager: the permission rules are asked before any
 * listing (a place the key may write to but not list is shown without rows; one it may not use
 * at all is never asked for), a folder that cannot be listed leaves the pane where it was (with
 * the reason in the status line), going up puts the cursor back on the folder we came from, a
 * refresh keeps the cursor on its row, and Esc stops a listing (or a sign-in) that is taking too
 * long, with the pane back where it was.
 */
import { b2HomePath } from '../../providers/b2/home.js';
import { folderPrefix, splitBucketPath } from '../../providers/paths.js';
import type { PaneSide } from '../../state/app/app-state.js';
import {
  b2PaneLocation,
  formatLocation,
  parentLocation,
  sameLocation,
  type PaneLocation,
} from '../../state/location/pane-location.js';
import { rowKeyAt } from '../../state/pane/pane-state.js';
import { STOPPED_TEXT, untilAborted, type ListingLoader } from './listing-loader.js';
import { placeAccess, type PlaceAccess } from '../../state/permissions/place-access.js';
import { folderLocation } from '../../state/location/pane-rule-location.js';
import { errorText } from '../../error-text.js';
import type { FindSearch } from '../../state/find/find-criteria.js';
import type { FindProgress } from './found-pages.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';

export class Navigator {
  /** Sign-ins of `openProfileHome` in flight, per pane, so that Esc can stop waiting for them. */
  private readonly connecting: Partial<Record<PaneSide, AbortController>> = {};

  constructor(
    private readonly store: TuiStore,
    private readonly loader: ListingLoader,
    private readonly registry: ProviderRegistry,
    /** The clock, ms since the epoch (key expiry). */
    private readonly now: () => number = Date.now,
  ) {}

  private status(text: string, tone: 'info' | 'warning' | 'error' = 'error'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }

  /**
   * What the permission rules allow at `location` with its profile's key: list it, stand there
   * without rows, or not go there. Nothing else is asked of B2. Answered at once when the key is
   * known (so keys typed ahead act on the new place), else after connecting.
   */
  private access(location: PaneLocation): PlaceAccess | Promise<PlaceAccess> {
    if (location.kind === 'local') return { kind: 'list' };
    if (this.registry.connected(location.profile) !== null)
      return placeAccess(folderLocation(location), this.registry.keyInfoFor(location), this.now());
    return this.registry.providerFor(location).then(
      () => placeAccess(folderLocation(location), this.registry.keyInfoFor(location), this.now()),
      (e: unknown): PlaceAccess => ({ kind: 'refused', reason: errorText(e) }),
    );
  }

  /**
   * Shows `location` in pane `side` as the rules allow: a listing, or the place without rows (a
   * key that may write but not list), or — when `keepIfRefused` — nothing changes if it may not go
   * there. Returns the failure (or Esc's stop) message, or null.
   */
  private async show(
    side: PaneSide,
    location: PaneLocation,
    focusKey: string | null,
    keepIfRefused: boolean,
    reveal = false,
  ): Promise<{ message: string; listed: boolean; stopped: boolean } | null> {
    const answer = this.access(location);
    const access = answer instanceof Promise ? await answer : answer;
    switch (access.kind) {
      case 'list': {
        const outcome = await this.loader.load(side, location, { focusKey, reveal });
        if (outcome.kind === 'failed') return { message: outcome.message, listed: true, stopped: false };
        if (outcome.kind === 'cancelled') return { message: this.stoppedText(location), listed: true, stopped: true };
        return null;
      }
      case 'unlisted':
        this.loader.withhold(side, location, access);
        return null;
      case 'refused':
        if (!keepIfRefused) this.loader.withhold(side, location, { kind: 'refused', message: access.reason });
        return { message: access.reason, listed: false, stopped: false };
      default: {
        const never: never = access;
        return never;
      }
    }
  }

  /**
   * Shows `location` in pane `side`. A place the key may write to but not list is shown without
   * rows (nothing is requested). When it may not be shown and the pane was showing somewhere else
   * fine, the pane stays or goes back there (cursor on `returnKey`) and the status line says why.
   */
  async open(side: PaneSide, location: PaneLocation, focusKey: string | null = null): Promise<void> {
    const before = this.store.getSnapshot().app.panes[side];
    const wasFine =
      (before.load.stage === 'loaded' || before.load.stage === 'unlisted') && !sameLocation(before.location, location);
    const returnKey = rowKeyAt(before, before.cursor);
    const failed = await this.show(side, location, focusKey, wasFine);
    if (failed === null) return;
    if (wasFine && failed.listed) await this.show(side, before.location, returnKey, false);
    this.status(failed.message, failed.stopped ? 'warning' : 'error');
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

  private stoppedText(location: PaneLocation): string {
    return `Stopped loading ${formatLocation(location)}: Ctrl+R tries again.`;
  }

  private stoppedStatus(location: PaneLocation): void {
    this.status(this.stoppedText(location), 'warning');
  }

  /**
   * Searches the folder pane `side` shows and lists the matching files there instead of the
   * folder (PaneState `found`), with the progress in the status line; Esc stops the search and
   * keeps what it found. Asks the permission rules first, like any listing.
   */
  async find(side: PaneSide, search: FindSearch, focusKey: string | null = null): Promise<void> {
    const location = this.store.getSnapshot().app.panes[side].location;
    const answer = this.access(location);
    const access = answer instanceof Promise ? await answer : answer;
    if (access.kind !== 'list')
      return this.status(
        access.kind === 'refused' ? access.reason : 'This key may not list here, so it cannot search.',
      );
    const where = formatLocation(location);
    let last = 0;
    const progress = (p: FindProgress): void => {
      if (this.now() - last < 200) return;
      last = this.now();
      this.status(`Searching ${where}: ${foundText(p.found)} in ${p.scanned} names so far… (Esc stops)`, 'info');
    };
    const outcome = await this.loader.load(side, location, { focusKey, find: { search, progress } });
    const count = this.store.getSnapshot().app.panes[side].entries.length;
    switch (outcome.kind) {
      case 'done':
        return this.status(`${capitalised(foundText(count))} under ${where}; Esc goes back to the folder.`, 'info');
      case 'cancelled':
        return this.status(`Search stopped: ${foundText(count)} so far; Esc goes back to the folder.`, 'warning');
      case 'failed':
        return this.status(outcome.message);
      case 'superseded':
        return;
      default: {
        const never: never = outcome;
        return never;
      }
    }
  }

  /** Leaves the search results of pane `side` for the folder that was searched. */
  async leaveFound(side: PaneSide): Promise<void> {
    await this.open(side, this.store.getSnapshot().app.panes[side].location);
  }

  /** Goes to the parent of pane `side`'s location, cursor on the folder we left (from search results: to the folder searched). */
  async parent(side: PaneSide): Promise<void> {
    if (this.store.getSnapshot().app.panes[side].found !== null) return this.leaveFound(side);
    const up = parentLocation(this.store.getSnapshot().app.panes[side].location);
    if (up === null) return;
    await this.open(side, up.location, up.fromKey);
  }

  /**
   * Lists pane `side`'s location again (as the rules allow), keeping the cursor on its row — or
   * putting it on row `focusKey`, an entry an operation just made or renamed (shown even if the
   * filter would hide it).
   */
  async refresh(side: PaneSide, focusKey?: string): Promise<void> {
    const pane = this.store.getSnapshot().app.panes[side];
    // Search results are refreshed by searching again (after a delete, the file is gone from them).
    if (pane.found !== null) return this.find(side, pane.found, focusKey ?? rowKeyAt(pane, pane.cursor));
    await this.show(side, pane.location, focusKey ?? rowKeyAt(pane, pane.cursor), false, focusKey !== undefined);
  }

  /**
   * Refreshes every pane showing `location` (after an operation changed it); `focus(side)` may
   * name the row a pane's cursor goes to instead of the one it is on.
   */
  async refreshWhere(
    match: (loc: PaneLocation) => boolean,
    focus: (side: PaneSide) => string | undefined = () => undefined,
  ): Promise<void> {
    const panes = this.store.getSnapshot().app.panes;
    const sides = (['left', 'right'] as const).filter((s) => match(panes[s].location));
    await Promise.all(sides.map((s) => this.refresh(s, focus(s))));
  }

  /**
   * Opens a profile where its key can look: the bucket list, or, for a key limited to one bucket
   * (and a name prefix), inside that bucket and prefix (B2 refuses listings outside them).
   */
  async openProfileHome(side: PaneSide, profile: string): Promise<void> {
    const list = b2PaneLocation(profile, null);
    this.store.dispatch({
      type: 'app',
      action: { type: 'pane', side, action: { type: 'listingStarted', requestId: 0, location: list } },
    });
    let home: PaneLocation = list;
    const stop = new AbortController();
    this.connecting[side]?.abort();
    this.connecting[side] = stop;
    const failed = (message: string): void =>
      this.store.dispatch({
        type: 'app',
        action: { type: 'pane', side, action: { type: 'listingFailed', requestId: 0, message } },
      });
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

function foundText(n: number): string {
  return n === 1 ? '1 file found' : `${n} files found`;
}

function capitalised(s: string): string {
  return `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;
}
