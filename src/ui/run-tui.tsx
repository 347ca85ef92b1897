/**
 * Starts the TUI on a terminal and resolves with the exit code once the user quits.
 *
 * Terminal facts it follows (DESIGN.md): refuse when stdin/stdout are not terminals; alternate
 * screen entered before the first frame and left on every exit path (terminal-session.ts);
 * `exitOnCtrlC: false` (Ctrl+C is a key the keymap binds), `patchConsole: false`, `maxFps` 30,
 * `incrementalRendering` off (it leaves ghost lines in 6.8); the root is `rows − 1` tall
 * (TuiApp); resize re-renders through StdoutTerminalSize.
 */
import { render } from 'ink';
import { createAppState, type StatusMessage } from '../state/app/app-state.js';
import type { Keymap } from '../state/keyboard/keymap.js';
import type { PaneLocation } from '../state/location/pane-location.js';
import { createTransferEngine, engineChecker } from '../transfers/index.js';
import { TuiController } from '../tui/controller.js';
import { DirectOperations } from '../tui/operations/direct-operations.js';
import { Navigator } from '../tui/panes/navigator.js';
import { connectingChecker, QueueResume } from '../tui/operations/queue-resume.js';
import type { AccountsContext } from './app/AccountScreens.js';
import type { ProviderRegistry } from '../tui/providers/provider-registry.js';
import { TransferOperations } from '../tui/operations/transfer-operations.js';
import { TuiApp } from './app/TuiApp.js';
import { createTuiStore } from '../tui/store/tui-store.js';
import { ListingLoader } from '../tui/panes/listing-loader.js';
import { sanitizeForTerminal } from '../state/text/sanitize.js';
import { enterTerminalSession, tuiRefusal } from './terminal-session.js';
import { StdoutTerminalSize } from './terminal-size.js';
import { ThemeProvider } from './theme-context.js';
import type { Theme } from './theme.js';

/** Everything the TUI starts from. */
export interface TuiSetup {
  registry: ProviderRegistry;
  left: PaneLocation;
  right: PaneLocation;
  /** Which pane has the keyboard at start. */
  active?: 'left' | 'right';
  keymap: Keymap;
  theme: Theme;
  settings: { confirmDelete: boolean; concurrency: number; partConcurrency: number; partSize: number };
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
}

/** The terminal streams (process.stdin/stdout by default). */
export interface TuiIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const SIGNAL_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGTERM: 143, SIGHUP: 129 };

/**
 * Longest the shutdown after SIGTERM/SIGHUP may take (stopping transfers, saving the queue)
 * before the process exits anyway; a second signal exits at once.
 */
const SIGNAL_SHUTDOWN_MS = 10_000;

/** After SIGHUP the terminal is gone: its streams fail (EIO, EPIPE), which must not stop the shutdown. */
function ignoreTerminalErrors(io: TuiIo): void {
  for (const stream of [io.stdin, io.stdout, io.stderr]) stream.on('error', () => undefined);
}

/**
 * Runs the TUI until the user quits. Returns 0 after a normal quit, 1 when the terminal is not
 * interactive (the refusal is written to stderr). SIGTERM and SIGHUP (the SSH connection
 * dropping) shut down like a quit — running transfers are stopped and kept in the queue file
 * for the next start, their temporary files removed — then the screen is restored and the
 * result is 128 + the signal number (within {@link SIGNAL_SHUTDOWN_MS}; a second signal exits at once).
 */
export async function runTui(setup: TuiSetup, io: TuiIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const refusal = tuiRefusal(io.stdin, io.stdout);
  if (refusal !== null) {
    io.stderr.write(refusal);
    return 1;
  }
  const { registry, keymap } = setup;
  const initial = createAppState(setup.left, setup.right);
  const store = createTuiStore({ ...initial, active: setup.active ?? 'left', status: setup.status ?? null });
  const loader = new ListingLoader({ store, providerFor: (loc) => registry.providerFor(loc) });
  const navigator = new Navigator(store, loader, registry);
  const engine = createTransferEngine({
    providers: (ref) => registry.provider(ref),
    concurrency: setup.settings.concurrency,
    partConcurrency: setup.settings.partConcurrency,
    partSize: setup.settings.partSize,
    checkPermission: connectingChecker(registry, engineChecker((ref) => registry.keyInfoForRef(ref), Date.now, undefined, (ref, bucket) => registry.bucketTypeOfRef(ref, bucket))),
    queueFile: setup.queueFile ?? undefined,
    // Sooner than the engine's 1 s default: work queued just before a crash is kept too, and a
    // write is one small JSON file (progress alone does not trigger one).
    queueSaveDelayMs: 250,
    onQueueFileError: (e) => {
      const text = `Cannot save the transfer queue (${e instanceof Error ? e.message : String(e)}); a crash now would lose it.`;
      store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone: 'warning' } });
    },
  });
  const resume = new QueueResume(store, engine, setup.queueFile ?? null);
  const transfers = new TransferOperations(store, registry, navigator, engine);
  const direct = new DirectOperations(store, registry, navigator);
  let quit: () => void = () => undefined;
  const quitting = new Promise<void>((resolve) => {
    quit = resolve;
  });
  const controller = new TuiController({ store, keymap, registry, navigator, direct, transfers, settings: setup.settings, config: setup.accounts.config, places: setup.places, now: Date.now, resume, exit: () => quit() });
  if (setup.openWizard === true) store.dispatch({ type: 'app', action: { type: 'openWizard' } });

  let code = 0;
  let signalled = false;
  const session = enterTerminalSession(io.stdout, (signal) => {
    const signalCode = SIGNAL_CODES[signal] ?? 1;
    if (signalled) {
      session.restore();
      process.exit(signalCode);
    }
    signalled = true;
    code = signalCode;
    if (signal === 'SIGHUP') ignoreTerminalErrors(io);
    setTimeout(() => {
      session.restore();
      process.exit(signalCode);
    }, SIGNAL_SHUTDOWN_MS).unref();
    quit();
  });
  try {
    const instance = render(
      <ThemeProvider theme={setup.theme}>
        <StdoutTerminalSize stdout={io.stdout}>
          <TuiApp store={store} controller={controller} registry={registry} queue={engine} keymap={keymap} accounts={setup.accounts} />
        </StdoutTerminalSize>
      </ThemeProvider>,
      { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 30, incrementalRendering: false },
    );
    for (const side of ['left', 'right'] as const) {
      const loc = side === 'left' ? setup.left : setup.right;
      if (loc.kind === 'b2' && loc.bucket === null) void navigator.openProfileHome(side, loc.profile);
      else void navigator.open(side, loc);
    }
    void resume.offer();
    // Ink ends the app on a render error: that is a crash, not a quit.
    await Promise.race([quitting, instance.waitUntilExit().then(() => Promise.reject(new Error('the screen stopped unexpectedly')))]);
    instance.unmount();
  } catch (e) {
    code = 70;
    session.restore();
    io.stderr.write(`b2c: ${sanitizeForTerminal(e instanceof Error ? e.message : String(e))}\n`);
  } finally {
    controller.dispose();
    loader.dispose();
    transfers.dispose();
    await engine.close();
    await registry.close();
    session.restore();
  }
  return code;
}
