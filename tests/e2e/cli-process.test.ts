/**
 * The built binary as a shell runs it, with pipes: what only a real process shows — its exit
 * status (help, a usage error), one `cp` up, `ls`, `cp` down and `rm` against the built-in
 * server, and that it ends with exit 3 when B2 stops answering (a black hole while signing in,
 * a download whose body stops) within the network bound, leaving nothing behind. Everything else
 * about the commands runs in-process: tests/commands.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runB2c, startB2c, type RunResult } from '../support/binary.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { sha1 } from '../support/hash.js';
import {
  isDownload,
  SHORT_NETWORK_BOUND_MS,
  SHORT_NETWORK_TIMEOUT_S,
  startBlackHole,
  startStallProxy,
  timed,
} from '../support/net-faults.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-e2e-');
let s: CliServer;
useCliServer({ partSize: 64 * 1024 }, (server) => (s = server));

/** 2 silent tries of 0.5 s and the backoff between them, plus starting node (see net-faults.ts). */
const BOUND_MS = SHORT_NETWORK_BOUND_MS;

/** Runs the binary with the short network bound; returns the result and how long it took. */
function timedRun(args: string[], endpoint: string): Promise<RunResult & { ms: number }> {
  return timed(() =>
    runB2c(args, { env: { ...s.env(), B2_ENDPOINT: endpoint, B2C_NETWORK_TIMEOUT: String(SHORT_NETWORK_TIMEOUT_S) } }),
  );
}

describe.concurrent('b2c as a process', () => {
  it('--help exits 0; a usage error exits 64 with the message and the help', async () => {
    const help = await runB2c(['--help'], { env: {} });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('b2c ls URL');
    const bad = await runB2c(['ls', '--bogus', 'b2://x'], { env: {} });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^b2c ls: Unknown option "--bogus"/);
    expect(bad.stderr).toContain('Usage: b2c ls URL [options]');
  });

  it('cp up, ls, cp down and rm against the server: the same bytes, then gone', async () => {
    const dir = tempDir();
    const data = randomBytes(200_000);
    await writeFile(join(dir, 'round.bin'), data);
    const up = await runB2c(['cp', join(dir, 'round.bin'), `b2://${s.bucket}/e2e/`], { env: s.env() });
    expect([up.code, up.stderr]).toEqual([0, '']);
    expect(sha1(await s.read('e2e/round.bin'))).toBe(sha1(data));
    const ls = await runB2c(['ls', '-l', `b2://${s.bucket}/e2e/`], { env: s.env() });
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain(`${sha1(data)}  round.bin`);
    const back = tempDir();
    const down = await runB2c(['cp', `b2://${s.bucket}/e2e/round.bin`, `${back}/`], { env: s.env() });
    expect(down.code).toBe(0);
    expect(sha1(await readFile(join(back, 'round.bin')))).toBe(sha1(data));
    const rm = await runB2c(['rm', `b2://${s.bucket}/e2e/round.bin`], { env: s.env() });
    expect(rm.code).toBe(0);
    expect(await s.versions('e2e/round.bin')).toEqual([]);
  });

  it('a failed upload of a file hashed in worker threads still ends on its own: exit 1 within 20 s', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'big.bin'), randomBytes(3 * 1024 * 1024));
    const run = startB2c(['cp', join(dir, 'big.bin'), 'b2://no-such-bucket-here/big.bin'], { env: s.env() });
    let bound: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      run.done,
      new Promise<null>((resolve) => (bound = setTimeout(resolve, 20_000, null))),
    ]);
    clearTimeout(bound);
    if (ended === null) run.child.kill('SIGKILL');
    expect(ended?.code).toBe(1);
    expect(ended?.stderr).toContain('no-such-bucket-here');
  });

  it('ls b2:// against a black hole: exit 3, where and how long, within the bound', async () => {
    const hole = await startBlackHole();
    try {
      const r = await timedRun(['ls', 'b2://'], hole.endpoint);
      expect([r.code, r.stdout, r.stderr]).toEqual([
        3,
        '',
        `b2c ls: Cannot reach B2 at ${hole.endpoint.slice(7)}: signing in sent no answer for 0.5 s (tried 2 times).\n`,
      ]);
      expect(r.ms).toBeLessThan(BOUND_MS);
    } finally {
      await hole.close();
    }
  });

  it('cp download whose body stops in the middle: exit 3, nothing left in the target folder', async () => {
    await s.upload('stalled/down.bin', randomBytes(300_000));
    const dir = tempDir();
    const proxy = await startStallProxy(s.emu.endpoint, { match: isDownload, at: 'response-body', afterBytes: 20_000 });
    try {
      const r = await timedRun(['cp', `b2://${s.bucket}/stalled/down.bin`, `${dir}/`], proxy.endpoint);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(
        /sent no data for 0\.5 s during b2_download_file_by_name of "\/cli-[0-9a-f]+\/stalled\/down\.bin" \(tried 2 times\)/,
      );
      expect(await readdir(dir)).toEqual([]);
      expect(r.ms).toBeLessThan(BOUND_MS);
    } finally {
      await proxy.close();
    }
  });
});
