/**
 * b2c never waits on the network without bound (README, "Network timeouts"): against a proxy
 * that holds one kind of request, `ls`, `cp` and `rm` (in-process, tests/support/cli.ts) end with
 * exit 3 ("B2 unreachable") and a sentence saying what, where and how long — within two silence
 * bounds plus the backoff between the tries. B2C_NETWORK_TIMEOUT shortens the bound to 0.5 s.
 * The real process against a black hole and a stalled download: tests/e2e/cli-process.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import {
  SHORT_NETWORK_BOUND_MS,
  SHORT_NETWORK_TIMEOUT_S,
  startStallProxy,
  startUnacceptingListener,
  timed,
  type StallRule,
} from '../support/net-faults.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;
useCliServer({ partSize: 64 * 1024 }, (server) => (s = server));

/** The documented bound with a 0.5 s silence (see net-faults.ts). Before the fix: forever. */
const BOUND_MS = SHORT_NETWORK_BOUND_MS;

/** Runs b2c through `endpoint` with the short bound; returns the result and how long it took. */
function timedRun(args: string[], endpoint: string): Promise<CliRun & { ms: number }> {
  return timed(() =>
    runCli(args, { env: { ...s.env(), B2_ENDPOINT: endpoint, B2C_NETWORK_TIMEOUT: String(SHORT_NETWORK_TIMEOUT_S) } }),
  );
}

async function viaStall<T>(rule: StallRule, body: (endpoint: string) => Promise<T>): Promise<T> {
  const proxy = await startStallProxy(s.emu.endpoint, rule);
  try {
    return await body(proxy.endpoint);
  } finally {
    await proxy.close();
  }
}

const call = (name: string) => (path: string) => path.includes(name);

describe.concurrent('b2c against a server that stops answering', () => {
  it('ls b2:// against a port whose connections never complete: exit 3, "could not connect", within the bound', async () => {
    const listener = await startUnacceptingListener();
    try {
      const r = await timedRun(['ls', 'b2://'], listener.endpoint);
      expect([r.code, r.stdout, r.stderr]).toEqual([
        3,
        '',
        `b2c ls: Cannot reach B2 at ${listener.endpoint.slice(7)}: signing in could not connect within 0.5 s (tried 2 times).\n`,
      ]);
      expect(r.ms).toBeLessThan(BOUND_MS);
    } finally {
      await listener.close();
    }
  });

  it('ls of a bucket whose listing call is never answered: exit 3', async () => {
    const r = await viaStall({ match: call('b2_list_file_names'), at: 'request' }, (endpoint) =>
      timedRun(['ls', `b2://${s.bucket}`], endpoint),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^b2c ls: B2 at 127\.0\.0\.1:\d+ sent no data for 0\.5 s during b2_list_file_names of "\/cli-[0-9a-f]+" \(tried 2 times\)\.\n$/,
    );
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('rm --dry-run whose listing is never answered: exit 3', async () => {
    const r = await viaStall({ match: call('b2_list_file_names'), at: 'request' }, (endpoint) =>
      timedRun(['rm', '-r', '--dry-run', `b2://${s.bucket}/x/`], endpoint),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('sent no data for 0.5 s during b2_list_file_names');
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('cp upload whose body the server stops reading: exit 3, the file failed as unreachable', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'up.bin'), randomBytes(20_000));
    const r = await viaStall({ match: call('b2_upload_file'), at: 'request-body', afterBytes: 1000 }, (endpoint) =>
      timedRun(['cp', '--json', join(dir, 'up.bin'), `b2://${s.bucket}/stalled/`], endpoint),
    );
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      results: Array<{ state: string; error: { kind: string; detail: string } | null }>;
    };
    expect(doc.ok).toBe(false);
    expect(doc.results).toEqual([
      expect.objectContaining({ state: 'failed', error: expect.objectContaining({ kind: 'unreachable' }) }),
    ]);
    expect(doc.results[0]?.error?.detail).toMatch(
      /^B2 at 127\.0\.0\.1:\d+ sent no data for 0\.5 s during b2_upload_file of "\/cli-[0-9a-f]+\/stalled\/up\.bin" \(tried 2 times\)\.$/,
    );
    expect(r.stderr).toContain('b2c cp: stopped: B2 at 127.0.0.1:');
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  // Alone: the longest of the file, the nearest its bound, and the others' work would delay its timers.
  it.sequential('cp of many files to a silent server cancels what has not started instead of waiting for each', async () => {
    const dir = tempDir();
    for (let i = 0; i < 8; i++) await writeFile(join(dir, `f${i}.txt`), `file ${i}`);
    const r = await viaStall({ match: call('b2_upload_file'), at: 'request' }, (endpoint) =>
      timedRun(['cp', '-r', '--json', '--concurrency', '2', dir, `b2://${s.bucket}/many/`], endpoint),
    );
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { totals: { files: number; failed: number; cancelled: number; done: number } };
    expect(doc.totals.files).toBe(8);
    expect(doc.totals.done).toBe(0);
    expect(doc.totals.failed + doc.totals.cancelled).toBe(8);
    expect(doc.totals.cancelled).toBeGreaterThan(0);
    expect(r.stderr).toMatch(
      /b2c cp: stopped: B2 at 127\.0\.0\.1:\d+ sent no data for 0\.5 s during b2_upload_file of "[^"]+" \(tried 2 times\)\. \d+ not started (was|were) cancelled\.\n$/,
    );
    expect(r.ms).toBeLessThan(BOUND_MS);
  });
});
