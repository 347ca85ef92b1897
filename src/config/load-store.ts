/**
 * The config file's store (./store.js, with conf and ajv), imported on first use: modules that
 * need only the rest of the config layer — the file manager before its first frame — do not load
 * that library (index.ts). conf's atomically installs signal hooks when it loads; imported this
 * late, after src/cli.ts released the libraries' hooks, they are dropped here (src/signal-hooks.ts).
 */
import { importWithoutSignalHooks } from '../signal-hooks.js';
import type * as Store from './store.js';

/** `import('./store.js')`, without the signal hooks its libraries install. */
export function loadConfigStore(): Promise<typeof Store> {
  return importWithoutSignalHooks(() => import('./store.js'));
}
