/**
 * Runs the real rclone (Debian's 1.60.x) against the emulator. Credentials live in a private
 * temp config file, never on the command line (they would show in `ps`), and HOME/XDG dirs point
 * into the temp dir so the test never touches the user's ~/.config/rclone or caches.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when an `rclone` binary is on the PATH. */
export function rcloneAvailable(): boolean {
  const r = spawnSync('rclone', ['version'], { encoding: 'utf8' });
  return r.status === 0 && /^rclone v/m.test(r.stdout);
}

/** Why the suite cannot run; .ci/run installs rclone, so CI always runs it. */
export const RCLONE_MISSING = 'rclone is not on the PATH (install it with `apt-get install rclone`; .ci/run does)';

/** One `[name]` section of type b2 in the temp config. */
export interface Remote {
  name: string;
  keyId: string;
  key: string;
}

/** Result of one rclone run. */
export interface RcloneResult {
  code: number | null;
  /** stdout as UTF-8 text. */
  stdout: string;
  /** stdout as bytes (for `cat` of binary data). */
  bytes: Buffer;
  stderr: string;
}

/** An rclone bound to one temp config dir. */
export interface Rclone {
  /** The temp dir (config, HOME); also a scratch area for the test. */
  dir: string;
  /** Runs `rclone --config … --low-level-retries 3 --retries 1 ...args` (flags in args win). */
  run(args: string[], input?: Buffer): Promise<RcloneResult>;
  /** Like run() but throws with rclone's stderr unless it exits 0; returns stdout. */
  ok(args: string[], input?: Buffer): Promise<string>;
  /** Adds or replaces remotes in the config file. */
  setRemotes(remotes: Remote[]): Promise<void>;
  /** Removes the temp dir. */
  cleanup(): Promise<void>;
}

/**
 * Creates a temp config with `remotes` (all pointing at `endpoint`) and returns a runner.
 * Low retry counts keep failures quick; tests that rely on retries pass their own.
 */
export async function makeRclone(endpoint: string, remotes: Remote[]): Promise<Rclone> {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-rclone-'));
  const config = join(dir, 'rclone.conf');
  const all = new Map<string, Remote>();
  const setRemotes = async (list: Remote[]): Promise<void> => {
    for (const r of list) all.set(r.name, r);
    const text = [...all.values()]
      .map((r) => `[${r.name}]\ntype = b2\naccount = ${r.keyId}\nkey = ${r.key}\nendpoint = ${endpoint}\n`)
      .join('\n');
    await writeFile(config, text, { mode: 0o600 });
    await chmod(config, 0o600);
  };
  await setRemotes(remotes);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    RCLONE_CONFIG: config,
    TMPDIR: dir,
    // lsl prints local times; UTC makes them comparable with the fixed test mtimes.
    TZ: 'UTC',
  };
  const run = (args: string[], input?: Buffer): Promise<RcloneResult> =>
    new Promise((resolve, reject) => {
      const child = spawn('rclone', ['--config', config, '--low-level-retries', '3', '--retries', '1', ...args], {
        env,
        stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => out.push(c));
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      child.once('error', reject);
      child.once('close', (code) => {
        const bytes = Buffer.concat(out);
        resolve({ code, stdout: bytes.toString('utf8'), bytes, stderr });
      });
      if (input) child.stdin?.end(input);
    });
  return {
    dir,
    run,
    async ok(args, input) {
      const r = await run(args, input);
      if (r.code !== 0) throw new Error(`rclone ${args.join(' ')} exited ${String(r.code)}:\n${r.stderr}`);
      return r.stdout;
    },
    setRemotes,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Non-empty lines of rclone output. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}
