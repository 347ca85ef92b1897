/**
 * The terminal size as React context. The app root provides it from stdout (and updates it on
 * resize); component tests provide a fixed size. Components never read process.stdout directly.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** Columns and rows of the terminal the app draws into. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

const TerminalSizeContext = createContext<TerminalSize>({ columns: 80, rows: 24 });

/** The current terminal size (80×24 when no provider is mounted). */
export function useTerminalSize(): TerminalSize {
  return useContext(TerminalSizeContext);
}

/** Provides a fixed size (tests, or a parent that tracks the size itself). */
export function FixedTerminalSize({ size, children }: { size: TerminalSize; children: ReactNode }): ReactNode {
  return <TerminalSizeContext.Provider value={size}>{children}</TerminalSizeContext.Provider>;
}

/** The size of `stdout` (80×24 when it does not say). */
export function terminalSizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** Provides the size of `stdout`, re-rendering on its `resize` event. */
export function StdoutTerminalSize({
  stdout,
  children,
}: {
  stdout: NodeJS.WriteStream;
  children: ReactNode;
}): ReactNode {
  const read = (): TerminalSize => terminalSizeOf(stdout);
  const [size, setSize] = useState<TerminalSize>(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // `read` only closes over stdout.
  }, [stdout]);
  return <TerminalSizeContext.Provider value={size}>{children}</TerminalSizeContext.Provider>;
}
