/**
 * A TUI core with both panes on one local folder and no B2 profile, for tests of the core's own
 * order of events (src/tui/core.ts), and a wait on its store that resolves in the very update
 * that makes a condition true (not at a later poll).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { verifyCredentials } from '../../src/session/index.js';
import { DEFAULT_KEYMAP } from '../../src/state/keyboard/keymap.js';
import { createTuiCore, type TuiCore } from '../../src/tui/core.js';
import { ProviderRegistry } from '../../src/tui/providers/provider-registry.js';

/** A core whose two panes show `dir`, not started. */
function localTuiCore(dir: string): TuiCore {
  return createTuiCore({
    registry: new ProviderRegistry(createLocalProvider(), []),
    left: { kind: 'local', path: dir },
    right: { kind: 'local', path: dir },
    keymap: DEFAULT_KEYMAP,
    settings: { confirmDelete: true },
    places: { cwd: dir, home: dir },
    accounts: { config: null, verify: verifyCredentials },
  });
}

/**
 * For a test file: a maker of cores on fresh temp folders holding `a.txt` (not started), each
 * closed and its folder removed after the test that made it.
 */
export function useLocalTuiCores(prefix: string): () => Promise<TuiCore> {
  const made: Array<{ core: TuiCore; dir: string }> = [];
  afterEach(async () => {
    for (const { core, dir } of made.splice(0)) {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    await writeFile(join(dir, 'a.txt'), 'a');
    const core = localTuiCore(dir);
    made.push({ core, dir });
    return core;
  };
}

/** Resolves once `done()` holds: at once, or at the store update that makes it hold. */
export function storeUntil(store: TuiCore['store'], done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done()) resolve();
    const unsubscribe = store.subscribe(() => {
      if (!done()) return;
      unsubscribe();
      resolve();
    });
  });
}
