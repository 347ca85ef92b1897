/**
 * Shell habits and the clipboard (issue 12, items 7 and 10), the built binary in a pty at 80×24:
 * Ctrl+O runs $SHELL in the local pane's folder and the panes come back; Ctrl+Z stops b2c under a
 * shell with job control (its state in /proc is T) and `fg` continues it with the screen repainted;
 * y sends exactly the OSC 52 bytes of the entry's location.
 */
import { chmod, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { until } from '../support/poll.js';
import { B2C_BIN, KEYS, spawnInPty, type PtySession } from './pty-harness.js';
import { cursorTo, openFolder, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
let shell: PtySession | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
  if (shell !== null) {
    shell.kill('SIGKILL');
    await shell.exited;
  }
  shell = null;
});

/** Runs `body` with an executable shell script holding `text`, removed afterwards. */
async function withScript(text: string, body: (script: string) => Promise<void>): Promise<void> {
  const scripts = await mkdtemp(join(tmpdir(), 'b2c-e2e-shell-'));
  const script = join(scripts, 'shell.sh');
  await writeFile(script, text);
  await chmod(script, 0o755);
  try {
    await body(script);
  } finally {
    await rm(scripts, { recursive: true, force: true });
  }
}

it('Ctrl+O runs $SHELL in the local pane’s folder, then the panes are drawn again', async () => {
  // Relative: the marker lands in the folder the shell was started in.
  await withScript('#!/bin/sh\npwd -P > marker.txt\n', async (fakeShell) => {
    run = await startDemo([], {
      prepare: (dir) => writeFile(join(dir, 'before.txt'), 'x'),
      env: { SHELL: fakeShell },
    });
    const { s, cwd } = run;
    await see(s, 'before.txt', '10Quit');
    expect(s.isAltScreen()).toBe(true);
    s.write(KEYS.ctrlO);
    await until(async () => (await readdir(cwd)).includes('marker.txt'), 'the shell’s marker file');
    expect((await readFile(join(cwd, 'marker.txt'), 'utf8')).trim()).toBe(await realpath(cwd));
    // Back on the alternate screen, the panes repainted, the new file listed.
    await s.waitFor((t) => s.isAltScreen() && t.includes('marker.txt') && t.includes('10Quit'));
  });
}, 60_000);

/** The state letter of process `pid` (`/proc/PID/stat`, third field): R, S, T (stopped), … */
async function procState(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

/**
 * Starts `b2c --demo` from an interactive bash with job control in a pty (as a user's login shell
 * would), with `env` for the shell; resolves with the shell's session and b2c's pid.
 */
async function demoFromShell(env: Record<string, string> = {}): Promise<{ s: PtySession; pid: number }> {
  const s = spawnInPty('bash', ['--norc', '--noprofile', '-i'], {
    env: { PS1: 'prompt$ ', FORCE_COLOR: '2', HISTFILE: '/dev/null', ...env },
  });
  shell = s;
  await see(s, 'prompt$');
  s.write(`${process.execPath} ${B2C_BIN} --demo\r`);
  await see(s, 'demo-photos', '10Quit');
  const children = await readFile(`/proc/${s.pty.pid}/task/${s.pty.pid}/children`, 'utf8');
  const pid = Number(children.trim().split(/\s+/)[0]);
  expect(pid).toBeGreaterThan(0);
  return { s, pid };
}

it('Ctrl+Z stops b2c under a job-control shell (state T) and fg brings the screen back', async () => {
  const { s, pid } = await demoFromShell();
  s.write(KEYS.ctrlZ);
  await until(async () => (await procState(pid)) === 'T', 'b2c to be stopped');
  // The shell has the terminal again: its own screen, its prompt.
  await s.waitFor((t) => !s.isAltScreen() && t.includes('Stopped'));
  // Stopped longer than b2c's wait for a stop that never comes (1 s): it must still know it was.
  await new Promise((r) => setTimeout(r, 1_500));
  s.write('fg\r');
  const back = await s.waitFor((t) => s.isAltScreen() && t.includes('demo-photos') && t.includes('10Quit'));
  expect(back).not.toContain('no job control');
  expect(await procState(pid)).not.toBe('T');
  s.write(KEYS.f10);
  await see(s, 'prompt$');
}, 60_000);

it('Ctrl+O from a job-control shell: the subshell owns the terminal, b2c reads nothing meanwhile', async () => {
  // A real interactive bash as $SHELL takes the terminal's foreground for itself. b2c, started
  // from the outer shell, must not read the keys meant for it: a background read would stop b2c
  // (SIGTTIN) or, with an orphaned process group, fail and end it.
  await withScript("#!/bin/sh\nPS1='sub$ ' exec bash --norc --noprofile -i\n", async (subshell) => {
    const { s, pid } = await demoFromShell({ SHELL: subshell });
    s.write(KEYS.ctrlO);
    await s.waitFor((t) => !s.isAltScreen() && t.includes('sub$'));
    // Typed one key at a time, as a user does: each key is a separate read for whoever reads.
    for (const ch of 'echo hi-$((6*7))\r') s.write(ch);
    await see(s, 'hi-42');
    expect(await procState(pid)).not.toBe('T');
    s.write('exit\r');
    await s.waitFor((t) => s.isAltScreen() && t.includes('demo-photos') && t.includes('10Quit'));
    s.write(KEYS.f10);
    await see(s, 'prompt$');
  });
}, 60_000);

it('y sends the OSC 52 sequence of the b2:// URL and writes the URL in the status line', async () => {
  run = await startDemo([], { env: { TMUX: undefined } });
  const { s } = run;
  await openFolder(run, 'demo-photos');
  await cursorTo(run, 'docs');
  const before = s.raw().length;
  s.write('y');
  await see(s, 'b2://demo-photos/docs/  · copied with OSC 52');
  const sent = s.raw().slice(before);
  const expected = `\x1b]52;c;${Buffer.from('b2://demo-photos/docs/').toString('base64')}\x07`;
  expect(sent).toContain(expected);
}, 60_000);

it('in the share-link dialog, y copies the link with OSC 52', async () => {
  run = await startDemo([], { env: { TMUX: undefined } });
  const { s } = run;
  await openFolder(run, 'demo-photos', 'docs');
  await cursorTo(run, 'report.pdf');
  s.write('L');
  await see(s, 'Share link', 'How long');
  s.write(KEYS.enter);
  await see(s, 'Anyone with this link');
  const before = s.raw().length;
  s.write('y');
  await see(s, 'The link  · copied with OSC 52');
  const sent = s.raw().slice(before);
  // eslint-disable-next-line no-control-regex -- the escape sequence is what is checked.
  const osc = /\x1b\]52;c;([A-Za-z0-9+/=]+)\x07/.exec(sent);
  const link = Buffer.from(osc?.[1] ?? '', 'base64').toString();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/file\/demo-photos\/docs\/report\.pdf\?Authorization=/);
}, 60_000);
