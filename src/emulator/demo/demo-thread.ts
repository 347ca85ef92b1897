/**
 * The demo server of `b2c --demo` in a thread of its own (a worker thread; the build writes this
 * module as dist/demo-server.js). Started by src/tui/providers/demo-server.ts: the file manager
 * paints its first frame while this thread loads the server and seeds the demo account on the
 * other core, and the server's work (every request of a demo transfer) never delays a key press.
 *
 * Protocol: once listening, the thread posts one {@link DemoThreadMessage} `ready` with what a
 * client needs (endpoint and keys, secrets included: they stay in this process); a failed start
 * posts `failed` with the reason and ends. The parent posts `close` to stop it: the server closes
 * its connections and the thread ends.
 */
import { parentPort } from 'node:worker_threads';
import { startEmulator } from '../index.js';
import type { DemoKey } from './demo-seed.js';

/** What a client of the demo server needs to sign in with each of its keys. */
export interface DemoServerInfo {
  endpoint: string;
  masterKeyId: string;
  masterKey: string;
  demoKeys: DemoKey[];
}

/** The thread's messages to its parent. */
export type DemoThreadMessage = ({ type: 'ready' } & DemoServerInfo) | { type: 'failed'; message: string };

/** The parent's one message: stop the server and end the thread. */
export interface DemoThreadClose {
  type: 'close';
}

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  let message: DemoThreadMessage;
  try {
    const emu = await startEmulator({ demo: true });
    port.once('message', (m: DemoThreadClose) => {
      if (m.type === 'close') void emu.close().finally(() => port.close());
    });
    message = {
      type: 'ready',
      endpoint: emu.endpoint,
      masterKeyId: emu.masterKeyId,
      masterKey: emu.masterKey,
      demoKeys: emu.demoKeys,
    };
  } catch (error) {
    message = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message);
  if (message.type === 'failed') port.close();
}

// Only as a worker thread: imported anywhere else (a test reading the types) it does nothing.
if (parentPort !== null) void main(parentPort);
