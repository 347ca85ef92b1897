/**
 * Shared by the accounts tests: the built-in server with the demo account on 127.0.0.1, the
 * wizard's real `verify` effect with fast retries, demo keys by name, and a scanner that fails
 * when a secret shows up in any captured text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { DemoKey, RunningEmulator } from '../../src/emulator/index.js';
import { connectB2 } from '../../src/providers/b2/index.js';
import type { KeyInfo } from '../../src/state/model/key-info.js';
import type { WizardCredentials } from '../../src/tui/accounts/wizard-store.js';
import { startTestServer } from '../support/server.js';

/** Starts the demo server (port 0; tests/support/server.ts). */
export async function startDemo(): Promise<RunningEmulator> {
  return (await startTestServer({ demo: true })).emu;
}

/**
 * Registers hooks for a test file: the demo server for the whole file, and temp dirs (made with
 * `tempDir()`, named after `prefix`) removed after each test. Read `emu()` inside tests only.
 */
export function useDemoServer(prefix: string): { emu: () => RunningEmulator; tempDir: () => string } {
  let emu: RunningEmulator | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    emu = await startDemo();
  });
  afterAll(async () => {
    await emu?.close();
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    emu: () => {
      if (emu === undefined) throw new Error('the demo server starts in beforeAll');
      return emu;
    },
    tempDir: () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
  };
}

/** The demo key called `name` (read-only, no-delete, write-only, prefix, multi-bucket, expired). */
export function demoKey(emu: RunningEmulator, name: string): DemoKey {
  const k = emu.demoKeys.find((d) => d.name === name);
  if (k === undefined) throw new Error(`no demo key ${name}`);
  return k;
}

/** `secret` with its last character changed (never to itself, so the result is always wrong). */
export function wrongSecret(secret: string): string {
  return secret.slice(0, -1) + (secret.endsWith('x') ? 'y' : 'x');
}

/** The wizard's verify effect over real HTTP, retrying after 1 ms instead of 1 s. */
export async function fastVerify(c: WizardCredentials, signal: AbortSignal): Promise<KeyInfo> {
  const p = await connectB2({ ...c, signal, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });
  return p.keyInfo;
}

/** Every secret the server knows: the master key and every demo key. */
export function allSecrets(emu: RunningEmulator): string[] {
  return [emu.masterKey, ...emu.demoKeys.map((k) => k.applicationKey)];
}

/** Fails when any of `texts` contains any of `secrets` (reports where, never the secret). */
export function expectNoSecret(texts: readonly string[], secrets: readonly string[], where: string): void {
  for (const [i, text] of texts.entries()) {
    for (const [j, secret] of secrets.entries()) {
      expect(text.includes(secret), `${where} #${i} contains secret #${j}`).toBe(false);
    }
  }
}
