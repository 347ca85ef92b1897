/**
 * The demo server of `b2c --demo`, in this process: its module (src/emulator/demo/demo-entry.ts,
 * built as dist/demo-server.js) is loaded after the file manager's first frame. Neither its code
 * nor the seeding of the demo account comes before that frame, and a thread of its own cost more
 * than it saved: on a 2-core machine the thread's start slowed the first frame by 35–40 ms and did
 * not bring the buckets sooner (bench/README.md, "Start-up"). Its requests are small next to a
 * frame; the seeding runs a few milliseconds at a time (src/emulator/demo/seeding-gate.ts).
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DemoServer } from '../../emulator/demo/demo-entry.js';

export type { DemoServer } from '../../emulator/demo/demo-entry.js';

/** The built server's file name in dist/ (scripts/build.mjs). */
const SERVER_FILE = 'demo-server.js';

/**
 * dist/demo-server.js, from the URL of the bundle this code runs in: dist/cli.js, a chunk in
 * dist/chunks/, or dist/cli.script.js.
 */
export function demoServerFile(moduleUrl: string): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  return join(basename(dir) === 'chunks' ? dirname(dir) : dir, SERVER_FILE);
}

/**
 * Loads the demo server's module from `file` and starts the server, one turn of the event loop
 * after the call: the file manager draws its first frame in the turn that prepares it. Resolves
 * once the server listens with the demo account's buckets and keys (its files may still be
 * coming: calls on them wait for them); rejects with the reason when it cannot start.
 */
export async function startDemoServer(file: string = demoServerFile(import.meta.url)): Promise<DemoServer> {
  await new Promise((resolve) => setImmediate(resolve));
  // A URL the bundler cannot follow: the server stays out of the file manager's bundle.
  const module = (await import(pathToFileURL(file).href)) as { startDemoServer?: unknown };
  if (typeof module.startDemoServer !== 'function') throw new Error(`${file} is not b2c's demo server`);
  return (module.startDemoServer as () => Promise<DemoServer>)();
}
