/**
 * The exit codes of every b2c command (README, "Exit codes"). Each code means one thing:
 *
 *   0 success · 1 something failed (an operation, the key may not, not found, config problem) ·
 *   2 credentials rejected (wrong key ID or key, key expired or deleted) · 3 endpoint
 *   unreachable · 64 usage error (sysexits' EX_USAGE) · 129/130/143 interrupted by
 *   SIGHUP/SIGINT/SIGTERM (128 + the signal's number) · 141 the reader of stdout went away.
 *
 * 0–3 are what `b2c keys` documented from the start and scripts rely on. Usage errors get 64, not
 * the 2 many tools use, because 2 already says "this key does not work".
 */

/** The exit codes, by meaning. */
export const EXIT = { ok: 0, failed: 1, rejected: 2, unreachable: 3, usage: 64, brokenPipe: 141 } as const;

/** The signals that interrupt a command: Ctrl+C, `kill`, and the terminal (SSH) going away. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The exit code of an interrupted command: 128 + the signal number, as shells report it. */
export function interruptedExitCode(signal: InterruptSignal): number {
  switch (signal) {
    case 'SIGINT':
      return 130;
    case 'SIGTERM':
      return 143;
    case 'SIGHUP':
      return 129;
    default: {
      const never: never = signal;
      return never;
    }
  }
}

/** Why a command failed; stable for `--json` consumers (`{"error": {"kind", …}}`). */
export type FailureKind =
  | 'usage'
  | 'secret-in-argv'
  | 'no-credentials'
  | 'config'
  | 'credentials-rejected'
  | 'endpoint-unreachable'
  | 'permission-denied'
  | 'not-found'
  | 'cancelled'
  | 'failed';

/** The exit code of each failure kind. */
export function exitCodeOf(kind: FailureKind): number {
  switch (kind) {
    case 'usage':
      return EXIT.usage;
    case 'credentials-rejected':
      return EXIT.rejected;
    case 'endpoint-unreachable':
      return EXIT.unreachable;
    case 'secret-in-argv':
    case 'no-credentials':
    case 'config':
    case 'permission-denied':
    case 'not-found':
    case 'cancelled':
    case 'failed':
      return EXIT.failed;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
