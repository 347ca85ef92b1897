/**
 * The TUI's core without Ink, for the permission oracle: the real store, controller, navigator,
 * listing loader, direct operations, transfer operations and transfer engine (with the same
 * permission checker src/tui/core.ts wires), over one already-connected B2 provider. Key presses go
 * through the controller exactly as the keyboard's do; the test only watches: every promise the
 * navigator and the direct operations start is tracked, so `settle()` knows when a command's
 * effects are over.
 */
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import type { Entry, Provider } from '../../src/providers/types.js';
import { createAppState, type PaneSide } from '../../src/state/app/app-state.js';
import type { CommandId } from '../../src/state/keyboard/commands.js';
import { DEFAULT_KEYMAP } from '../../src/state/keyboard/keymap.js';
import type { PaneLocation } from '../../src/state/location/pane-location.js';
import { createTransferEngine, engineChecker, type TransferEngine } from '../../src/transfers/index.js';
import { paneDecisions, paneKeyOf } from '../../src/tui/commands/command-permissions.js';
import { TuiController } from '../../src/tui/controller.js';
import { EDIT_MARK } from './oracle-actions-view.js';
import { DirectOperations } from '../../src/tui/operations/direct-operations.js';
import { Navigator } from '../../src/tui/panes/navigator.js';
import { FolderSizer } from '../../src/tui/operations/folder-sizer.js';
import { connectingChecker } from '../../src/tui/operations/queue-resume.js';
import { ProviderRegistry } from '../../src/tui/providers/provider-registry.js';
import { SyncPlanner } from '../../src/tui/operations/sync-planner.js';
import { TransferOperations, type TransferQueue } from '../../src/tui/operations/transfer-operations.js';
import { createTuiStore, type TuiStore } from '../../src/tui/store/tui-store.js';
import { ListingLoader } from '../../src/tui/panes/listing-loader.js';
import type { PermissionDecision } from '../../src/state/permissions/permissions.js';

/** The profile name the headless TUI gives its one B2 key. */
export const PROFILE = 'oracle';

/** Remembers the promises handed to it until they settle. */
class Pending {
  private readonly all = new Set<Promise<unknown>>();

  track<T>(p: Promise<T>): Promise<T> {
    this.all.add(p);
    void p.finally(() => this.all.delete(p)).catch(() => undefined);
    return p;
  }

  async drain(): Promise<void> {
    while (this.all.size > 0) await Promise.allSettled([...this.all]);
  }
}

class TrackedNavigator extends Navigator {
  constructor(
    private readonly pending: Pending,
    ...args: ConstructorParameters<typeof Navigator>
  ) {
    super(...args);
  }

  override open(side: PaneSide, location: PaneLocation, focusKey: string | null = null): Promise<void> {
    return this.pending.track(super.open(side, location, focusKey));
  }

  override refresh(side: PaneSide): Promise<void> {
    return this.pending.track(super.refresh(side));
  }
}

class TrackedDirect extends DirectOperations {
  constructor(
    private readonly pending: Pending,
    ...args: ConstructorParameters<typeof DirectOperations>
  ) {
    super(...args);
  }

  override mkdir(...a: Parameters<DirectOperations['mkdir']>): Promise<void> {
    return this.pending.track(super.mkdir(...a));
  }

  override unhide(...a: Parameters<DirectOperations['unhide']>): Promise<void> {
    return this.pending.track(super.unhide(...a));
  }

  override shareLink(...a: Parameters<DirectOperations['shareLink']>): Promise<void> {
    return this.pending.track(super.shareLink(...a));
  }

  override loadVersions(...a: Parameters<DirectOperations['loadVersions']>): Promise<void> {
    return this.pending.track(super.loadVersions(...a));
  }

  override createBucket(...a: Parameters<DirectOperations['createBucket']>): Promise<void> {
    return this.pending.track(super.createBucket(...a));
  }

  override deleteBucket(...a: Parameters<DirectOperations['deleteBucket']>): Promise<void> {
    return this.pending.track(super.deleteBucket(...a));
  }

  override setBucketType(...a: Parameters<DirectOperations['setBucketType']>): Promise<void> {
    return this.pending.track(super.setBucketType(...a));
  }
}

