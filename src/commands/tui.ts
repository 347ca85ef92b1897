/**
 * The file manager routes: `b2c` (default profile, else the local disk in both panes with a
 * hint), `b2c --profile NAME`, and `b2c --demo [--key NAME]`, which starts the built-in
 * B2-compatible server in this process with the demo account and opens the local folder on the
 * left and the demo account's buckets on the right (with `--key`, through one of the demo's
 * restricted keys, to see what that key may do).
 *
 * Profiles connect lazily: the first frame is drawn before any HTTP request.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, openConfig, resolveCredentials, type ConfigStore, type Settings } from '../config/index.js';
import { authorize, verifyCredentials } from '../session/index.js';
import { EXIT } from './kit/exit-codes.js';
import { DEMO_KEY_NAMES, startEmulator, type DemoKey, type RunningEmulator } from '../emulator/index.js';
import { createLocalProvider } from '../providers/local/index.js';
import type { StatusMessage } from '../state/app-state.js';
import { DEFAULT_KEYMAP, type Keymap } from '../state/keymap.js';
import { applyOverrides, KeymapOverrideError } from '../state/keymap-overrides.js';
import { b2PaneLocation, localPaneLocation, type PaneLocation } from '../state/pane-location.js';
import { storedProfileSpecs } from '../ui/app/profile-specs.js';
import { QUEUE_FILE_NAME } from '../ui/app/queue-resume.js';
import { ProviderRegistry, type ProfileSpec } from '../ui/app/provider-registry.js';
import { runTui } from '../ui/run-tui.js';
import { tuiRefusal } from '../ui/terminal-session.js';
import { chooseTheme } from '../ui/theme.js';
import { sanitizeForTerminal } from '../state/sanitize.js';

const USAGE = `Usage:
  b2c                     open the file manager with the default profile
  b2c --profile NAME      open it with the profile NAME
  b2c --demo [--key NAME] open it on a built-in demo B2 server (keys: ${DEMO_KEY_NAMES.join(', ')})`;

function usageError(message: string): number {
  process.stderr.write(`b2c: ${sanitizeForTerminal(message)}\n\n${USAGE}\n`);
  return EXIT.usage;
}

function keymapFrom(settings: Settings): { keymap: Keymap; status?: StatusMessage } {
  try {
    return { keymap: applyOverrides(DEFAULT_KEYMAP, settings.keymapOverrides) };
  } catch (e) {
    if (!(e instanceof KeymapOverrideError)) throw e;
    return { keymap: DEFAULT_KEYMAP, status: { text: `${e.message} Using the default keys.`, tone: 'warning' } };
  }
}

/** Demo profiles: `demo` (master key) and `demo-NAME` for each demo key, all on one server. */
function demoProfiles(server: Promise<RunningEmulator>): ProfileSpec[] {
  let endpoint: string | null = null;
  let demoKeys: DemoKey[] = [];
  void server.then((emu) => {
    endpoint = emu.endpoint;
    demoKeys = emu.demoKeys;
  }, () => undefined);
  const master: ProfileSpec = {
    name: 'demo',
    label: 'demo',
    source: 'profile',
    endpoint: () => endpoint,
    connect: async () => {
      const emu = await server;
      return authorize({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
    },
  };
  return [
    master,
    ...DEMO_KEY_NAMES.map((name) => ({
      name: `demo-${name}`,
      label: `demo/${name}`,
      source: 'profile' as const,
      endpoint: () => endpoint,
      connect: async () => {
        const emu = await server;
        const key = emu.demoKeys.find((k) => k.name === name);
        if (!key) throw new Error(`the demo server has no key named ${name}`);
        return authorize({ applicationKeyId: key.applicationKeyId, applicationKey: key.applicationKey, endpoint: emu.endpoint });
      },
      // The demo server knows its keys' expiry, so the inspector can show it even for the expired one.
      knownKey: () => {
        const key = demoKeys.find((k) => k.name === name);
        return key ? { applicationKeyId: key.applicationKeyId, expiresAt: key.expiresAt } : null;
      },
    })),
  ];
}

interface Plan {
  profiles: ProfileSpec[];
  right: PaneLocation;
  settings: Settings;
  config: ConfigStore | null;
  status?: StatusMessage;
  openWizard?: boolean;
}

function profilePlan(profileName: string | undefined, cwd: string): Plan {
  const config = openConfig();
  const settings = config.getSettings();
  const profiles = storedProfileSpecs(config);
  const creds = resolveCredentials({ profileName, env: process.env, config });
  if (creds.source === 'none') {
    if (creds.reason === 'no-profiles') return { profiles, right: localPaneLocation(cwd), settings, config, openWizard: true };
    const text = `Several profiles and no default: F9 or P chooses one (${creds.profiles.join(', ')}).`;
    return { profiles, right: localPaneLocation(cwd), settings, config, status: { text, tone: 'warning' } };
  }
  if (creds.source === 'env') {
    profiles.unshift({
      name: 'env',
      label: 'env (B2_APPLICATION_KEY_ID)',
      source: 'env',
      endpoint: () => creds.endpoint ?? null,
      connect: () => authorize(creds),
      knownKey: () => ({ applicationKeyId: creds.applicationKeyId }),
    });
  }
  const name = creds.source === 'env' ? 'env' : (creds.profileName ?? 'env');
  const status: StatusMessage | undefined =
    creds.ignoredProfile === undefined ? undefined : { text: `B2_APPLICATION_KEY_ID is set, so --profile ${creds.ignoredProfile} is ignored.`, tone: 'warning' };
  return { profiles, right: b2PaneLocation(name, null), settings, config, status };
}

/**
 * Runs the file manager. `argv` is everything after `b2c` (`--demo`, `--key NAME`,
 * `--profile NAME`). Resolves with the exit code (kit/exit-codes.ts): 0 after quitting, 1 when
 * not on a terminal or the config or credentials cannot be used, 64 for usage errors.
 */
export async function runTuiCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { demo: { type: 'boolean' }, key: { type: 'string' }, profile: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const refusal = tuiRefusal(process.stdin, process.stdout);
  if (refusal !== null) {
    process.stderr.write(refusal);
    return 1;
  }
  const cwd = process.cwd();
  let plan: Plan;
  let server: Promise<RunningEmulator> | null = null;
  if (values.demo) {
    if (values.profile !== undefined) return usageError('--demo and --profile cannot be combined');
    const key = values.key;
    if (key !== undefined && !(DEMO_KEY_NAMES as readonly string[]).includes(key)) return usageError(`there is no demo key named "${key}"`);
    server = startEmulator({ demo: true });
    // A failed start shows up as the demo pane's connection error; nothing else awaits it early.
    server.catch(() => undefined);
    plan = { profiles: demoProfiles(server), right: b2PaneLocation(key === undefined ? 'demo' : `demo-${key}`, null), settings: { ...DEFAULT_SETTINGS }, config: null };
  } else {
    if (values.key !== undefined) return usageError('--key works with --demo only');
    try {
      plan = profilePlan(values.profile, cwd);
    } catch (e) {
      process.stderr.write(`b2c: ${sanitizeForTerminal(e instanceof Error ? e.message : String(e))}\n`);
      return EXIT.failed;
    }
  }
  const { keymap, status } = keymapFrom(plan.settings);
  const registry = new ProviderRegistry(createLocalProvider(), plan.profiles);
  try {
    return await runTui({
      registry,
      left: localPaneLocation(cwd),
      right: plan.right,
      active: 'right',
      keymap,
      theme: chooseTheme(process.env, plan.settings.theme),
      settings: plan.settings,
      places: { cwd, home: homedir() },
      status: status ?? plan.status,
      accounts: { config: plan.config, verify: verifyCredentials },
      openWizard: plan.openWizard,
      // Beside config.json (B2C_CONFIG_DIR moves both); --demo has no config and saves no queue.
      queueFile: plan.config === null ? null : join(dirname(plan.config.path), QUEUE_FILE_NAME),
    });
  } finally {
    if (server) await server.then((emu) => emu.close()).catch(() => undefined);
  }
}
