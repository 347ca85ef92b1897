/**
 * The one helper for Ink component tests (ARCHITECTURE.md, "Tests"): renders with ink-testing-library
 * inside a fixed terminal size and theme, and polls frames with `waitForFrame` (no fixed sleeps).
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
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

/** Renders `tree` at `size` (default 80×24). */
export function renderInk(tree: ReactElement, options: RenderInkOptions = {}): InkHarness {
  const size: TerminalSize = { columns: options.size?.columns ?? 80, rows: options.size?.rows ?? 24 };
  const theme = chooseTheme(options.mono ? { NO_COLOR: '1' } : {});
  const instance = render(
    <ThemeProvider theme={theme}>
      <FixedTerminalSize size={size}>{tree}</FixedTerminalSize>
    </ThemeProvider>,
  );
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
