/**
 * Runs the built `b2c` binary in a pseudo-terminal (node-pty) and reads its screen through a
 * headless terminal emulator (@xterm/headless), as a user at a real terminal would see it.
 * Synchronisation is by polling the screen for a predicate, never by fixed sleeps.
 */
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const { Terminal } = xterm;

/** Absolute path of bin/b2c.js (the test suite builds dist/ first via `npm test`). */
export const B2C_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'b2c.js');

/** Raw key sequences as an xterm sends them. */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  enter: '\r',
  tab: '\t',
  escape: '\x1b',
  backspace: '\x7f',
  space: ' ',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  insert: '\x1b[2~',
  delete: '\x1b[3~',
  ctrlC: '\x03',
  ctrlO: '\x0f',
  ctrlZ: '\x1a',
  ctrlR: '\x12',
  f1: '\x1bOP',
  f2: '\x1bOQ',
  f3: '\x1bOR',
  f4: '\x1bOS',
  f5: '\x1b[15~',
  f6: '\x1b[17~',
  f7: '\x1b[18~',
  f8: '\x1b[19~',
  f9: '\x1b[20~',
  f10: '\x1b[21~',
} as const;

export interface PtySession {
  readonly pty: IPty;
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string[];
  /** The screen joined with newlines. */
  text(): string;
  /** True while the program has the alternate screen buffer active. */
  isAltScreen(): boolean;
  /** The cell at column `x` of screen row `y`, with the attributes it is drawn with. */
  cell(x: number, y: number): ScreenCell;
  /** Everything the program wrote, raw (for checks that no secret or raw escape was emitted). */
  raw(): string;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Polls until `predicate(text)` holds; rejects with the last screen after `timeoutMs`. */
  waitFor(predicate: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number>;
  kill(signal?: string): void;
}

/** One cell of the screen; colours are palette indexes, null for the terminal's default colour. */
export interface ScreenCell {
  chars: string;
  bold: boolean;
  dim: boolean;
  inverse: boolean;
  fg: number | null;
  bg: number | null;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Starts `node bin/b2c.js ...args` in a pty of the given size (default 80×24). */
export function spawnB2c(args: string[], options: SpawnOptions = {}): PtySession {
  return spawnInPty(process.execPath, [B2C_BIN, ...args], options);
}

/** Starts `file ...args` in a pty of the given size (default 80×24): a shell that runs b2c, say. */
export function spawnInPty(file: string, args: string[], options: SpawnOptions = {}): PtySession {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  // With CI set, chalk (Ink's colours) draws no colours and b2c falls back to its mono theme
  // (tests/e2e/tui-no-colour.test.ts): force it off so that tests see what a user's terminal shows.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', CI: 'false', ...options.env })) {
    if (v !== undefined) env[k] = v;
  }
  const pty = spawn(file, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let rawOut = '';
  let pendingWrites = 0;
  pty.onData((d) => {
    rawOut += d;
    pendingWrites++;
    term.write(d, () => {
      pendingWrites--;
    });
  });
  // node-pty can report the exit before the last output has been read and parsed: resolve only
  // once the output has stopped growing and the terminal has drawn all of it.
  const settle = async (): Promise<void> => {
    let seen = -1;
    while (pendingWrites > 0 || rawOut.length !== seen) {
      seen = rawOut.length;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const exited = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode }) => {
      void settle().then(() => resolve(exitCode));
    });
  });

  const screen = (): string[] => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) {
      lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines;
  };
  const text = (): string => screen().join('\n');
  const cell = (x: number, y: number): ScreenCell => {
    const buf = term.buffer.active;
    const c = buf.getLine(buf.viewportY + y)?.getCell(x);
    if (c === undefined) throw new Error(`no cell at ${x},${y}`);
    return {
      chars: c.getChars(),
      bold: c.isBold() !== 0,
      dim: c.isDim() !== 0,
      inverse: c.isInverse() !== 0,
      fg: c.isFgDefault() ? null : c.getFgColor(),
      bg: c.isBgDefault() ? null : c.getBgColor(),
    };
  };

  return {
    pty,
    screen,
    text,
    cell,
    isAltScreen: () => term.buffer.active.type === 'alternate',
    raw: () => rawOut,
    write: (data) => pty.write(data),
    resize: (c, r) => {
      pty.resize(c, r);
      term.resize(c, r);
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (pendingWrites === 0) {
          const t = text();
          if (predicate(t)) return t;
        }
        if (Date.now() > deadline) throw new Error(`screen did not match within ${timeoutMs} ms:\n${text()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    exited,
    kill: (signal) => pty.kill(signal),
  };
}
