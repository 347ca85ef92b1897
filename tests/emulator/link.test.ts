/**
 * The simulated link (`--latency`, `--bandwidth`; src/emulator/http/link.ts), measured from a client
 * over real HTTP. Only lower bounds on time are asserted (a loaded machine is only ever slower):
 * N requests one after another at 50 ms latency take at least N × 50 ms, and 1 MB at 1 MB/s
 * takes about a second in each direction; the bytes arrive intact.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { runCli, startCli } from '../support/cli.js';
import { until } from '../support/poll.js';
import { makeBucket, put, sha1, start, tokenFor } from './helpers.js';

const MB = 1_000_000;

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** Deterministic bytes (no randomness in tests). */
function bytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  return b;
}

describe('simulated link', () => {
  test('latency: every request waits before its answer, so 5 in a row take at least 5 × 50 ms', async () => {
    emu = await start({ latencyMs: 50 });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await tokenFor(emu);
      times.push(performance.now() - t0);
    }
    for (const t of times) expect(t).toBeGreaterThanOrEqual(49);
    expect(times.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5 * 49);
  });

  test('bandwidth: 1 MB up and 1 MB down at 1 MB/s per connection take about a second each, bytes intact', async () => {
    emu = await start({ bandwidth: MB });
    const token = await tokenFor(emu);
    const bucketId = await makeBucket(emu, token, 'slow-link');
    const data = bytes(MB);

    const up0 = performance.now();
    const file = await put(emu, token, bucketId, 'one-mb.bin', data);
    const upMs = performance.now() - up0;
    expect(file.contentSha1).toBe(sha1(data));
    expect(upMs).toBeGreaterThanOrEqual(950);

    const down0 = performance.now();
    const res = await fetch(`${emu.endpoint}/file/slow-link/one-mb.bin`, { headers: { Authorization: token } });
    const got = Buffer.from(await res.arrayBuffer());
    const downMs = performance.now() - down0;
    expect(res.status).toBe(200);
    expect(sha1(got)).toBe(sha1(data));
    expect(downMs).toBeGreaterThanOrEqual(950);
  });

  test('both together: a keep-alive connection carries many requests, each slowed', async () => {
    emu = await start({ latencyMs: 20, bandwidth: 10 * MB });
    const token = await tokenFor(emu);
    const bucketId = await makeBucket(emu, token, 'both-link');
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await put(emu, token, bucketId, `f${i}`, bytes(1000 + i));
    // get_upload_url and the upload: two requests per file.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(6 * 19);
  });
});

describe('b2c emulator --latency / --bandwidth', () => {
  test('starts with a link and says so; refuses bad values with exit 64', async () => {
    const ok = startCli(['emulator', '--port', '0', '--latency', '40', '--bandwidth', '50000000']);
    await until(() => ok.stdout().includes('\n'), 'the ready line');
    const ready = JSON.parse(ok.stdout().split('\n')[0] ?? '') as { endpoint: string };
    const t0 = performance.now();
    expect((await fetch(`${ready.endpoint}/b2api/v4/b2_authorize_account`)).status).toBe(401);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(39);
    ok.interrupt('SIGTERM');
    expect((await ok.done).code).toBe(0);
    expect(ok.stderr()).toContain('link: 40 ms latency, 50000000 B/s per connection');
    for (const bad of [
      ['--latency', '-1'],
      ['--latency', 'soon'],
      ['--bandwidth', '0'],
    ]) {
      const r = await runCli(['emulator', '--port', '0', ...bad]);
      expect([bad.join(' '), r.code]).toEqual([bad.join(' '), 64]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--${(bad[0] ?? '').slice(2)}`);
    }
  });
});
