/**
 * The one place errors become text for people (ARCHITECTURE.md, "Providers": error classes are
 * mapped to messages in one place, never by string matching). It sits just above the two leaf
 * modules that define the error classes — src/providers/errors.ts and src/config/errors.ts — so
 * every layer can use it: the TUI's status line (`errorText`), the transfer queue and the CLI's
 * results (`failureHeadline`, through src/transfers/failure.ts), and the accounts screens and CLI
 * failures (`errorMessage`). Provider and config errors already carry a sentence for people;
 * anything else is a bug and says so. Results are raw: sanitise before display.
 */
import { ConfigError, ConfigValueError, CredentialsError, ProfileError } from './config/errors.js';
import { isProviderError, PermissionDeniedError, type ProviderError } from './providers/errors.js';

/** The error's own sentence: its message, or the thrown value in words. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** True for the config layer's errors, whose messages are sentences a user can act on. */
function isConfigError(e: unknown): e is Error {
  return (
    e instanceof ConfigError ||
    e instanceof ConfigValueError ||
    e instanceof ProfileError ||
    e instanceof CredentialsError
  );
}

/** A one-line message for `e` (the status line). */
export function errorText(e: unknown): string {
  if (isProviderError(e)) {
    switch (e.kind) {
      case 'cancelled':
        return 'Cancelled.';
      case 'transient':
        return `${e.message} Try again in a moment (Ctrl+R reloads).`;
      case 'auth':
        return `The key was refused: ${e.message}`;
      // Unreachable: the provider's sentence already says where, what and how long it waited.
      case 'unreachable':
      case 'not-found':
      case 'already-exists':
      case 'permission-denied':
      case 'locked':
      case 'not-empty':
      case 'conflict':
      case 'invalid-name':
      case 'integrity':
      case 'no-space':
        return e.message;
      default: {
        const never: never = e.kind;
        return String(never);
      }
    }
  }
  if (isConfigError(e)) return e.message;
  return `Unexpected error: ${errorMessage(e)}`;
}

/**
 * The fixed headline of a failed transfer job per kind of provider error (the provider's own
 * sentence becomes the detail), and whether retrying can help.
 */
export function failureHeadline(e: ProviderError): { message: string; retryable: boolean } {
  switch (e.kind) {
    case 'not-found':
      return { message: 'It no longer exists (deleted or renamed meanwhile).', retryable: false };
    case 'already-exists':
      return { message: 'The target already exists.', retryable: true };
    case 'permission-denied': {
      const missing = e instanceof PermissionDeniedError ? e.missing : [];
      return {
        message:
          missing.length > 0 ? `Not allowed: this key lacks ${missing.join(', ')}.` : 'Not allowed: permission denied.',
        retryable: false,
      };
    }
    case 'locked':
      return { message: 'Object Lock keeps it (a retention or legal hold).', retryable: false };
    case 'not-empty':
      return { message: 'The folder is not empty.', retryable: false };
    case 'conflict':
      return { message: 'Something else changed it at the same time; try again.', retryable: true };
    case 'transient':
      return { message: 'B2 was busy or the connection dropped; it can be retried.', retryable: true };
    case 'invalid-name':
      return { message: 'The name cannot be used here; nothing was written.', retryable: false };
    case 'integrity':
      return { message: 'The data did not match its checksum; nothing was kept.', retryable: true };
    case 'no-space':
      return { message: 'The disk is full; nothing was kept. Free some space and retry.', retryable: true };
    case 'auth':
      return { message: 'The account key was rejected or has expired.', retryable: false };
    case 'unreachable':
      return { message: 'The server could not be reached; check the network and retry.', retryable: true };
    case 'cancelled':
      return { message: 'Cancelled.', retryable: true };
    default: {
      const never: never = e.kind;
      return { message: `Failed (${String(never)}).`, retryable: true };
    }
  }
}
