/**
 * `b2c`, `b2c --profile NAME`, `b2c --demo [--key NAME]`: the file manager on a terminal. The
 * core is set up by src/tui/setup.ts; this module owns the terminal and renders the core until
 * the user quits, and resolves with the exit code.
 *
 * What it does because of the terminal (ARCHITECTURE.md, "Terminal facts"): refuse when
 * stdin/stdout are not terminals; alternate screen entered before the first frame and left on every exit path (terminal-session.ts);
 * `exitOnCtrlC: false` (Ctrl+C is a key the keymap binds), `patchConsole: false`; the root is
 * `rows − 1` tall (TuiApp); resize re-renders through StdoutTerminalSize. Ink does not write to
 * the terminal itself: it renders whole frames (`debug` mode) into InkTerminalOutput, which
 * writes only what changed (src/ui/terminal/).
 */
import { render } from 'ink';
import { errorMessage } from '../error-text.js';
import { sanitizeForTerminal } from '../state/text/sanitize.js';
import { showsAccountScreen } from '../tui/accounts/account-screens.js';
import type { TuiCore } from '../tui/core.js';
import { parseTuiArgs, prepareTui, TUI_USAGE, TUI_USAGE_EXIT, tuiArgsProblem } from '../tui/setup.js';
import { baseLayer } from '../tui/store/tui-state.js';
import { paneListHeightFor, TuiApp } from './app/TuiApp.js';
import { prepareInkColours } from './terminal/colour-support.js';
import { DirectFrames } from './terminal/DirectFrames.js';
import { InkTerminalOutput } from './terminal/ink-output.js';
import { TerminalHandover } from './terminal/terminal-handover.js';
import { enterTerminalSession, tuiRefusal } from './terminal-session.js';
import { StdoutTerminalSize, terminalSizeOf } from './terminal-size.js';
import { ThemeProvider } from './theme-context.js';
import { chooseTheme, type Theme } from './theme.js';

/** The terminal streams (process.stdin/stdout by default). */
export interface TuiIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const PROCESS_IO: TuiIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

const SIGNAL_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGTERM: 143, SIGHUP: 129 };

/**
 * Longest the shutdown after SIGTERM/SIGHUP may take (stopping transfers, saving the queue)
 * before the process exits anyway; a second signal exits at once.
 */
const SIGNAL_SHUTDOWN_MS = 10_000;

/** After SIGHUP the terminal is gone: its streams fail (EIO, EPIPE), which must not stop the shutdown. */
function ignoreTerminalErrors(io: TuiIo): void {
  for (const stream of [io.stdin, io.stdout, io.stderr]) stream.on('error', () => undefined);
}

function usageError(message: string): number {
  process.stderr.write(`b2c: ${sanitizeForTerminal(message)}\n\n${TUI_USAGE}\n`);
  return TUI_USAGE_EXIT;
}

/**
 * Runs the file manager. `argv` is everything after `b2c` (`--demo`, `--key NAME`,
 * `--profile NAME`). Resolves with the exit code (src/commands/kit/exit-codes.ts): 0 after
 * quitting, 1 when not on a terminal or the config or credentials cannot be used, 64 for usage
 * errors.
 */
export async function runTuiCommand(argv: string[]): Promise<number> {
  const args = parseTuiArgs(argv);
  if (args.kind === 'usage') return usageError(args.message);
  if (args.kind === 'help') {
    process.stdout.write(`${TUI_USAGE}\n`);
    return 0;
  }
  const refusal = tuiRefusal(process.stdin, process.stdout);
  if (refusal !== null) {
    process.stderr.write(refusal);
    return 1;
  }
  const problem = tuiArgsProblem(args);
  if (problem !== null) return usageError(problem);
  const prepared = await prepareTui(args, process.cwd());
  if ('exitCode' in prepared) {
    process.stderr.write(`b2c: ${sanitizeForTerminal(prepared.message)}\n`);
    return prepared.exitCode;
  }
  try {
    return await runTui(prepared.core, chooseTheme(process.env, prepared.theme, prepareInkColours()));
  } finally {
    await prepared.close();
  }
}

/**
 * Renders `core` until the user quits, then closes it. Returns 0 after a normal quit, 1 when the
 * terminal is not interactive (the refusal is written to stderr). SIGTERM and SIGHUP (the SSH
 * connection dropping) shut down like a quit — running transfers are stopped and kept in the
 * queue file for the next start, their temporary files removed — then the screen is restored
 * and the result is 128 + the signal number (within {@link SIGNAL_SHUTDOWN_MS}; a second signal
 * exits at once). A render error is a crash: 70.
 */
export async function runTui(core: TuiCore, theme: Theme, io: TuiIo = PROCESS_IO): Promise<number> {
  const refusal = tuiRefusal(io.stdin, io.stdout);
  if (refusal !== null) {
    io.stderr.write(refusal);
    await core.close();
    return 1;
  }
  let code = 0;
  let signalled = false;
  const output = new InkTerminalOutput(io.stdout);
  const session = enterTerminalSession(
    io.stdout,
    (signal) => {
      const signalCode = SIGNAL_CODES[signal] ?? 1;
      if (signalled) {
        output.close();
        session.restore();
        process.exit(signalCode);
      }
      signalled = true;
      code = signalCode;
      if (signal === 'SIGHUP') ignoreTerminalErrors(io);
      setTimeout(() => {
        output.close();
        session.restore();
        process.exit(signalCode);
      }, SIGNAL_SHUTDOWN_MS).unref();
      core.quit();
    },
    io.stderr,
  );
  core.controller.attachTerminal(new TerminalHandover(io.stdin, io.stdout, output));
  try {
    // Before the first frame: it then shows both panes loading, at their height, and is not
    // followed at once by two more for the same (bench/README.md, "Start-up").
    const accountScreen = showsAccountScreen(baseLayer(core.store.getSnapshot()));
    core.start(paneListHeightFor(terminalSizeOf(io.stdout).rows, accountScreen));
    const instance = render(
      <ThemeProvider theme={theme}>
        <StdoutTerminalSize stdout={io.stdout}>
          <DirectFrames output={output}>
            <TuiApp
              store={core.store}
              controller={core.controller}
              registry={core.registry}
              queue={core.engine}
              keymap={core.keymap}
            />
          </DirectFrames>
        </StdoutTerminalSize>
      </ThemeProvider>,
      // Ink reads only write, columns, rows, isTTY and 'resize' of its stdout (ink-output.ts).
      {
        stdin: io.stdin,
        stdout: output as unknown as NodeJS.WriteStream,
        stderr: io.stderr,
        exitOnCtrlC: false,
        patchConsole: false,
        debug: true,
      },
    );
    // Ink ends the app on a render error: that is a crash, not a quit.
    await Promise.race([
      core.quitting,
      instance.waitUntilExit().then(() => Promise.reject(new Error('the screen stopped unexpectedly'))),
    ]);
    instance.unmount();
  } catch (e) {
    code = 70;
    output.close();
    session.restore();
    io.stderr.write(`b2c: ${sanitizeForTerminal(errorMessage(e))}\n`);
  } finally {
    await core.close();
    output.close();
    session.restore();
  }
  return code;
}
