/**
 * The listing loader (ARCHITECTURE.md, "Keypress flow", step 5): a plain object outside React that
 * pages `provider.list` into pane actions on the TUI store, which React reads with
 * `useSyncExternalStore`.
 *
 * - Every load gets a fresh request id; the pane reducer drops pages of any other id, and the
 *   loader aborts the previous request of the same pane, so a slow listing never lands late.
 * - The first page is dispatched at once (a big prefix shows immediately, with "loading N…");
 *   later pages are batched so a 100,000-entry listing costs a few dispatches per second,
 *   not one per page.
 * - `load` never rejects: failures become `listingFailed` with a sentence for the status line.
 * - `cancel` stops a listing the user gave up on (Esc), including one still waiting for its
 *   provider to connect; the pane then shows why it is empty instead of "loading" forever.
 */
import type { Provider } from '../../providers/types.js';
import type { Entry } from '../../state/model/entry.js';
import type { PaneSide } from '../../state/app/app-state.js';
import type { PaneAction } from '../../state/pane/pane-reducer.js';
import { providerPath, type PaneLocation } from '../../state/location/pane-location.js';
import { errorText } from '../../error-text.js';
import type { FindSearch } from '../../state/find/find-criteria.js';
import { foundPages, type FindProgress } from './found-pages.js';
import type { TuiStore } from '../store/tui-store.js';

/**
 * How a load ended. `superseded`: another load of the same pane replaced it; `cancelled`:
 * {@link ListingLoader.cancel} stopped it.
 */
export type LoadOutcome =
  | { kind: 'done'; count: number }
  | { kind: 'failed'; message: string; error: unknown }
  | { kind: 'superseded' }
  | { kind: 'cancelled' };

/** What a pane shows (and the status line says) after Esc stopped its listing. */
export const STOPPED_TEXT = 'Stopped loading (Esc); Ctrl+R tries again.';

export interface ListingLoaderOptions {
  store: TuiStore;
  providerFor(loc: PaneLocation): Promise<Provider>;
  /** Minimum ms between dispatches of later pages (default 200: five per second). */
  flushIntervalMs?: number;
  /** Rows per provider page (default: the provider's). */
  pageSize?: number;
  /** Adds what b2c knows beyond the listing to a page's rows (folder sizes counted this session). */
  decorate?(location: PaneLocation, entries: readonly Entry[]): readonly Entry[];
}

/** A place shown without a listing (see `withhold`). */
export type Withheld = { kind: 'unlisted'; note: string; may: string } | { kind: 'refused'; message: string };

export interface LoadOptions {
  /** Row key to put the cursor on once it arrives (see PaneAction `listingStarted`). */
  focusKey?: string | null;
  /** The focus row is an entry just made or renamed: a filter hiding it is cleared. */
  reveal?: boolean;
  /**
   * List the files under the location that match this search instead of the folder itself (see
   * PaneState `found`); Esc keeps what was found so far. `progress` hears how far it got.
   */
  find?: { search: FindSearch; progress(p: FindProgress): void };
}

interface Running {
  id: number;
  abort: AbortController;
  /** Stopped by `cancel`, not by a newer load. */
  cancelled: boolean;
}

