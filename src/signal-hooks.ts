/**
 * conf → atomically → when-exit installs `process.once` handlers for SIGINT, SIGTERM, SIGHUP and a
 * dozen more signals the moment the bundle loads, and after its cleanup it re-sends the signal to
 * the process. Every b2c command handles its own signals (cancel transfers, restore the screen,
 * close the server), so each Ctrl+C would arrive twice — or kill us mid-cleanup once our handler
 * is gone. Removing those hooks once the command has loaded (src/cli.ts) gives each command sole ownership of its signals.
 * when-exit's `exit` hook stays, so atomically still removes its temp files on `process.exit`.
 * A library imported later, once the command runs (conf, by the first read of the config file),
 * is imported through {@link importWithoutSignalHooks}.
 */
const HOOKED_SIGNALS: NodeJS.Signals[] = [
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGALRM',
  'SIGABRT',
  'SIGVTALRM',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGUSR2',
  'SIGTRAP',
  'SIGSYS',
  'SIGQUIT',
  'SIGIOT',
  'SIGIO',
  'SIGPOLL',
  'SIGPWR',
  'SIGSTKFLT',
];

/** Drops every signal listener installed while modules loaded. Call after a command module loads, before it runs. */
export function releaseLibrarySignalHooks(): void {
  for (const signal of HOOKED_SIGNALS) {
    try {
      process.removeAllListeners(signal);
    } catch {
      // Some platforms reject unknown signal names; nothing was hooked there.
    }
  }
}

/**
 * Runs `load` (a dynamic import) and drops the signal listeners installed while it ran, keeping
 * those that were there before: for a library imported after {@link releaseLibrarySignalHooks}.
 */
export async function importWithoutSignalHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(listenersOf(signal))]));
  try {
    return await load();
  } finally {
    for (const signal of HOOKED_SIGNALS)
      for (const listener of listenersOf(signal))
        if (before.get(signal)?.has(listener) !== true) process.removeListener(signal, listener);
  }
}

function listenersOf(signal: NodeJS.Signals): Array<(...args: unknown[]) => void> {
  try {
    return process.listeners(signal) as Array<(...args: unknown[]) => void>;
  } catch {
    return [];
  }
}
