/**
 * The real `b2c cp` binary (bin/b2c.js → dist/cli.js) as a measured child process. Credentials go
 * in B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY / B2_ENDPOINT (never argv), and B2C_CONFIG_DIR is a
 * temp dir so no saved profile, setting or queue file of the user changes the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { b2cBin } from './paths.js';
import type { ServerAccess, TransferSettings } from './settings.js';

/** null when `b2c cp --help` works; else why the cp comparisons are skipped. */
export function b2cCpUnavailable(): string | null {
  const r = spawnSync(process.execPath, [b2cBin(), 'cp', '--help'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return null;
  const why =
    `${r.stderr}${r.stdout}`
      .trim()
      .split('\n')
      .find((l) => l.trim() !== '') ?? `exit ${String(r.status)}`;
  return `\`b2c cp --help\` failed (${why.slice(0, 160)})`;
}

/** Environment for `b2c cp` against `server`, with its own config dir under `workDir`. */
export function b2cEnv(server: ServerAccess, workDir: string): NodeJS.ProcessEnv {
  const configDir = join(workDir, 'b2c-config');
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  return {
    ...process.env,
    B2_APPLICATION_KEY_ID: server.keyId,
    B2_APPLICATION_KEY: server.key,
    B2_ENDPOINT: server.endpoint,
    B2C_CONFIG_DIR: configDir,
  };
}

/**
 * Flags that give `b2c cp` the run's part size (the same parts as rclone's); everything else is
 * b2c's default (files and parts at once, and the adaptive mode that raises them).
 */
export function b2cCpFlags(s: TransferSettings): string[] {
  return ['--part-size', String(s.partSize)];
}

/** argv (after `node`) for `b2c cp [-r] SRC DST` with the run's settings. */
export function b2cCpArgs(src: string, dst: string, s: TransferSettings, recursive: boolean): string[] {
  return [b2cBin(), 'cp', ...(recursive ? ['-r'] : []), src, dst, ...b2cCpFlags(s)];
}
