/**
 * Shared set-up of the rclone compatibility files: one built-in server (rclone-server.ts) and one
 * rclone config per file, remote `[t]` with the master key. Skips the file with a clear message only
 * when rclone is missing and not in CI (where .ci/run installs it, so missing rclone fails).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { authorize, type B2Session } from './b2-native.js';
import { makeRclone, RCLONE_MISSING, rcloneAvailable, type Rclone } from './rclone-run.js';
import { startCompatServer, type CompatServer } from './rclone-server.js';

const available = rcloneAvailable();
const mustRun = Boolean(process.env.CI);
const MISSING = mustRun
  ? `${RCLONE_MISSING}, and CI is set: the rclone compatibility suite (tests/compat) must run, so it FAILS.`
  : `${RCLONE_MISSING}: the rclone compatibility suite (tests/compat) is SKIPPED.`;
if (!available) process.stderr.write(`${mustRun ? 'ERROR' : 'WARNING'}: ${MISSING}\n`);

/** `describe`, or `describe.skip` when rclone is missing outside CI. */
export const describeRclone: typeof describe = available || mustRun ? describe : (describe.skip as typeof describe);

/** What a compat file gets; fields are set in beforeAll. */
export interface RcloneContext {
  emu: CompatServer;
  rclone: Rclone;
  /** Master-key session on the native API (v2), to inspect the server's state. */
  b2: B2Session;
}

/**
 * Registers beforeAll/afterAll that start the server (with `server` options, e.g. part sizes) and
 * an rclone whose remote `t:` uses the master key. Call inside describeRclone.
 */
export function useRclone(server: { partSize?: number } = {}): RcloneContext {
  const ctx = {} as RcloneContext;
  beforeAll(async () => {
    if (!available) throw new Error(MISSING);
    ctx.emu = await startCompatServer(server);
    ctx.rclone = await makeRclone(ctx.emu.endpoint, [
      { name: 't', keyId: ctx.emu.masterKeyId, key: ctx.emu.masterKey },
    ]);
    ctx.b2 = await authorize(ctx.emu.endpoint, ctx.emu.masterKeyId, ctx.emu.masterKey);
  });
  afterAll(async () => {
    await ctx.emu?.stop();
    await ctx.rclone?.cleanup();
  });
  return ctx;
}

/** rclone 1.60 refuses chunks under 5 MiB, so multipart tests use exactly that size. */
export const CHUNK = 5 * 1024 * 1024;
/**
 * Flags that make rclone upload anything over one chunk as a B2 large file of CHUNK parts.
 * The unit matters: rclone reads a bare number as KiB.
 */
export const MULTIPART_FLAGS = ['--b2-upload-cutoff', '5Mi', '--b2-chunk-size', '5Mi'];
/** Server options matching MULTIPART_FLAGS: parts of exactly CHUNK bytes are the minimum allowed. */
export const SMALL_PART_SERVER = { partSize: CHUNK };
