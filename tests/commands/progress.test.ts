/**
 * How `cp` reports progress when stdout is not a terminal (one plain line per finished file and
 * a summary), and that an interrupt (as Ctrl+C delivers it) cancels a transfer in flight, keeps
 * nothing partial and ends with 130. A proxy holds a download part-way, so "in flight" needs no
 * timing. Bars in a real terminal, a real Ctrl+C and rm's question: tests/e2e/cli-terminal.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { everything } from '../support/disk.js';
import { isDownload, startStallProxy } from '../support/net-faults.js';
import { until } from '../support/poll.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-cli-');
const BIG = 4 * 1024 * 1024;
const HELD_AFTER = 256 * 1024;
let s: CliServer;
useCliServer({}, (server) => (s = server));

beforeAll(async () => {
  await s.upload('big.bin', randomBytes(BIG));
});

describe('progress without a terminal', () => {
  it('prints one plain line per finished file and a summary, no escape sequences', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'p1.txt'), 'one');
    await writeFile(join(dir, 'p2.txt'), 'two!');
    const r = await runCli(['cp', join(dir, 'p1.txt'), join(dir, 'p2.txt'), `b2://${s.bucket}/plain/`], {
      env: s.env(),
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.slice(0, 2).sort()).toEqual([
      `uploaded ${join(dir, 'p1.txt')} -> b2://${s.bucket}/plain/p1.txt (3 B)`,
      `uploaded ${join(dir, 'p2.txt')} -> b2://${s.bucket}/plain/p2.txt (4 B)`,
    ]);
    expect(lines[2]).toBe('2 files copied (7 B), 0 skipped, 0 failed.');
    expect(r.stdout.includes('\u001b') || r.stdout.includes('\r')).toBe(false);
  });

  it('SIGINT cancels a download in flight: exit 130, no partial file left', async () => {
    const proxy = await startStallProxy(s.emu.endpoint, {
      match: isDownload,
      at: 'response-body',
      afterBytes: HELD_AFTER,
      times: 1,
    });
    const dir = tempDir();
    try {
      const run = startCli(['cp', `b2://${s.bucket}/big.bin`, `${dir}/`], {
        env: { ...s.env(), B2_ENDPOINT: proxy.endpoint },
      });
      await proxy.firstHold;
      // The download is being written to a temporary file beside the target.
      await until(async () => (await everything(dir)).length > 0, 'the temporary file');
      run.interrupt('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('interrupted');
      expect(await everything(dir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