export interface HeadlessTui {
  store: TuiStore;
  controller: TuiController;
  navigator: Navigator;
  engine: TransferEngine;
  /** Runs a command as its key would (in the current mode). */
  run(cmd: CommandId): void;
  /** Types text (or raw keys) into whatever has the keyboard. */
  type(raw: string): void;
  /**
   * Puts pane `side` at `location` showing exactly `rows` (as a finished listing would), the
   * cursor on the row named `cursorOn`; `showHidden` shows B2 names behind a hide marker.
   */
  place(side: PaneSide, location: PaneLocation, rows: readonly Entry[], cursorOn?: string, showHidden?: boolean): void;
  /** Makes `side` the active pane. */
  activate(side: PaneSide): void;
  /** Closes any dialog and clears the status line. */
  reset(): void;
  /** The function-key bar's decisions for the active pane (as TuiApp computes them). */
  bar(): Map<CommandId, PermissionDecision>;
  /** Waits until every navigation, direct operation and queued transfer started so far is over. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A headless TUI whose only B2 profile is `provider` (already connected), or `failure` when the key
 * cannot sign in. The left pane starts on `localDir`, the right one on the bucket list.
 */
export async function headlessTui(
  provider: B2Provider | null,
  failure: Error | null,
  localDir: string,
): Promise<HeadlessTui> {
  const pending = new Pending();
  const local: Provider = createLocalProvider();
  const registry = new ProviderRegistry(local, [
    {
      name: PROFILE,
      label: PROFILE,
      source: 'profile',
      endpoint: () => null,
      connect: () => (provider !== null ? Promise.resolve(provider) : Promise.reject(failure ?? new Error('no key'))),
    },
  ]);
  await registry.provider(`b2:${PROFILE}`).catch(() => undefined);
  const left: PaneLocation = { kind: 'local', path: localDir };
  const right: PaneLocation = { kind: 'b2', profile: PROFILE, bucket: null, prefix: '' };
  const store = createTuiStore({ ...createAppState(left, right), active: 'right' });
  const loader = new ListingLoader({ store, providerFor: (loc) => registry.providerFor(loc), flushIntervalMs: 0 });
  const navigator = new TrackedNavigator(pending, store, loader, registry);
  const engine = createTransferEngine({
    providers: (ref) => registry.provider(ref),
    checkPermission: connectingChecker(
      registry,
      engineChecker(
        (ref) => registry.keyInfoForRef(ref),
        Date.now,
        undefined,
        (ref, bucket) => registry.bucketTypeOfRef(ref, bucket),
      ),
    ),
    publishIntervalMs: 5,
  });
  // The queue as TransferOperations sees it, with every submitted group tracked until it finishes.
  const queue: TransferQueue = {
    submit: (request) => {
      const id = engine.submit(request);
      void pending.track(
        new Promise<void>((resolve) => {
          const off = engine.on('group-finished', (g) => {
            if (g.id !== id) return;
            off();
            resolve();
          });
        }),
      );
      return id;
    },
    on: (event, listener) => engine.on(event, listener),
    store: engine.store,
    totals: engine.totals,
    answer: (...a) => engine.answer(...a),
    cancel: (...a) => engine.cancel(...a),
    pause: (...a) => engine.pause(...a),
    resume: (...a) => engine.resume(...a),
    retry: (...a) => engine.retry(...a),
    clearFinished: (...a) => engine.clearFinished(...a),
    close: () => engine.close(),
    history: engine.history,
  };
  const transfers = new TransferOperations(store, registry, navigator, queue);
  const direct = new TrackedDirect(pending, store, registry, navigator);
  const controller = new TuiController({
    store,
    keymap: DEFAULT_KEYMAP,
    registry,
    navigator,
    direct,
    transfers,
    sync: new SyncPlanner(store, registry, Date.now),
    sizer: new FolderSizer(store, registry),
    settings: { confirmDelete: true },
    accounts: { config: null, verify: () => Promise.reject(new Error('the oracle adds no accounts')) },
    places: { cwd: localDir, home: localDir },
    now: Date.now,
    exit: () => undefined,
    // F4's editor: a command that appends to the file, run where a terminal would be lent.
    terminal: { handOver: (work) => work(), suspend: () => Promise.resolve(true), writeRaw: () => undefined },
    env: { ...process.env, VISUAL: '', EDITOR: `printf '%s' '${EDIT_MARK}' >>` },
  });
  let requestId = 1_000_000;
  return {
    store,
    controller,
    navigator,
    engine,
    run: (cmd) => controller.run(cmd),
    type: (raw) => controller.handleInput(raw),
    place(side, location, rows, cursorOn, showHidden = false) {
      const id = requestId++;
      const pane = (action: Parameters<TuiStore['dispatch']>[0] & { type: 'app' }): void => store.dispatch(action);
      pane({
        type: 'app',
        action: { type: 'pane', side, action: { type: 'listingStarted', requestId: id, location } },
      });
      if (store.getSnapshot().app.panes[side].showHidden !== showHidden)
        pane({ type: 'app', action: { type: 'pane', side, action: { type: 'toggleHidden' } } });
      if (rows.length > 0)
        pane({
          type: 'app',
          action: { type: 'pane', side, action: { type: 'listingPage', requestId: id, entries: rows } },
        });
      pane({ type: 'app', action: { type: 'pane', side, action: { type: 'listingDone', requestId: id } } });
      const p = store.getSnapshot().app.panes[side];
      const index = cursorOn === undefined ? -1 : p.view.findIndex((e) => e.name === cursorOn);
      if (index >= 0)
        pane({
          type: 'app',
          action: {
            type: 'pane',
            side,
            action: { type: 'setCursor', index: index + (p.parentRow ? 1 : 0), height: 20 },
          },
        });
    },
    activate(side) {
      store.dispatch({ type: 'app', action: { type: 'setActivePane', side } });
    },
    reset() {
      if (controller.viewer.getSnapshot() !== null) controller.viewer.close();
      if (store.getSnapshot().dialog !== null) store.dispatch({ type: 'closeDialog' });
      store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
    },
    bar() {
      const app = store.getSnapshot().app;
      const other: PaneSide = app.active === 'left' ? 'right' : 'left';
      const connections = registry.getSnapshot();
      const key = (side: PaneSide) =>
        paneKeyOf(app.panes[side].location, connections, registry.bucketTypeOf(app.panes[side].location));
      return paneDecisions(key(app.active), key(other), Date.now());
    },
    async settle() {
      // Every navigation, direct operation and submitted group is tracked, and a finished group
      // tracks the refreshes it starts before its own promise settles.
      await pending.drain();
    },
    async close() {
      controller.dispose();
      loader.dispose();
      transfers.dispose();
      await engine.close();
    },
  };
}
