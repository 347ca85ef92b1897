/**
 * `b2c --demo` end to end: the built binary in a pseudo-terminal, read through a headless
 * terminal emulator, against the built-in server it starts in-process.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoBytes } from '../../src/emulator/index.js';
import { B2C_BIN, KEYS } from './pty-harness.js';
import { barLabelIsDim, cursorTo, see, startDemo, type DemoRun } from './tui-helpers.js';
import { untilValue } from '../support/poll.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('b2c --demo in a terminal', () => {
  it('opens the demo buckets, navigates into a bucket and back, and quits restoring the screen', async () => {
    run = await startDemo();
    const { s } = run;
    await see(s, 'demo-photos', 'demo-backups', 'demo-public', '3 buckets', '10Quit');
    expect(s.isAltScreen()).toBe(true);
    await cursorTo(run, 'demo-photos');
    s.write(KEYS.enter);
    await see(s, 'b2://demo-photos/', 'README.txt', 'docs/');
    await cursorTo(run, 'photos');
    s.write(KEYS.enter);
    await see(s, 'b2://demo-photos/photos/', '2024/', 'cats/');
    s.write(KEYS.backspace);
    await see(s, 'README.txt');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.isAltScreen()).toBe(false);
  });

  it('F8 for the no-delete key offers Hide, with the two delete ways greyed and their reasons', async () => {
    run = await startDemo(['--key', 'no-delete']);
    const { s } = run;
    await see(s, 'demo-photos', '[demo/no-delete]');
    await cursorTo(run, 'demo-photos');
    s.write(KEYS.enter);
    await cursorTo(run, 'README.txt');
    await see(s, 'README.txt');
    // The key may hide, so Delete is not greyed: one of its ways is allowed.
    expect(barLabelIsDim(s, '8Delete')).toBe(false);
    expect(barLabelIsDim(s, '5Copy')).toBe(false);
    s.write(KEYS.f8);
    await see(
      s,
      'How:',
      '(•) Hide',
      'Delete this version — not allowed with this key',
      'Delete all versions — not allowed with this key',
    );
    s.write(KEYS.down);
    await see(s, 'Not allowed: Delete needs the deleteFiles capability');
  });

  it('greys F8 for the read-only key (no way to delete) and says why when it is pressed', async () => {
    run = await startDemo(['--key', 'read-only']);
    const { s } = run;
    await see(s, 'demo-photos', '[demo/read-only]');
    await cursorTo(run, 'demo-photos');
    s.write(KEYS.enter);
    await cursorTo(run, 'README.txt');
    await see(s, 'README.txt');
    expect(barLabelIsDim(s, '8Delete')).toBe(true);
    s.write(KEYS.f8);
    await see(s, 'Hide needs the writeFiles capability');
    expect(s.text()).not.toContain('How:');
  });

  it('P and "save as profile" work on the demo, in memory: a new key opens with F9; nothing is written', async () => {
    run = await startDemo([], { env: { B2C_CONFIG_DIR: 'config-must-not-appear' } });
    const { s } = run;
    await see(s, 'demo-photos', '10Quit');
    s.write('P');
    await see(
      s,
      'Profiles',
      'demo-read-only',
      'demo-prefix',
      'Demo: profiles live in memory only and are forgotten when b2c quits.',
    );
    s.write(KEYS.escape);
    await see(s, '10Quit');
    // K: a new read-only key (the form's default), saved as a profile.
    s.write('K');
    await see(s, 'Application keys', 'read-only');
    s.write('n');
    await see(s, 'New application key');
    s.write('tried');
    await see(s, 'tried');
    s.write(KEYS.enter);
    await see(s, '✓ Created key tried');
    s.write('s');
    await see(s, 'Profile name');
    s.write(KEYS.enter);
    await see(s, 'Saved as profile tried (in memory: the demo forgets it when b2c quits); F9 opens');
    s.write(KEYS.enter);
    await s.waitFor((t) => !t.includes('Saved as profile'));
    s.write(KEYS.escape);
    await see(s, '10Quit');
    // F9 offers it; the last item, one step up from the first.
    s.write(KEYS.f9);
    await see(s, 'B2: tried');
    s.write(KEYS.up);
    s.write(KEYS.enter);
    await see(s, '[tried]', 'demo-photos');
    s.write('I');
    await see(s, 'Key inspector', 'Profile      tried');
    s.write(KEYS.escape);
    await see(s, '10Quit');
    s.write('q');
    expect(await s.exited).toBe(0);
    await expect(readFile(join(run.cwd, 'config-must-not-appear', 'config.json'))).rejects.toThrow();
  });

  it('redraws on resize', async () => {
    run = await startDemo();
    const { s } = run;
    await see(s, 'demo-photos', '10Quit');
    s.resize(120, 30);
    await s.waitFor((t) => (t.split('\n')[0] ?? '').trimEnd().length === 120 && t.includes('10Quit'));
    s.resize(80, 24);
    // The headless terminal reflows the 120-column frame at once; wait for b2c's own redraw
    // (one function-key bar) rather than the first narrow line.
    const oneBar = (x: string): boolean => x.split('\n').filter((l) => l.includes('10Quit')).length === 1;
    const t = await s.waitFor(
      (x) => (x.split('\n')[0] ?? '').trimEnd().length === 80 && oneBar(x) && x.includes('demo-photos'),
    );
    expect(t).toContain('demo-photos');
    expect(t.split('\n').filter((l) => l.includes('10Quit'))).toHaveLength(1);
  });

  it('uploads a local file, downloads it back and downloads a demo file, bytes compared', async () => {
    const payload = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251));
    run = await startDemo([], { prepare: (cwd) => writeFile(join(cwd, 'payload.bin'), payload) });
    const { s, cwd } = run;
    await see(s, 'demo-photos', 'payload.bin');
    await cursorTo(run, 'demo-photos');
    s.write(KEYS.enter);
    await see(s, 'README.txt');
    // Up: from the local folder (left) into the bucket (right).
    s.write(KEYS.tab);
    await cursorTo(run, 'payload.bin');
    s.write(KEYS.f5);
    await see(s, 'Copy payload.bin', 'b2://demo-photos/payload.bin');
    s.write(KEYS.enter);
    await see(s, 'Copy: 1 of 1 file done (68.4 KiB)');
    // Down again under another name: rename it on B2 (copy + hide), then copy it into the local folder.
    s.write(KEYS.tab);
    await cursorTo(run, 'payload.bin');
    s.write(KEYS.f2);
    await see(s, 'New name for payload.bin');
    s.write(`\x15copy.bin${KEYS.enter}`);
    await see(s, 'Rename: 1 of 1 file done');
    await cursorTo(run, 'copy.bin');
    s.write(KEYS.f5);
    await see(s, 'Copy copy.bin');
    s.write(KEYS.enter);
    expect(await waitForFile(join(cwd, 'copy.bin'), payload.length)).toEqual(payload);
    // A file that was on B2 from the start.
    await cursorTo(run, 'photos');
    s.write(KEYS.enter);
    await cursorTo(run, '2023');
    s.write(KEYS.enter);
    await cursorTo(run, 'mountain.png');
    s.write(KEYS.f5);
    await see(s, 'Copy mountain.png');
    s.write(KEYS.enter);
    expect(await waitForFile(join(cwd, 'mountain.png'), 61_440)).toEqual(demoBytes('mountain', 61_440));
  });

  it('draws without colours under NO_COLOR, the cursor in inverse video', async () => {
    run = await startDemo([], { env: { NO_COLOR: '1' } });
    const { s } = run;
    await see(s, 'demo-photos', '10Quit');
    // eslint-disable-next-line no-control-regex
    const colours = /\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
    expect(s.raw()).not.toMatch(colours);
    expect(s.raw()).toContain('\x1b[7m');
  });

  it('restores the screen on SIGTERM', async () => {
    run = await startDemo();
    const { s } = run;
    await see(s, 'demo-photos');
    expect(s.isAltScreen()).toBe(true);
    s.kill('SIGTERM');
    expect(await s.exited).not.toBe(0);
    expect(s.isAltScreen()).toBe(false);
  });

  it('refuses to start without a terminal', () => {
    const r = spawnSync(process.execPath, [B2C_BIN, '--demo'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('needs an interactive terminal');
  });
});

/** Polls until `path` holds `size` bytes (a download is written to a temp name, then renamed). */
function waitForFile(path: string, size: number, timeoutMs = 15_000): Promise<Buffer> {
  return untilValue(
    async () => {
      const data = await readFile(path).catch(() => null);
      return data !== null && data.length === size ? data : undefined;
    },
    `${path} with ${size} bytes`,
    { timeoutMs, intervalMs: 50 },
  );
}
