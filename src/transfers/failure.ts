/**
 * The one place where errors become the sentences a user reads in the queue panel and the CLI
 * (DESIGN.md: "the UI maps error classes to messages in one place", never by string matching).
 */
import { isProviderError, PermissionDeniedError, type ProviderError } from '../providers/errors.js';
import type { JobFailure } from './types.js';

/** Thrown by the engine's own checks (permission rules, folder without recursion…) with a ready sentence. */
export class JobRefusedError extends Error {
  constructor(
    message: string,
    readonly failureKind: JobFailure['kind'] = 'permission-denied',
  ) {
    super(message);
    this.name = 'JobRefusedError';
  }
}

function headline(e: ProviderError): { message: string; retryable: boolean } {
  switch (e.kind) {
    case 'not-found':
      return { message: 'It no longer exists (deleted or renamed meanwhile).', retryable: false };
    case 'already-exists':
      return { message: 'The target already exists.', retryable: true };
    case 'permission-denied': {
      const missing = e instanceof PermissionDeniedError ? e.missing : [];
      return {
        message: missing.length > 0
          ? `Not allowed: this key lacks ${missing.join(', ')}.`
          : 'Not allowed: permission denied.',
        retryable: false,
      };
    }
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

/**
 * Maps any thrown value to a {@link JobFailure}. Provider errors get a fixed headline per kind
 * plus the provider's own message as detail; refusals keep their sentence; anything else is a
 * bug and says so (with its message as detail) rather than pretending to be a network problem.
 */
export function describeFailure(e: unknown): JobFailure {
  if (e instanceof JobRefusedError) {
    return { kind: e.failureKind, message: e.message, detail: null, retryable: false };
  }
  if (isProviderError(e)) {
    const h = headline(e);
    const detail = e.message && e.message !== h.message ? e.message : null;
    return { kind: e.kind, message: h.message, detail, retryable: h.retryable };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: 'internal', message: 'Unexpected error (a bug in b2c).', detail, retryable: true };
}

/** One line for logs and the CLI: headline plus detail. */
export function failureText(f: JobFailure): string {
  return f.detail ? `${f.message} (${f.detail})` : f.message;
}
