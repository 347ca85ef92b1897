/**
 * Helpers for the TUI end-to-end tests: start `b2c --demo` in a pty inside a temp folder, wait
 * for the screen, and read text attributes from the raw output.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { KEYS, spawnB2c, type PtySession, type SpawnOptions } from './pty-harness.js';

export interface DemoRun {
  s: PtySession;
  /** The temp folder the binary runs in (the left pane). */
  cwd: string;
  close(): Promise<void>;
}

/** How a run starts: its temp folder is prepared by `prepare` before b2c starts in it. */
type RunOptions = SpawnOptions & { prepare?: (cwd: string) => Promise<void> };

/**
 * Runs `b2c ...args` in a fresh temp folder, with an empty config dir of its own when `ownConfig`;
 * `close` ends it and removes both, and runs by itself when the calling test ends. The harness
 * sets CI=false, and chalk takes any CI variable as "no colour support" (b2c then draws its mono
 * theme): FORCE_COLOR keeps the colours a user's terminal shows.
 */
async function startIn(args: string[], options: RunOptions, ownConfig: boolean): Promise<DemoRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'b2c-e2e-'));
  const config = ownConfig ? await mkdtemp(join(tmpdir(), 'b2c-e2e-cfg-')) : null;
  await options.prepare?.(cwd);
  const env = { FORCE_COLOR: '2', ...options.env, ...(config === null ? {} : { B2C_CONFIG_DIR: config }) };
  const s = spawnB2c(args, { ...options, cwd, env });
  let closed: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      s.kill();
      await s.exited;
      await rm(cwd, { recursive: true, force: true });
      if (config !== null) await rm(config, { recursive: true, force: true });
    })());
  // Also when the test ends without closing it (a failure, or a test that only kills the process):
  // its folders are not left behind.
  onTestFinished(close);
  return { s, cwd, close };
}

/** Ends every session given that is still there (SIGKILL) and waits until each has exited. */
export async function killAll(sessions: Iterable<PtySession | null>): Promise<void> {
  for (const s of sessions) {
    if (s === null) continue;
    s.kill('SIGKILL');
    await s.exited;
  }
}

/** Runs `b2c --demo ...args` in a fresh temp folder prepared by `prepare`. */
export function startDemo(args: string[] = [], options: RunOptions = {}): Promise<DemoRun> {
  return startIn(['--demo', ...args], options, false);
}

/**
 * Runs `b2c` (the file manager) signed in through `env` (B2_APPLICATION_KEY_ID / _KEY /
 * B2_ENDPOINT) in a fresh temp folder, with an empty config dir of its own unless `env` names one.
 */
export function startSignedIn(env: Record<string, string>, options: RunOptions = {}): Promise<DemoRun> {
  return startIn([], { ...options, env: { ...options.env, ...env } }, env.B2C_CONFIG_DIR === undefined);
}

/**
 * Whether the first letter of `label` (e.g. `8Delete`) on the function-key bar (the last screen
 * row holding it) is drawn dim, as the terminal shows it.
 */
export function barLabelIsDim(s: PtySession, label: string): boolean {
  const rows = s.screen();
  const y = rows.findLastIndex((l) => l.includes('10') && l.includes(label));
  if (y < 0) throw new Error(`"${label}" is not on the function-key bar:\n${rows.join('\n')}`);
  const x = (rows[y] ?? '').lastIndexOf(label) + 1;
  return s.cell(x, y).dim;
}

/** Waits until the screen contains every string. */
export function see(s: PtySession, ...texts: string[]): Promise<string> {
  return s.waitFor((t) => texts.every((x) => t.includes(x)));
}

/**
 * Filters the active pane to `name` (Ctrl+U first clears an earlier filter), keeps the filter,
 * and puts the cursor on the last row. No Esc: a lone ESC followed quickly by another key reads
 * as Alt+key, as on any terminal.
 */
export async function cursorTo(r: DemoRun, name: string): Promise<void> {
  r.s.write(`/\x15${name}`);
  await see(r.s, `Filter: ${name}`);
  r.s.write(KEYS.enter);
  await r.s.waitFor(
    (t) =>
      !t.includes('Filter:') &&
      t
        .split('\n')
        .slice(3, -5)
        .some((l) => l.includes(` ${name}`)),
  );
  r.s.write(KEYS.end);
}

/**
 * The environment that signs b2c in to a test server with its master key (no profile, no colour),
 * its config in `configDir`.
 */
export function serverEnv(
  emu: { masterKeyId: string; masterKey: string; endpoint: string },
  configDir: string,
): Record<string, string> {
  return {
    B2_APPLICATION_KEY_ID: emu.masterKeyId,
    B2_APPLICATION_KEY: emu.masterKey,
    B2_ENDPOINT: emu.endpoint,
    B2C_CONFIG_DIR: configDir,
    NO_COLOR: '1',
  };
}

/** Opens bucket `bucket` from the bucket list in the active pane, then folder `folder` in it. */
export async function openFolder(r: DemoRun, bucket: string, folder?: string): Promise<void> {
  await see(r.s, bucket);
  await cursorTo(r, bucket);
  r.s.write(KEYS.enter);
  await see(r.s, `b2://${bucket}/`);
  if (folder === undefined) return;
  await cursorTo(r, folder);
  r.s.write(KEYS.enter);
  await see(r.s, `b2://${bucket}/${folder}/`);
}

/** F9 and a typed location, then waits for the pane title. */
export async function go(s: PtySession, url: string): Promise<void> {
  s.write(KEYS.f9);
  await see(s, 'Go to');
  s.write(`\x15${url}`);
  await see(s, url);
  s.write(KEYS.enter);
  // The pane title may be shortened in the middle: its last folder is what shows for sure.
  const last = url.replace(/\/$/, '').split('/').pop() ?? url;
  await s.waitFor((t) => !t.includes('Go to') && t.includes(`${last}/`));
}

/** Rows of the right pane's list at 120 columns (columns 61…119): no titles, footer, status, bar. */
export function rightRows(text: string): string[] {
  return text
    .split('\n')
    .slice(3, -5)
    .map((l) => l.slice(61, 119));
}
