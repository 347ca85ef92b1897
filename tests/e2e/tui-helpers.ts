/**
 * Helpers for the TUI end-to-end tests: start `b2c --demo` in a pty inside a temp folder, wait
 * for the screen, and read text attributes from the raw output.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, spawnB2c, type PtySession, type SpawnOptions } from './pty-harness.js';

export interface DemoRun {
  s: PtySession;
  /** The temp folder the binary runs in (the left pane). */
  cwd: string;
  close(): Promise<void>;
}

/** Runs `b2c --demo ...args` in a fresh temp folder prepared by `prepare`. */
export async function startDemo(
  args: string[] = [],
  options: SpawnOptions & { prepare?: (cwd: string) => Promise<void> } = {},
): Promise<DemoRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'b2c-e2e-'));
  await options.prepare?.(cwd);
  // The harness sets CI=false, and chalk takes any CI variable as "no colour support" (b2c then
  // draws its mono theme): FORCE_COLOR keeps the colours a user's terminal shows.
  const env = { FORCE_COLOR: '2', ...options.env };
  return running(spawnB2c(['--demo', ...args], { ...options, cwd, env }), cwd, []);
}

/** A run of `s` in `cwd`; closing it ends the process and removes `cwd` and `dirs`. */
function running(s: PtySession, cwd: string, dirs: readonly string[]): DemoRun {
  return {
    s,
    cwd,
    async close() {
      s.kill();
      await s.exited;
      for (const dir of [cwd, ...dirs]) await rm(dir, { recursive: true, force: true });
    },
  };
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

/**
 * Starts b2c (not `--demo`) signed in through B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY /
 * B2_ENDPOINT with an empty config dir, at 120×30, in a temp folder prepared by `prepare`.
 */
export async function startSignedIn(
  key: { applicationKeyId: string; applicationKey: string; endpoint: string },
  prepare: (cwd: string) => Promise<void> = async () => {},
): Promise<DemoRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'b2c-e2e-keys-'));
  const config = await mkdtemp(join(tmpdir(), 'b2c-e2e-cfg-'));
  await prepare(cwd);
  const s = spawnB2c([], {
    cols: 120,
    rows: 30,
    cwd,
    env: {
      FORCE_COLOR: '2',
      B2_APPLICATION_KEY_ID: key.applicationKeyId,
      B2_APPLICATION_KEY: key.applicationKey,
      B2_ENDPOINT: key.endpoint,
      B2C_CONFIG_DIR: config,
    },
  });
  return running(s, cwd, [config]);
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

/** Rows of the right pane's list at 120 columns (columns 61…119): no titles, footer, status line or key bar. */
export function rightRows(text: string): string[] {
  return text
    .split('\n')
    .slice(3, -5)
    .map((l) => l.slice(61, 119));
}
