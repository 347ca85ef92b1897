/**
 * Errors as the failures of transfer jobs, which the queue panel and the CLI show: a headline per
 * kind of error and the error's own sentence as detail. The words come from src/error-text.ts,
 * the one place errors become text.
 */
import { errorMessage, failureHeadline } from '../error-text.js';
import { isProviderError } from '../providers/errors.js';
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
    const h = failureHeadline(e);
    const detail = e.message && e.message !== h.message ? e.message : null;
    return { kind: e.kind, message: h.message, detail, retryable: h.retryable };
  }
  const detail = errorMessage(e);
  return { kind: 'internal', message: 'Unexpected error (a bug in b2c).', detail, retryable: true };
}

/** One line for logs and the CLI: headline plus detail. */
export function failureText(f: JobFailure): string {
  return f.detail ? `${f.message} (${f.detail})` : f.message;
}
