/**
 * rclone as the reference client: an on-the-fly `:b2:` remote pointed at the built-in server,
 * credentials in RCLONE_B2_* environment variables (never on the command line, where `ps` shows
 * them), an empty config file so a user's own rclone.conf cannot change the comparison.
 *
 * Settings map: --b2-chunk-size = part size, --b2-upload-cutoff = part size, --transfers = files
 * at once (rclone 1.60 also uses it as the number of chunks of one large file in flight, so it is
 * set to the larger of the two). Downloads keep rclone's default --multi-thread-streams (4 streams
 * for files over 250 MiB), which b2c does not have (one stream per file): printed in the report.
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

/** Flags that give rclone the run's settings (see the module comment). */
export function rcloneFlags(s: TransferSettings): string[] {
  return [
    '--transfers',
    String(Math.max(s.concurrency, s.partConcurrency)),
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
  return `${rcloneFlags(s).slice(0, 6).join(' ')} (--multi-thread-streams default 4 above 250 MiB)`;
}
