/**
 * Ctrl+Z and Ctrl+O: back to the shell for a while. Both lend the terminal through the one
 * hand-over (src/tui/terminal-control.ts), which restores it and repaints everything after.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { errorText } from '../../error-text.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';

/** `process.env` unless the deps carry their own. */
export function envOf(d: ControllerDeps): Readonly<Record<string, string | undefined>> {
  return d.env ?? process.env;
}

/**
 * The lent program's standard streams: b2c's own, except that a standard error sent elsewhere
 * (`b2c 2>log`) is replaced by the terminal b2c draws on: a shell is interactive (prompt, job
 * control) only when its standard error is a terminal, and an editor's messages belong on screen.
 */
function terminalStdio(): StdioOptions {
  return process.stderr.isTTY !== true && process.stdout.isTTY === true ? [0, 1, 1] : 'inherit';
}

/**
 * Runs `command args…` on the real terminal in `cwd` and resolves with its exit code (null when a
 * signal ended it). @throws when it cannot be started (ENOENT), with the reason
 */
export function runOnTerminal(
  d: ControllerDeps,
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<number | null> {
  const terminal = d.terminal;
  if (terminal === undefined) return Promise.reject(new Error('there is no terminal to lend to another program'));
  return terminal.handOver(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(command, [...args], { cwd, stdio: terminalStdio(), env: { ...envOf(d) } });
        child.once('error', reject);
        child.once('exit', (code) => resolve(code));
      }),
  );
}

/** Ctrl+Z: suspends b2c as a shell job; `fg` brings it back, repainted. */
export async function suspendToShell(d: ControllerDeps): Promise<void> {
  if (d.terminal === undefined) return setStatus(d, 'Suspending needs the terminal b2c runs on.', 'warning');
  if (!(await d.terminal.suspend()))
    setStatus(d, 'This shell has no job control, so b2c cannot be suspended here: Ctrl+O opens a shell.', 'warning');
}

/** The local folder a subshell starts in: the active pane's, else the other's, else home. */
export function localFolder(d: ControllerDeps): string {
  const s = snapshot(d).app;
  const sides: PaneSide[] = [s.active, s.active === 'left' ? 'right' : 'left'];
  for (const side of sides) {
    const loc = s.panes[side].location;
    if (loc.kind === 'local') return loc.path === '' ? '/' : loc.path;
  }
  return d.places.home;
}

/** Ctrl+O: `$SHELL` (else /bin/sh) in the local pane's folder; `exit` comes back. */
export async function openSubshell(d: ControllerDeps): Promise<void> {
  const shell = envOf(d).SHELL || '/bin/sh';
  const cwd = localFolder(d);
  try {
    await runOnTerminal(d, shell, [], cwd);
    for (const side of ['left', 'right'] as const)
      if (snapshot(d).app.panes[side].location.kind === 'local') void d.navigator.refresh(side);
  } catch (e) {
    setStatus(d, `Cannot start ${shell}: ${errorText(e)}`, 'error');
  }
}
