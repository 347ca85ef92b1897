/**
 * The one place the TUI turns errors into status-line text (DESIGN.md: the UI maps error
 * classes to messages in one place). Provider and config errors already carry a sentence for
 * people; anything else is a bug and says so. The result is raw: sanitise before display.
 */
import { ConfigError } from '../config/index.js';
import { isProviderError } from '../providers/errors.js';

/** A one-line message for `e`. */
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
  if (e instanceof ConfigError) return e.message;
  if (e instanceof Error) return `Unexpected error: ${e.message}`;
  return `Unexpected error: ${String(e)}`;
}
