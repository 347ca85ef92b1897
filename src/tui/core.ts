/**
 * The TUI core wired together, without React or Ink: the store, the listing loader and the
 * navigator, the transfer engine (with the permission checker that connects profiles first),
 * the saved-queue offer, the operations and the keyboard controller. src/ui/run-tui.tsx renders
 * it on a terminal; tests render it with ink-testing-library or drive the controller alone.
 */
import { createAppState, type PaneSide, type StatusMessage } from '../state/app/app-state.js';
import type { Keymap } from '../state/keyboard/keymap.js';
import type { PaneLocation } from '../state/location/pane-location.js';
import { createTransferEngine, engineChecker, type TransferEngine } from '../transfers/index.js';
import type { AccountsContext } from './accounts/account-screens.js';
import { TuiController } from './controller.js';
import { DirectOperations } from './operations/direct-operations.js';
import { SyncPlanner } from './operations/sync-planner.js';
import { FolderSizer } from './operations/folder-sizer.js';
import { connectingChecker, QueueResume } from './operations/queue-resume.js';
import { TransferOperations } from './operations/transfer-operations.js';
import { ListingLoader } from './panes/listing-loader.js';
import { Navigator } from './panes/navigator.js';
import type { ProviderRegistry } from './providers/provider-registry.js';
import { createTuiStore, type TuiStore } from './store/tui-store.js';

/** Everything the TUI starts from. */
export interface TuiCoreOptions {
  registry: ProviderRegistry;
  left: PaneLocation;
  right: PaneLocation;
  /** Which pane has the keyboard at start (default left). */
  active?: PaneSide;
  keymap: Keymap;
  /** Engine settings default to the engine's own. */
  settings: { confirmDelete: boolean; concurrency?: number; partConcurrency?: number; partSize?: number };
  /** Local places the location picker offers. */
  places: { cwd: string; home: string };
  /** A message for the status line at start (e.g. rejected key overrides). */
  status?: StatusMessage;
  /** The config (profiles screen, wizard) and the wizard's credential check. */
  accounts: AccountsContext;
  /** Start in the account wizard (there is no profile yet). */
  openWizard?: boolean;
  /**
   * Where the transfer queue is saved as it changes (config dir, `queue.json`), so work left by a
   * crash or a quit is offered at the next start; absent or null: nothing is saved (`--demo`).
   */
  queueFile?: string | null;
  /** The transfer history file (config dir, `history.json`); absent or null: this session only (`--demo`). */
  historyFile?: string | null;
  /** The clock, ms since the epoch (default Date.now). */
  now?: () => number;
  /** How often the listing loader and the queue publish, and how soon the queue is saved (ms; tests make them short). */
  timing?: { listingFlushMs?: number; queuePublishMs?: number; queueSaveDelayMs?: number };
}

export interface TuiCore {
  store: TuiStore;
  registry: ProviderRegistry;
  keymap: Keymap;
  controller: TuiController;
  navigator: Navigator;
  engine: TransferEngine;
  /** Resolves once the user quits (after confirming when transfers run), or `quit` is called. */
  quitting: Promise<void>;
  /** Ends the TUI as a quit does (signals). */
  quit(): void;
  /**
   * Opens both panes (a profile at its home), `listHeight` rows tall when known (the first frame
   * then shows them loading at their size), and offers the queue the last session left.
   */
  start(listHeight?: number): void;
  /** Stops everything: listings, transfers (kept in the queue file), connections. */
  close(): Promise<void>;
}

/** Builds the core; nothing is listed or connected until `start`. */
export function createTuiCore(o: TuiCoreOptions): TuiCore {
  const { registry, keymap } = o;
  const now = o.now ?? Date.now;
  const store = createTuiStore({
    ...createAppState(o.left, o.right),
    active: o.active ?? 'left',
    status: o.status ?? null,
  });
  const sizer = new FolderSizer(store, registry, now);
  const loader = new ListingLoader({
    store,
    providerFor: (loc) => registry.providerFor(loc),
    flushIntervalMs: o.timing?.listingFlushMs,
    decorate: (loc, entries) => sizer.decorate(loc, entries),
  });
  const navigator = new Navigator(store, loader, registry);
  const queueFile = o.queueFile ?? null;
  const engine = createTransferEngine({
    providers: (ref) => registry.provider(ref),
    concurrency: o.settings.concurrency,
    partConcurrency: o.settings.partConcurrency,
    partSize: o.settings.partSize,
    checkPermission: connectingChecker(
      registry,
      engineChecker(
        (ref) => registry.keyInfoForRef(ref),
        now,
        undefined,
        (ref, bucket) => registry.bucketTypeOfRef(ref, bucket),
      ),
    ),
    publishIntervalMs: o.timing?.queuePublishMs,
    queueFile: queueFile ?? undefined,
    historyFile: o.historyFile ?? undefined,
    onHistoryError: (e) => {
      const text = `Cannot save the transfer history (${e instanceof Error ? e.message : String(e)}).`;
      store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone: 'warning' } });
    },
    // Sooner than the engine's 1 s default: work queued just before a crash is kept too, and a
    // write is one small JSON file (progress alone does not trigger one).
    queueSaveDelayMs: o.timing?.queueSaveDelayMs ?? 250,
    onQueueFileError: (e) => {
      const text = `Cannot save the transfer queue (${e instanceof Error ? e.message : String(e)}); a crash now would lose it.`;
      store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone: 'warning' } });
    },
  });
  const resume = new QueueResume(store, engine, queueFile);
  const transfers = new TransferOperations(store, registry, navigator, engine);
  const direct = new DirectOperations(store, registry, navigator);
  const sync = new SyncPlanner(store, registry, now);
  let quit: () => void = () => undefined;
  const quitting = new Promise<void>((resolve) => {
    quit = resolve;
  });
  const controller = new TuiController({
    store,
    keymap,
    registry,
    navigator,
    direct,
    transfers,
    sync,
    sizer,
    settings: o.settings,
    accounts: o.accounts,
    places: o.places,
    now,
    resume,
    exit: () => quit(),
  });
  if (o.openWizard === true) store.dispatch({ type: 'app', action: { type: 'openWizard' } });
  return {
    store,
    registry,
    keymap,
    controller,
    navigator,
    engine,
    quitting,
    quit: () => quit(),
    start(listHeight) {
      for (const side of ['left', 'right'] as const) {
        if (listHeight !== undefined)
          store.dispatch({
            type: 'app',
            action: { type: 'pane', side, action: { type: 'viewportResized', height: listHeight } },
          });
        const loc = side === 'left' ? o.left : o.right;
        if (loc.kind === 'b2' && loc.bucket === null) void navigator.openProfileHome(side, loc.profile);
        else void navigator.open(side, loc);
      }
      void resume.offer();
    },
    async close() {
      controller.dispose();
      sync.cancel();
      loader.dispose();
      transfers.dispose();
      await engine.close();
      await registry.close();
    },
  };
}
