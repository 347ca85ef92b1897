/**
 * `cp` and `rm` in a real terminal (a pseudo-terminal, node-pty): cli-progress bars (a bar per
 * file and a total), a real Ctrl+C that cancels a transfer in flight, keeps nothing partial and
 * exits 130, and `rm` asking before it removes anything. A proxy holds a download part-way, so
 * "in flight" needs no timing. Without a terminal: tests/commands/progress.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { everything } from '../support/disk.js';
import { isDownload, startStallProxy } from '../support/net-faults.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { KEYS, spawnB2c } from './pty-harness.js';

const tempDir = useTempDirs('b2c-e2e-');
const BIG = 4 * 1024 * 1024;
const HELD_AFTER = 256 * 1024;
let s: CliServer;
useCliServer({}, (server) => (s = server));

beforeAll(async () => {
  await s.upload('big.bin', randomBytes(BIG));
});

describe('progress in a terminal', () => {
  it('shows a bar per file and a total; Ctrl+C cancels, leaves nothing, exits 130', async () => {
    const proxy = await startStallProxy(s.emu.endpoint, {
      match: isDownload,
      at: 'response-body',
      afterBytes: HELD_AFTER,
      times: 1,
    });
    const dir = tempDir();
    try {
      const term = spawnB2c(['cp', `b2://${s.bucket}/big.bin`, `${dir}/`], {
        env: { ...s.env(), B2_ENDPOINT: proxy.endpoint },
      });
      await proxy.firstHold;
      // The held download shows part-way: a bar for the file and a total, with the same bytes
      // (how many depends on how the local disk writer batches; never all of them).
      const fileBar = /big\.bin\s+\[=*-+\]\s+(\d+)%\s+([\d.]+ KiB)\/4\.0 MiB/;
      const totalBar = /Total \[=*-+\]\s+(\d+)%\s+0\/1 files\s+([\d.]+ KiB)\/4\.0 MiB/;
      const screen = await term.waitFor((t) => fileBar.test(t) && totalBar.test(t) && !/\b0\.0 KiB\//.test(t));
      expect(fileBar.exec(screen)?.slice(1)).toEqual(totalBar.exec(screen)?.slice(1));
      // Every line fits an 80-column terminal, with room for the "^C" echo.
      expect(term.screen().every((l) => l.length <= 77)).toBe(true);
      term.write(KEYS.ctrlC);
      expect(await term.exited).toBe(130);
      expect(await term.waitFor((t) => t.includes('interrupted'))).toContain('interrupted');
      expect(term.text()).not.toContain('Total [');
      expect(await everything(dir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('rm asks first on a terminal: "n" keeps the file, "y" removes it', async () => {
    await s.upload('ask/me.txt', 'keep?');
    const no = spawnB2c(['rm', `b2://${s.bucket}/ask/me.txt`], { env: s.env() });
    await no.waitFor((t) => t.includes('Go ahead? [y/N]'));
    expect(no.text()).toContain(`delete the newest version of b2://${s.bucket}/ask/me.txt`);
    no.write('n\r');
    expect(await no.exited).toBe(0);
    expect(no.text()).toContain('Nothing was removed.');
    expect((await s.read('ask/me.txt')).toString()).toBe('keep?');

    const yes = spawnB2c(['rm', '-r', `b2://${s.bucket}/ask`], { env: s.env() });
    await yes.waitFor((t) => t.includes('Go ahead? [y/N]'));
    expect(yes.text()).toContain(`b2://${s.bucket}/ask/ and everything in it`);
    yes.write('y\r');
    expect(await yes.exited).toBe(0);
    expect(await s.versions('ask/me.txt')).toEqual([]);
  });
});
