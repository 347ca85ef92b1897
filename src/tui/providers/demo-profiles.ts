/**
 * The profiles of `b2c --demo`: `demo` (the master key) and `demo-NAME` for each of the demo's
 * restricted keys, all on the built-in server this process started. The only place the TUI
 * knows the server, besides the setup that starts it.
 */
import type { ConfigStore } from '../../config/index.js';
import { DEMO_KEY_NAMES } from '../../emulator/demo/demo-constants.js';
import type { DemoKey } from '../../emulator/demo/demo-seed.js';
import { authorize } from '../../session/index.js';
import type { DemoServer } from './demo-server.js';
import type { ConnectOptions, ProfileSpec } from './provider-registry.js';

/** Demo profiles: `demo` (master key) and `demo-NAME` for each demo key, all on one server. */
export function demoProfiles(server: Promise<DemoServer>): ProfileSpec[] {
  let endpoint: string | null = null;
  let demoKeys: DemoKey[] = [];
  void server.then(
    (emu) => {
      endpoint = emu.endpoint;
      demoKeys = emu.demoKeys;
    },
    () => undefined,
  );
  const master: ProfileSpec = {
    name: 'demo',
    label: 'demo',
    source: 'profile',
    endpoint: () => endpoint,
    connect: async (options) => {
      const emu = await server;
      return authorize(
        { applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint },
        options,
      );
    },
  };
  return [
    master,
    ...DEMO_KEY_NAMES.map((name) => ({
      name: `demo-${name}`,
      label: `demo/${name}`,
      source: 'profile' as const,
      endpoint: () => endpoint,
      connect: async (options?: ConnectOptions) => {
        const emu = await server;
        const key = emu.demoKeys.find((k) => k.name === name);
        if (!key) throw new Error(`the demo server has no key named ${name}`);
        return authorize(
          { applicationKeyId: key.applicationKeyId, applicationKey: key.applicationKey, endpoint: emu.endpoint },
          options,
        );
      },
      // The demo server knows its keys' expiry, so the inspector can show it even for the expired one.
      knownKey: () => {
        const key = demoKeys.find((k) => k.name === name);
        return key ? { applicationKeyId: key.applicationKeyId, expiresAt: key.expiresAt } : null;
      },
    })),
  ];
}

/**
 * Saves the demo's profiles into `config` (the demo's in-memory config) once the server is up,
 * so the profiles screen (P) lists them beside any the user saves; `active` becomes the default.
 */
export function seedDemoProfiles(config: ConfigStore, server: Promise<DemoServer>, active: string): void {
  void server.then(
    (emu) => {
      config.saveProfile({
        name: 'demo',
        applicationKeyId: emu.masterKeyId,
        applicationKey: emu.masterKey,
        endpoint: emu.endpoint,
      });
      for (const k of emu.demoKeys)
        config.saveProfile({
          name: `demo-${k.name}`,
          applicationKeyId: k.applicationKeyId,
          applicationKey: k.applicationKey,
          endpoint: emu.endpoint,
        });
      if (config.getProfile(active) !== undefined) config.setDefaultProfile(active);
    },
    () => undefined,
  );
}
