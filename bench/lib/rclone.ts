/**
 * rclone as the reference client: an on-the-fly `:b2:` remote pointed at the built-in server,
 * credentials in RCLONE_B2_* environment variables (never on the command line, where `ps` shows
 * them), an empty config file so a user's own rclone.conf cannot change the comparison.
 *
 * Settings map: --b2-chunk-size = part size, --b2-upload-cutoff = part size (so both tools cut a
 * file into the same parts). rclone runs twice per case, at its default `--transfers 4` and at
 * `--transfers 16` (rclone's docs call 4 "definitely too low" for B2; 1.60 also uses it for the
 * chunks of one large file in flight), and its better time is the one b2c is compared with.
 * Downloads keep rclone's default --multi-thread-streams (4 streams for files over 250 MiB).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerAccess, TransferSettings } from './settings.js';

/** rclone's version line, or null when rclone is not on the PATH. */
export function rcloneVersion(): string | null {
  const r = spawnSync('rclone', ['version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout.split('\n')[0]?.trim() ?? null;
}

/** `:b2:bucket/path` */
export function rcloneRemote(bucket: string, path: string): string {
  return `:b2:${bucket}/${path}`;
}

/** Environment for rclone: the server's credentials and an empty config in `workDir`. */
export function rcloneEnv(server: ServerAccess, workDir: string): NodeJS.ProcessEnv {
  const config = join(workDir, 'rclone.conf');
  writeFileSync(config, '');
  return {
    ...process.env,
    RCLONE_CONFIG: config,
    RCLONE_B2_ACCOUNT: server.keyId,
    RCLONE_B2_KEY: server.key,
    RCLONE_B2_ENDPOINT: server.endpoint,
  };
}

/** The `--transfers` values rclone is run with; the first is its default. */
export const RCLONE_TRANSFERS = [4, 16] as const;

/** The tool name of one rclone variant in the report. */
export function rcloneTool(transfers: number): string {
  return transfers === RCLONE_TRANSFERS[0] ? 'rclone' : `rclone t${transfers}`;
}

/** Flags that give rclone the run's settings and `transfers` (see the module comment). */
export function rcloneFlags(s: TransferSettings, transfers: number): string[] {
  return [
    '--transfers',
    String(transfers),
    '--b2-chunk-size',
    `${s.partSize}B`,
    '--b2-upload-cutoff',
    `${s.partSize}B`,
    '--stats',
    '0',
    '-q',
  ];
}

/** The flags as the report prints them. */
export function describeRcloneFlags(s: TransferSettings): string {
  const rest = rcloneFlags(s, RCLONE_TRANSFERS[0]).slice(2, 6).join(' ');
  return `${rest}, --transfers ${RCLONE_TRANSFERS.join(' and ')} (the better one counts; --multi-thread-streams default 4 above 250 MiB)`;
}
