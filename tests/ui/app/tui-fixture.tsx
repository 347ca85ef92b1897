/**
 * The whole TUI in a component test: real local provider on a temp dir, optionally the built-in
 * B2 server (demo account) over real HTTP on 127.0.0.1, the core as src/tui/core.ts wires it,
 * rendered with the project's renderInk helper. Keys go in as raw sequences through Ink's stdin,
 * exactly the path a terminal takes.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEY_NAMES, type RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2 } from '../../../src/providers/b2/index.js';
import type { ConfigStore } from '../../../src/config/index.js';
import { verifyCredentials } from '../../../src/session/index.js';
import { startTestServer } from '../../support/server.js';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import type { Provider } from '../../../src/providers/types.js';
import { DEFAULT_KEYMAP, type Keymap } from '../../../src/state/keyboard/keymap.js';
import type { PaneLocation } from '../../../src/state/location/pane-location.js';
import type { TransferEngine } from '../../../src/transfers/index.js';
import type { TuiController } from '../../../src/tui/controller.js';
import { createTuiCore } from '../../../src/tui/core.js';
import type { Navigator } from '../../../src/tui/panes/navigator.js';
import { ProviderRegistry, type ProfileSpec } from '../../../src/tui/providers/provider-registry.js';
import type { TuiStore } from '../../../src/tui/store/tui-store.js';
import { TuiApp } from '../../../src/ui/app/TuiApp.js';
import { renderInk, type InkHarness } from '../render-ink.js';

export interface TuiFixture {
  h: InkHarness;
  store: TuiStore;
  controller: TuiController;
  navigator: Navigator;
  /** The real transfer engine behind the queue. */
  engine: TransferEngine;
  /** A local temp dir with `a.txt` (5 B), `big.bin` (2,000 B), `.dot` and `sub/inner.txt`. */
  dir: string;
  emu: RunningEmulator | null;
  exited: () => boolean;
  /** Waits until the last frame contains every string. */
  see(...texts: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Start the demo server; profiles `demo` (master) and `demo-NAME` for each demo key. */
  b2?: boolean;
  left?: (dir: string) => PaneLocation;
  right?: (dir: string) => PaneLocation;
  active?: 'left' | 'right';
  size?: { columns: number; rows: number };
  mono?: boolean;
  /** Settings `confirmDelete` (default true). */
  confirmDelete?: boolean;
  /** The local provider (default: the real one on the whole disk). */
  local?: Provider;
  keymap?: Keymap;
  /** A config store for the profiles screen and the wizard (default none, as with --demo). */
  config?: ConfigStore;
  /** Extra profiles (e.g. a key made for one test). */
  profiles?: (emu: RunningEmulator | null) => ProfileSpec[];
  /** The queue file (as src/tui/setup.ts wires it: saved as it changes, offered at start). Default none. */
  queueFile?: string;
  /** Runs before the TUI starts (e.g. writes a queue file), given the temp dir and the server. */
  before?: (dir: string, emu: RunningEmulator | null) => Promise<void>;
}

function demoSpecs(emu: RunningEmulator): ProfileSpec[] {
  const connect = (id: string, key: string) => () =>
    connectB2({ applicationKeyId: id, applicationKey: key, endpoint: emu.endpoint, retry: { baseDelayMs: 1 } });
  return [
    {
      name: 'demo',
      label: 'demo',
      source: 'profile',
      endpoint: () => emu.endpoint,
      connect: connect(emu.masterKeyId, emu.masterKey),
    },
    ...DEMO_KEY_NAMES.map((n) => {
      const k = emu.demoKeys.find((x) => x.name === n);
      if (!k) throw new Error(`no demo key ${n}`);
      return {
        name: `demo-${n}`,
        label: `demo/${n}`,
        source: 'profile' as const,
        endpoint: () => emu.endpoint,
        connect: connect(k.applicationKeyId, k.applicationKey),
        knownKey: () => ({ applicationKeyId: k.applicationKeyId, expiresAt: k.expiresAt }),
      };
    }),
  ];
}

/** Builds, renders and starts loading both panes. */
export async function startTui(options: FixtureOptions = {}): Promise<TuiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-tui-'));
  await writeFile(join(dir, 'a.txt'), 'hello');
  await writeFile(join(dir, 'big.bin'), Buffer.alloc(2_000, 7));
  await writeFile(join(dir, '.dot'), 'dot');
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'sub', 'inner.txt'), 'inner');
  const emu = options.b2 ? (await startTestServer({ demo: true })).emu : null;
  await options.before?.(dir, emu);
  const profiles = [...(emu ? demoSpecs(emu) : []), ...(options.profiles?.(emu) ?? [])];
  const registry = new ProviderRegistry(options.local ?? createLocalProvider(), profiles);
  const keymap = options.keymap ?? DEFAULT_KEYMAP;
  const left = options.left?.(dir) ?? { kind: 'local', path: dir };
  const right = options.right?.(dir) ?? { kind: 'local', path: join(dir, 'sub') };
  let exited = false;
  const core = createTuiCore({
    registry,
    left,
    right,
    active: options.active ?? 'left',
    keymap,
    settings: { confirmDelete: options.confirmDelete ?? true },
    places: { cwd: dir, home: dir },
    accounts: { config: options.config ?? null, verify: verifyCredentials },
    queueFile: options.queueFile,
    timing: { listingFlushMs: 20, queuePublishMs: 20, queueSaveDelayMs: 20 },
  });
  void core.quitting.then(() => {
    exited = true;
  });
  const { store, controller, navigator, engine } = core;
  const h = renderInk(
    <TuiApp store={store} controller={controller} registry={registry} queue={engine} keymap={keymap} />,
    { size: options.size, mono: options.mono },
  );
  core.start();
  return {
    h,
    store,
    controller,
    navigator,
    engine,
    dir,
    emu,
    exited: () => exited,
    see: (...texts) => h.waitForFrame((f) => texts.every((t) => f.includes(t))),
    async close() {
      h.unmount();
      await core.close();
      const refusals = emu?.stats().unauthorizedByEndpoint ?? {};
      await emu?.close();
      await rm(dir, { recursive: true, force: true });
      // Nothing the TUI sent may have been refused with 401 (issue 9).
      if (Object.keys(refusals).length > 0)
        throw new Error(`the server answered 401 to the TUI: ${JSON.stringify(refusals)}`);
    },
  };
}
