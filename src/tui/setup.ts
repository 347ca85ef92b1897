/**
 * The file manager's setup, from argv to a core ready to render: `b2c` (default profile, else the
 * local disk in both panes with a hint), `b2c --profile NAME`, and `b2c --demo [--key NAME]`, which
 * starts the built-in B2-compatible server with the demo account in a thread of its own
 * (providers/demo-server.ts) and opens the
 * local folder on the left and the demo account's buckets on the right (with `--key`, through one
 * of the demo's restricted keys, to see what that key may do). src/ui/run-tui.tsx calls it and
 * renders the result; this module is the only wiring of the TUI.
 *
 * Profiles connect lazily: the first frame is drawn before any HTTP request. What the first frame
 * does not need is imported when used, so `b2c --demo` compiles neither the config file's library
 * (conf with ajv; --demo keeps its config in memory), and the server's code never loads in this
 * thread (tests/e2e/tui-startup-bundle.test.ts).
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from '../commands/kit/exit-codes.js';
import { parseArgsFailure } from '../commands/kit/args-errors.js';
import { errorMessage } from '../error-text.js';
import {
  createMemoryConfig,
  DEFAULT_SETTINGS,
  loadConfigStore,
  resolveCredentials,
  type ConfigStore,
  type Settings,
} from '../config/index.js';
import { DEMO_KEY_NAMES } from '../emulator/demo/demo-constants.js';
import { createLocalProvider } from '../providers/local/index.js';
import { authorize, verifyCredentials } from '../session/index.js';
import type { StatusMessage } from '../state/app/app-state.js';
import { DEFAULT_KEYMAP, type Keymap } from '../state/keyboard/keymap.js';
import { applyOverrides, KeymapOverrideError } from '../state/keyboard/keymap-overrides.js';
import { b2PaneLocation, localPaneLocation, type PaneLocation } from '../state/location/pane-location.js';
import { createTuiCore, type TuiCore } from './core.js';
import { QUEUE_FILE_NAME } from './operations/queue-resume.js';
import { HISTORY_FILE_NAME } from '../transfers/index.js';
import { demoProfiles, seedDemoProfiles } from './providers/demo-profiles.js';
import { startDemoServer, type DemoServer } from './providers/demo-server.js';
import { storedProfileSpecs } from './providers/profile-specs.js';
import { ProviderRegistry, type ProfileSpec } from './providers/provider-registry.js';
import { customerKeyFromEnv } from './providers/sse-c-key.js';

export const TUI_USAGE = `Usage:
  b2c                     open the file manager with the default profile
  b2c --profile NAME      open it with the profile NAME
  b2c --demo [--key NAME] open it on a built-in demo B2 server (keys: ${DEMO_KEY_NAMES.join(', ')})`;

/** The exit code of a usage error (src/commands/kit/exit-codes.ts: one code on every command). */
export const TUI_USAGE_EXIT = EXIT.usage;

/** What `b2c [--demo [--key NAME] | --profile NAME]` asks for. */
export type TuiArgs =
  | { kind: 'help' }
  /** `message` says what is wrong with the arguments (exit `TUI_USAGE_EXIT`). */
  | { kind: 'usage'; message: string }
  | { kind: 'run'; demo: boolean; key?: string; profile?: string };

const TUI_OPTIONS = {
  demo: { type: 'boolean' },
  key: { type: 'string' },
  profile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads the file manager's arguments (`argv` is everything after `b2c`); see `tuiArgsProblem`. */
export function parseTuiArgs(argv: string[]): TuiArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: TUI_OPTIONS }));
  } catch (e) {
    return { kind: 'usage', message: parseArgsFailure(e, argv, TUI_OPTIONS, false) };
  }
  if (values.help) return { kind: 'help' };
  return { kind: 'run', demo: values.demo === true, key: values.key, profile: values.profile };
}

/** What is wrong with a combination of options (checked once the terminal is known to be one), or null. */
export function tuiArgsProblem(args: Extract<TuiArgs, { kind: 'run' }>): string | null {
  if (!args.demo) return args.key === undefined ? null : '--key works with --demo only';
  if (args.profile !== undefined) return '--demo and --profile cannot be combined';
  if (args.key !== undefined && !(DEMO_KEY_NAMES as readonly string[]).includes(args.key))
    return `there is no demo key named "${args.key}"`;
  return null;
}

function keymapFrom(settings: Settings): { keymap: Keymap; status?: StatusMessage } {
  try {
    return { keymap: applyOverrides(DEFAULT_KEYMAP, settings.keymapOverrides) };
  } catch (e) {
    if (!(e instanceof KeymapOverrideError)) throw e;
    return { keymap: DEFAULT_KEYMAP, status: { text: `${e.message} Using the default keys.`, tone: 'warning' } };
  }
}

interface Plan {
  profiles: ProfileSpec[];
  right: PaneLocation;
  settings: Settings;
  config: ConfigStore | null;
  status?: StatusMessage;
  openWizard?: boolean;
}

