/**
 * The demo account for the `b2c keys` tests: the built-in server seeded with the demo buckets
 * and keys, a temp config dir, and the environment that signs in with a given key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { demoKey } from '../accounts/helpers.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** `emu` and `configDir` are set once beforeAll has run. */
export interface DemoAccount {
  emu: RunningEmulator;
  /** A temp B2C_CONFIG_DIR shared by the file's runs. */
  configDir: string;
  /** Environment for a key: the official variable names plus the temp config dir. */
  envFor: (keyId: string, key: string, endpoint?: string) => Record<string, string>;
  /** envFor the master key. */
  masterEnv: () => Record<string, string>;
  /** envFor the demo key called `name` (see tests/accounts/helpers.ts demoKey). */
  demoEnv: (name: string) => Record<string, string>;
}

/**
 * Registers hooks: beforeAll starts the demo server and makes the config dir; afterAll closes
 * and removes them, and fails the file if b2c sent anything the server refused with 401. The
 * returned object's functions are closures, so they may be destructured.
 */
export function useDemoAccount(): DemoAccount {
  let server: TestServer | undefined;
  const account: DemoAccount = {
    emu: undefined as unknown as RunningEmulator,
    configDir: '',
    envFor: (keyId, key, endpoint = account.emu.endpoint) => ({
      B2_APPLICATION_KEY_ID: keyId,
      B2_APPLICATION_KEY: key,
      B2_ENDPOINT: endpoint,
      B2C_CONFIG_DIR: account.configDir,
    }),
    masterEnv: () => account.envFor(account.emu.masterKeyId, account.emu.masterKey),
    demoEnv: (name) => {
      const k = demoKey(account.emu, name);
      return account.envFor(k.applicationKeyId, k.applicationKey);
    },
  };
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    account.emu = server.emu;
    account.configDir = mkdtempSync(join(tmpdir(), 'b2c-keys-cli-'));
  });
  afterAll(async () => {
    const refusals = account.emu.stats().unauthorizedByEndpoint;
    await server?.close();
    rmSync(account.configDir, { recursive: true, force: true });
    expect(refusals).toEqual({});
  });
  return account;
}
