/**
 * Starts the demo server of `b2c --demo` in a worker thread (src/emulator/demo/demo-thread.ts,
 * built as dist/demo-server.js). In this process the server would cost the file manager's
 * start-up the loading of its code and the seeding of the demo account (bench/README.md,
 * "Start-up"), and every demo request would run on the thread that answers key presses.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DemoServerInfo, DemoThreadClose, DemoThreadMessage } from '../../emulator/demo/demo-thread.js';

/** The running demo server, seen from the file manager. */
export interface DemoServer extends DemoServerInfo {
  /** Stops the server and its thread. */
  close(): Promise<void>;
}

/** The built thread's file name in dist/ (scripts/build.mjs). */
const THREAD_FILE = 'demo-server.js';

/** How long the server may take to close its connections before its thread is stopped. */
const CLOSE_BOUND_MS = 2_000;

/**
 * dist/demo-server.js, from the URL of the bundle this code runs in: dist/cli.js, a chunk in
 * dist/chunks/, or dist/cli.script.js.
 */
export function demoThreadFile(moduleUrl: string): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  return join(basename(dir) === 'chunks' ? dirname(dir) : dir, THREAD_FILE);
}

/**
 * Starts the thread; resolves once its server listens with the demo account's buckets and keys
 * (its files may still be coming: calls on them wait for them), rejects with the reason when it
 * cannot start. Nothing the thread writes reaches the terminal. The thread
 * does not keep this process alive: quitting without {@link DemoServer.close} ends it too.
 */
export function startDemoServer(file: string = demoThreadFile(import.meta.url)): Promise<DemoServer> {
  return new Promise((resolve, reject) => {
    // Its output is kept from the terminal: captured and never read (reading it would keep this
    // process alive). No execArgv: preloaded hooks (a bench's profiler) are not the server's.
    const worker = new Worker(file, { stdout: true, stderr: true, execArgv: [] });
    worker.unref();
    const ended = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) => reject(new Error(`the demo server stopped before it started (exit ${code})`)));
    worker.once('message', (message: DemoThreadMessage) => {
      if (message.type === 'failed') {
        reject(new Error(message.message));
        return;
      }
      const { type: _type, ...info } = message;
      resolve({
        ...info,
        close: async () => {
          worker.postMessage({ type: 'close' } satisfies DemoThreadClose);
          const bound = setTimeout(() => void worker.terminate(), CLOSE_BOUND_MS);
          await ended;
          clearTimeout(bound);
        },
      });
    });
  });
}

/** Where a server started by {@link startDemoServerEarly} waits for the setup (one per process). */
const EARLY = Symbol.for('b2c.demo-server');
type EarlySlot = { [EARLY]?: Promise<DemoServer> };

/**
 * Starts the demo server for `b2c --demo …` (`argv` is after `b2c`) before the file manager's
 * code runs: bin/b2c.js calls this (through dist/start.js, a separate bundle, hence the slot on
 * `globalThis`) once that code is compiled from the code cache, or before it loads, so the
 * server's thread is ready soon after the first frame. Does nothing for any other command line,
 * or for help.
 */
export function startDemoServerEarly(argv: readonly string[], file?: string): void {
  if (argv[0] !== '--demo' || argv.includes('--help') || argv.includes('-h')) return;
  // Once: bin/b2c.js may call again when the start from the code cache failed after this.
  if ((globalThis as EarlySlot)[EARLY] !== undefined) return;
  const server = startDemoServer(file);
  // Unused when the setup refuses the arguments: its failure is then nobody's business.
  server.catch(() => undefined);
  (globalThis as EarlySlot)[EARLY] = server;
}

/** The server {@link startDemoServerEarly} started, taken once; else a new one. */
export function demoServer(): Promise<DemoServer> {
  const slot = globalThis as EarlySlot;
  const early = slot[EARLY];
  delete slot[EARLY];
  return early ?? startDemoServer();
}