async function profilePlan(profileName: string | undefined, cwd: string): Promise<Plan> {
  // The config file's store (conf and ajv) is imported here, not with the TUI: --demo never needs it.
  const { openConfig } = await loadConfigStore();
  const config = openConfig();
  const settings = config.getSettings();
  const profiles = storedProfileSpecs(config);
  const creds = resolveCredentials({ profileName, env: process.env, config });
  if (creds.source === 'none') {
    if (creds.reason === 'no-profiles')
      return { profiles, right: localPaneLocation(cwd), settings, config, openWizard: true };
    const text = `Several profiles and no default: F9 or P chooses one (${creds.profiles.join(', ')}).`;
    return { profiles, right: localPaneLocation(cwd), settings, config, status: { text, tone: 'warning' } };
  }
  if (creds.source === 'env') {
    profiles.unshift({
      name: 'env',
      label: 'env (B2_APPLICATION_KEY_ID)',
      source: 'env',
      endpoint: () => creds.endpoint ?? null,
      connect: (options) => authorize(creds, options),
      knownKey: () => ({ applicationKeyId: creds.applicationKeyId }),
    });
  }
  const name = creds.source === 'env' ? 'env' : (creds.profileName ?? 'env');
  const status: StatusMessage | undefined =
    creds.ignoredProfile === undefined
      ? undefined
      : { text: `B2_APPLICATION_KEY_ID is set, so --profile ${creds.ignoredProfile} is ignored.`, tone: 'warning' };
  return { profiles, right: b2PaneLocation(name, null), settings, config, status };
}

/** A core ready to render, with the settings the UI needs and what to stop afterwards. */
export interface PreparedTui {
  core: TuiCore;
  /** The theme setting (`auto`, …) for the UI's theme choice. */
  theme: Settings['theme'];
  /** Stops what the setup started (the demo server) once the core is closed. */
  close(): Promise<void>;
}

/** Why the file manager cannot start (the config or the credentials), and the exit code. */
export interface SetupFailure {
  message: string;
  /** Always `EXIT.failed` (1): src/commands/kit/exit-codes.ts keeps 2 for a key B2 rejected. */
  exitCode: typeof EXIT.failed;
}

/**
 * Plans and wires the file manager for `args` in `cwd`: the profiles (or the demo server and its
 * keys), where the panes start, the keymap with the user's overrides, the queue file beside the
 * config. A config or credentials problem is returned, not thrown.
 */
export async function prepareTui(
  args: Extract<TuiArgs, { kind: 'run' }>,
  cwd: string,
): Promise<PreparedTui | SetupFailure> {
  let plan: Plan;
  let server: Promise<DemoServer> | null = null;
  if (args.demo) {
    // Loaded and started after the first frame, which shows the demo pane connecting.
    server = startDemoServer();
    // A failed start shows up as the demo pane's connection error; nothing else awaits it early.
    server.catch(() => undefined);
    const active = args.key === undefined ? 'demo' : `demo-${args.key}`;
    // Profiles (P, and "save as profile" after K creates a key) work on the demo too, in memory.
    const config = createMemoryConfig();
    seedDemoProfiles(config, server, active);
    plan = {
      profiles: demoProfiles(server),
      right: b2PaneLocation(active, null),
      settings: { ...DEFAULT_SETTINGS },
      config,
    };
  } else {
    try {
      plan = await profilePlan(args.profile, cwd);
    } catch (e) {
      return { message: errorMessage(e), exitCode: EXIT.failed };
    }
  }
  const { keymap, status } = keymapFrom(plan.settings);
  const sseC = customerKeyFromEnv(process.env);
  const core = createTuiCore({
    registry: new ProviderRegistry(createLocalProvider(), plan.profiles, sseC.options),
    left: localPaneLocation(cwd),
    right: plan.right,
    active: 'right',
    keymap,
    settings: plan.settings,
    places: { cwd, home: homedir() },
    // An unusable B2C_SSE_C_KEY must be seen; that a key is in use may give way to other news.
    status: sseC.status?.tone === 'warning' ? sseC.status : (status ?? plan.status ?? sseC.status),
    accounts: { config: plan.config, verify: verifyCredentials },
    openWizard: plan.openWizard,
    // Beside config.json (B2C_CONFIG_DIR moves them all); --demo keeps its config in memory and
    // saves no queue and no history (it shows this session's).
    queueFile:
      plan.config === null || plan.config.inMemory === true ? null : join(dirname(plan.config.path), QUEUE_FILE_NAME),
    historyFile:
      plan.config === null || plan.config.inMemory === true ? null : join(dirname(plan.config.path), HISTORY_FILE_NAME),
  });
  return {
    core,
    theme: plan.settings.theme,
    async close() {
      if (server) await server.then((emu) => emu.close()).catch(() => undefined);
    },
  };
}
