/**
 * Printing for b2c's commands: the one place they write to stdout and stderr.
 *
 * - Plain text goes to stdout line by line, every line sanitised (names from B2 may carry escape
 *   sequences).
 * - `--json` output is one JSON document on stdout; JSON escapes control characters itself.
 * - Warnings and errors go to stderr as `b2c COMMAND: …`, sanitised. With `--json`, an error is
 *   also printed on stdout as `{"error":{"kind","message","exitCode"}}` so scripts can parse it.
 * Callers never pass a secret (see `keys create` for the one place a secret is printed on
 * purpose); as a safety net, warnings and errors lose the password of any URL in them.
 */
import { redactUrlUserInfo } from '../../config/redact.js';
import { displayWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { OutputStreams } from './deps.js';

/** A command's printer. */
export interface Output {
  /** True when the command was asked for `--json`. */
  readonly json: boolean;
  /** Prints lines of plain text on stdout (each sanitised). */
  lines(lines: readonly string[]): void;
  /** Prints `value` as indented JSON on stdout. */
  printJson(value: unknown): void;
  /** `b2c COMMAND: warning: …` on stderr. */
  warn(message: string): void;
  /** `b2c COMMAND: …` on stderr: what happened to one item, a question's answer, why a run stopped. */
  note(message: string): void;
  /**
   * `b2c COMMAND: …` on stderr (and, with --json, an error document on stdout). `usage` is b2c's
   * own help text, printed after a blank line on stderr only.
   */
  fail(kind: string, message: string, exitCode: number, usage?: string): void;
}

/** A printer for `command` (e.g. `keys inspect`), writing to `streams`. */
export function createOutput(command: string, json: boolean, streams: OutputStreams): Output {
  // `command` may carry user input (`b2c keys <ESC>`): escaped like everything else.
  const prefix = `b2c ${sanitizeForTerminal(command)}: `;
  return {
    json,
    lines(lines) {
      if (lines.length === 0) return;
      streams.stdout.write(`${lines.map(sanitizeForTerminal).join('\n')}\n`);
    },
    printJson(value) {
      streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    warn(message) {
      streams.stderr.write(`${prefix}warning: ${sanitizeForTerminal(redactUrlUserInfo(message))}\n`);
    },
    note(message) {
      streams.stderr.write(`${prefix}${sanitizeForTerminal(redactUrlUserInfo(message))}\n`);
    },
    fail(kind, raw, exitCode, usage) {
      const message = redactUrlUserInfo(raw);
      streams.stderr.write(`${prefix}${sanitizeForTerminal(message)}\n${usage === undefined ? '' : `\n${usage}\n`}`);
      if (json) streams.stdout.write(`${JSON.stringify({ error: { kind, message, exitCode } }, null, 2)}\n`);
    },
  };
}

/**
 * Lays out rows as columns separated by two spaces, each as wide as its widest cell (measured in
 * terminal columns). Cells are sanitised; the last column is not padded.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows].map((r) => r.map(sanitizeForTerminal));
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  return all.map((r) =>
    r
      .map((cell, i) =>
        i === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell))),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** ISO 8601 for ms since the epoch, or null. For JSON output. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
