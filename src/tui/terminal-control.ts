/**
 * What the TUI core asks of the terminal it is drawn on, for the commands that need the real
 * terminal: the editor (F4), a shell (Ctrl+O), suspending (Ctrl+Z) and the clipboard (OSC 52).
 * src/ui/run-tui.tsx provides it; one piece of code there leaves and restores the screen for all
 * of them (src/ui/terminal/terminal-handover.ts).
 */
export interface TerminalControl {
  /**
   * Leaves the alternate screen and raw mode, runs `work` (a program that uses the terminal
   * itself), then takes the terminal back and repaints all of it. Keys pressed meanwhile belong to
   * the program.
   */
  handOver<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Gives the terminal back and stops the process (SIGTSTP); resolves once `fg` continued it,
   * repainted: true, or false when the process could not be stopped (no job control).
   */
  suspend(): Promise<boolean>;
  /** Writes a control sequence straight to the terminal (never text from outside unescaped). */
  writeRaw(bytes: string): void;
}