/** Resolves with `p`, or rejects as soon as `signal` fires (`p` may go on; its result is dropped). */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class ListingLoader {
  private nextId = 1;
  private readonly running: Partial<Record<PaneSide, Running>> = {};
  private readonly interval: number;

  constructor(private readonly options: ListingLoaderOptions) {
    this.interval = options.flushIntervalMs ?? 200;
  }

  /**
   * Lists `location` into pane `side`, replacing whatever that pane was loading.
   * Resolves when the listing is complete, failed or superseded; never rejects.
   */
  async load(side: PaneSide, location: PaneLocation, options: LoadOptions = {}): Promise<LoadOutcome> {
    this.running[side]?.abort.abort();
    const run: Running = { id: this.nextId++, abort: new AbortController(), cancelled: false };
    this.running[side] = run;
    const { store } = this.options;
    const pane = (action: PaneAction): void => store.dispatch({ type: 'app', action: { type: 'pane', side, action } });
    pane({
      type: 'listingStarted',
      requestId: run.id,
      location,
      focusKey: options.focusKey ?? null,
      reveal: options.reveal,
      found: options.find?.search,
    });
    let buffer: Entry[] = [];
    let count = 0;
    let lastFlush = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      lastFlush = Date.now();
      if (buffer.length === 0 || run.abort.signal.aborted) return;
      const entries = buffer;
      buffer = [];
      pane({ type: 'listingPage', requestId: run.id, entries });
    };
    const stopped = (): LoadOutcome => {
      if (!run.cancelled) return { kind: 'superseded' };
      if (options.find !== undefined) {
        // A stopped search keeps what it found.
        if (buffer.length > 0) pane({ type: 'listingPage', requestId: run.id, entries: buffer });
        pane({ type: 'listingDone', requestId: run.id });
        return { kind: 'cancelled' };
      }
      pane({ type: 'listingFailed', requestId: run.id, message: STOPPED_TEXT });
      return { kind: 'cancelled' };
    };
    try {
      // Connecting (signing in) may be what hangs: Esc must not wait for it.
      const provider = await untilAborted(this.options.providerFor(location), run.abort.signal);
      const showHidden = store.getSnapshot().app.panes[side].showHidden;
      const signal = run.abort.signal;
      const pages =
        options.find === undefined
          ? provider.list(providerPath(location), { signal, showHidden, pageSize: this.options.pageSize })
          : foundPages(provider, providerPath(location), options.find.search, signal, (p) => options.find?.progress(p));
      const iterator = pages[Symbol.asyncIterator]();
      let first = true;
      try {
        for (let result = await iterator.next(); result.done !== true; first = false) {
          if (run.abort.signal.aborted) return stopped();
          buffer.push(...(this.options.decorate?.(location, result.value) ?? result.value));
          count += result.value.length;
          const next = iterator.next();
          // A keypress runs between two pages, always (a local listing can yield them as fast as
          // microtasks run). The first page is shown after that turn — with its end, in one frame
          // instead of two, when the listing ended meanwhile (a small folder).
          let ended = false;
          next.then(
            (r) => (ended = r.done === true),
            () => (ended = true),
          );
          await nextTurn();
          if (first && !ended) flush();
          else if (!first && timer === null)
            timer = setTimeout(flush, Math.max(0, lastFlush + this.interval - Date.now()));
          result = await next;
        }
      } finally {
        // As `for await` does when left early (superseded, failed): the provider closes its listing.
        void iterator.return?.()?.catch(() => undefined);
      }
      if (run.abort.signal.aborted) return stopped();
      flush();
      pane({ type: 'listingDone', requestId: run.id });
      return { kind: 'done', count };
    } catch (error) {
      if (timer !== null) clearTimeout(timer);
      if (run.abort.signal.aborted) return stopped();
      const message = errorText(error);
      pane({ type: 'listingFailed', requestId: run.id, message });
      return { kind: 'failed', message, error };
    } finally {
      if (timer !== null) clearTimeout(timer);
      if (this.running[side] === run) delete this.running[side];
    }
  }

  /**
   * Stops pane `side`'s listing in flight (Esc): its `load` resolves `cancelled` and the pane
   * shows {@link STOPPED_TEXT}. Returns false when nothing was loading there.
   */
  cancel(side: PaneSide): boolean {
    const run = this.running[side];
    if (run === undefined) return false;
    run.cancelled = true;
    run.abort.abort();
    return true;
  }

  /**
   * Puts pane `side` at `location` without asking the provider anything: `unlisted` (its key may
   * write there but not list: no rows, `note` instead) or `refused` (why it cannot be shown).
   * Replaces whatever that pane was loading.
   */
  withhold(side: PaneSide, location: PaneLocation, outcome: Withheld): void {
    this.running[side]?.abort.abort();
    delete this.running[side];
    const requestId = this.nextId++;
    const pane = (action: PaneAction): void =>
      this.options.store.dispatch({ type: 'app', action: { type: 'pane', side, action } });
    pane({ type: 'listingStarted', requestId, location });
    if (outcome.kind === 'unlisted') pane({ type: 'listingWithheld', requestId, note: outcome.note, may: outcome.may });
    else pane({ type: 'listingFailed', requestId, message: outcome.message });
  }

  /** True while pane `side` has a listing in flight. */
  isLoading(side: PaneSide): boolean {
    return this.running[side] !== undefined;
  }

  /** Aborts every listing in flight (on quit). */
  dispose(): void {
    for (const side of ['left', 'right'] as const) this.running[side]?.abort.abort();
  }
}

/** Resolves after the I/O and keypresses already waiting have had their turn of the event loop. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
