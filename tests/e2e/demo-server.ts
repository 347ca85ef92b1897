/**
 * The built-in server with the demo data as the TUI end-to-end tests use it (on top of
 * tests/support/server.ts): started before the file's first test and closed after its last, with
 * the master key's provider for setting up and checking what the server holds without b2c.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../src/providers/b2/index.js';
import { NotFoundError } from '../../src/providers/errors.js';
import { startTestServer } from '../support/server.js';

export interface DemoServer {
  /** The running server (set once the file's first test starts). */
  readonly emu: RunningEmulator;
  /** The master key's provider. */
  readonly master: B2Provider;
  /** The master key with the server's endpoint, as b2c is signed in with it. */
  masterKey: () => { applicationKeyId: string; applicationKey: string; endpoint: string };
  /** Uploads `text` as `path` (`/bucket/name`), replacing what is there. */
  put: (path: string, text: string) => Promise<void>;
  /** True when a file `path` exists (its newest version is not hidden). */
  exists: (path: string) => Promise<boolean>;
  /** The bytes of file `path` as text. */
  text: (path: string) => Promise<string>;
}

/** Registers the hooks that start and close the server; returns its handle. */
export function useDemoServer(): DemoServer {
  let emu: RunningEmulator | undefined;
  let master: B2Provider | undefined;
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the demo server starts before the first test');
    return v;
  };
  beforeAll(async () => {
    emu = (await startTestServer({ demo: true })).emu;
    master = await connectB2({
      applicationKeyId: emu.masterKeyId,
      applicationKey: emu.masterKey,
      endpoint: emu.endpoint,
    });
  });
  afterAll(async () => {
    await master?.close();
    await emu?.close();
  });
  const server: DemoServer = {
    get emu() {
      return ready(emu);
    },
    get master() {
      return ready(master);
    },
    masterKey: () => ({
      applicationKeyId: server.emu.masterKeyId,
      applicationKey: server.emu.masterKey,
      endpoint: server.emu.endpoint,
    }),
    async put(path, text) {
      const size = Buffer.byteLength(text);
      await server.master.write(path, Readable.from([Buffer.from(text)]), { size, overwrite: true });
    },
    async exists(path) {
      try {
        await server.master.stat(path);
        return true;
      } catch (e) {
        if (e instanceof NotFoundError) return false;
        throw e;
      }
    },
    async text(path) {
      const h = await server.master.openRead(path);
      const chunks: Buffer[] = [];
      for await (const c of h.stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString();
    },
  };
  return server;
}

/** A key as the environment signs b2c in with it (tui-helpers.ts `startSignedIn`). */
export function keyEnv(key: {
  applicationKeyId: string;
  applicationKey: string;
  endpoint: string;
}): Record<string, string> {
  return {
    B2_APPLICATION_KEY_ID: key.applicationKeyId,
    B2_APPLICATION_KEY: key.applicationKey,
    B2_ENDPOINT: key.endpoint,
  };
}
