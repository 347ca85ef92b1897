/**
 * How `cp` and `rm` report progress, through the built binary: plain lines when stdout is not a
 * terminal; cli-progress bars (a bar per file and a total) in a pseudo-terminal; Ctrl+C cancels
 * a transfer in flight, keeps nothing partial and exits 130; `rm` asks on a terminal.
 * A proxy holds a download part-way (progress-proxy.ts), so "in flight" needs no timing.
 */
import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, spawnB2c } from '../e2e/pty-harness.js';
import { cleanup, ensureBuilt, runB2c, startB2c, startServer, tempDir, upload, type Server } from './cli-harness.js';
import { startStallProxy } from './progress-proxy.js';

const made: string[] = [];
const BIG = 4 * 1024 * 1024;
const HELD_AFTER = 256 * 1024;
let s: Server;

beforeAll(async () => {
  ensureBuilt();
  s = await startServer({ configDir: await tempDir(made) });
  await upload(s, 'big.bin', randomBytes(BIG));
}, 60_000);

afterAll(async () => {
  await s.close();
  await cleanup(made);
});

/** Every entry under `dir` (files and folders, dotfiles included), relative. */
async function everything(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** Polls `check` until it holds (rejects after 15 s). */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('progress without a terminal', () => {
  it('prints one plain line per finished file and a summary, no escape sequences', async () => {
    const dir = await tempDir(made);
    await writeFile(join(dir, 'p1.txt'), 'one');
    await writeFile(join(dir, 'p2.txt'), 'two!');
    const r = await runB2c(['cp', join(dir, 'p1.txt'), join(dir, 'p2.txt'), `b2://${s.bucket}/plain/`], { env: s.env() });
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
    const proxy = await startStallProxy(s.emu.endpoint, HELD_AFTER);
    const dir = await tempDir(made);
    const run = startB2c(['cp', `b2://${s.bucket}/big.bin`, `${dir}/`], { env: { ...s.env(), B2_ENDPOINT: proxy.endpoint } });
    await proxy.stalled;
    // The download is being written to a temporary file beside the target.
    await until(async () => (await everything(dir)).length > 0);
    run.child.kill('SIGINT');
    const r = await run.done;
    await proxy.close();
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
    expect(await everything(dir)).toEqual([]);
  });
});

describe('progress in a terminal', () => {
  it('shows a bar per file and a total; Ctrl+C cancels, leaves nothing, exits 130', async () => {
    const proxy = await startStallProxy(s.emu.endpoint, HELD_AFTER);
    const dir = await tempDir(made);
    const term = spawnB2c(['cp', `b2://${s.bucket}/big.bin`, `${dir}/`], { env: { ...s.env(), B2_ENDPOINT: proxy.endpoint } });
    await proxy.stalled;
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
    await proxy.close();
    expect(await term.waitFor((t) => t.includes('interrupted'))).toContain('interrupted');
    expect(term.text()).not.toContain('Total [');
    expect(await everything(dir)).toEqual([]);
  });

  it('rm asks first on a terminal: "n" keeps the file, "y" removes it', async () => {
    await upload(s, 'ask/me.txt', 'keep?');
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
