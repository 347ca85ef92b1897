/**
 * The one helper for Ink component tests (ARCHITECTURE.md, "Tests"): renders with ink-testing-library
 * inside a fixed terminal size and theme, and polls frames with `waitForFrame` (no fixed sleeps).
 */
import { Box, type DOMElement } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { expect, onTestFinished } from 'vitest';
import { renderInkFrame } from '../../src/ui/terminal/ink-frame.js';
import { blankRow, parseLine, type ScreenRow } from '../../src/ui/terminal/screen-row.js';
import { FixedTerminalSize, type TerminalSize } from '../../src/ui/terminal-size.js';
import { ThemeProvider } from '../../src/ui/theme-context.js';
import { chooseTheme } from '../../src/ui/theme.js';

export interface RenderInkOptions {
  size?: Partial<TerminalSize>;
  /** Render without colours, as under NO_COLOR. */
  mono?: boolean;
}

export type InkHarness = ReturnType<typeof render> & {
  /** The last frame with ANSI styling removed. */
  plainFrame(): string;
  /** Polls until `predicate(plainFrame)` holds; rejects with the last frame after `timeoutMs`. */
  waitForFrame(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Writes raw key sequences to stdin (see tests/e2e/pty-harness.ts KEYS). */
  press(...keys: string[]): void;
};

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;

/** ink-testing-library's terminal width. */
const TEST_COLUMNS = 100;
const frameMismatches: string[] = [];
let framesCheckedCount = 0;
let checkedAtEnd = false;

/**
 * Fails the running test if any frame it drew mismatched. Registered per test by the first render
 * in it, not as an `afterEach` of this module: test files share modules in a worker, and a hook
 * registered as the module loads belongs to the first file that loaded it (the others went
 * unchecked).
 */
function checkFramesAtTestEnd(): void {
  if (checkedAtEnd) return;
  checkedAtEnd = true;
  onTestFinished(() => {
    checkedAtEnd = false;
    expect(frameMismatches.splice(0)).toEqual([]);
  });
}

/**
 * Checks every frame of the test: where ink-frame.ts draws Ink's tree into rows itself (as the
 * TUI does), they must be the rows the screen model parses from Ink's own frame.
 */
function checkFrames(node: DOMElement | null, lastFrame: () => string | undefined): void {
  let root = node ?? undefined;
  while (root !== undefined && root.nodeName !== 'ink-root') root = root.parentNode;
  if (root === undefined || root.onRender === undefined || root.onRender.name === 'checked') return;
  const inkRender = root.onRender;
  const inkRoot = root;
  inkRoot.onRender = function checked() {
    inkRender();
    const frame = lastFrame();
    // (Renders inside the first render() call come before the harness can read frames.)
    const rows = frame === undefined ? null : renderInkFrame(inkRoot, TEST_COLUMNS);
    if (frame === undefined || rows === null) return;
    framesCheckedCount++;
    frameMismatches.push(...mismatchedRows(frame, rows, TEST_COLUMNS));
  };
}

/** How many frames the check has compared in this worker so far (for the check's own test). */
export function framesChecked(): number {
  return framesCheckedCount;
}

/**
 * The rows of `rows` (as ink-frame.ts draws them) that differ from Ink's own `frame` parsed by the
 * screen model, each as `row Y: "Ink's line"`; a row below Ink's last line is compared with a blank one.
 */
export function mismatchedRows(frame: string, rows: readonly ScreenRow[], columns: number): string[] {
  const lines = frame.split('\n');
  const mismatches: string[] = [];
  rows.forEach((row, y) => {
    const ink = y < lines.length ? parseLine(lines[y] ?? '', columns) : blankRow(columns);
    if (JSON.stringify(ink) !== JSON.stringify(row)) mismatches.push(`row ${y}: ${JSON.stringify(lines[y])}`);
  });
  return mismatches;
}

/** Renders `tree` at `size` (default 80×24). */
export function renderInk(tree: ReactElement, options: RenderInkOptions = {}): InkHarness {
  const size: TerminalSize = { columns: options.size?.columns ?? 80, rows: options.size?.rows ?? 24 };
  checkFramesAtTestEnd();
  const theme = chooseTheme(options.mono ? { NO_COLOR: '1' } : {});
  const frame = { last: (): string | undefined => undefined };
  const instance = render(
    <Box flexDirection="column" ref={(node) => checkFrames(node, () => frame.last())}>
      <ThemeProvider theme={theme}>
        <FixedTerminalSize size={size}>{tree}</FixedTerminalSize>
      </ThemeProvider>
    </Box>,
  );
  frame.last = () => instance.lastFrame();
  const plainFrame = (): string => (instance.lastFrame() ?? '').replace(ANSI, '');
  return Object.assign(instance, {
    plainFrame,
    async waitForFrame(predicate: (frame: string) => boolean, timeoutMs = 5_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const f = plainFrame();
        if (predicate(f)) return f;
        if (Date.now() > deadline) throw new Error(`frame did not match within ${timeoutMs} ms:\n${f}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    press(...keys: string[]): void {
      for (const k of keys) instance.stdin.write(k);
    },
  });
}
