/**
 * A command's failure as a value: what the user reads, the kind scripts branch on, and the exit
 * code (exit-codes.ts). Everything a command throws ends up here (run.ts prints it).
 */
import { refuseSecretInArgv } from '../../config/index.js';
import { NotFoundError, PermissionDeniedError } from '../../providers/errors.js';
import { signInFailure, type SignInFailureKind } from '../../session/index.js';
import { exitCodeOf, type FailureKind } from './exit-codes.js';

/**
 * A failure to report to the user: `message` is a sentence without secrets (it may quote names
 * from B2 or the command line, so printers sanitise it); `usage` is the command's help text to
 * print after it, if any.
 */
export class CommandFailure extends Error {
  readonly kind: FailureKind;
  readonly exitCode: number;
  readonly usage: string | undefined;
  constructor(kind: FailureKind, message: string, options?: { cause?: unknown; usage?: string }) {
    super(message, options);
    this.name = new.target.name;
    this.kind = kind;
    this.exitCode = exitCodeOf(kind);
    this.usage = options?.usage;
  }
}

/**
 * A mistake on the command line (exit 64). `usage` is the command's help text, printed after the
 * message; leave it out when the message alone says what to do.
 */
export function usageError(message: string, usage?: string): CommandFailure {
  return new CommandFailure('usage', message, { usage });
}

const FROM_SIGN_IN: Record<SignInFailureKind, FailureKind> = {
  'no-credentials': 'no-credentials',
  config: 'config',
  rejected: 'credentials-rejected',
  unreachable: 'endpoint-unreachable',
  cancelled: 'cancelled',
  other: 'failed',
};

/**
 * Maps anything thrown by config, credentials, signing in or a provider to a CommandFailure
 * (typed classes only, never message matching). Unknown errors become `failed` with their message.
 */
export function toCommandFailure(error: unknown): CommandFailure {
  if (error instanceof CommandFailure) return error;
  if (error instanceof PermissionDeniedError)
    return new CommandFailure('permission-denied', error.message, { cause: error });
  if (error instanceof NotFoundError) return new CommandFailure('not-found', error.message, { cause: error });
  const { kind, message } = signInFailure(error);
  return new CommandFailure(FROM_SIGN_IN[kind], message, { cause: error });
}

/** @throws CommandFailure `secret-in-argv` when argv carries an application key (see refuseSecretInArgv). */
export function refuseSecretArguments(argv: readonly string[]): void {
  const refusal = refuseSecretInArgv(argv);
  if (refusal !== null) throw new CommandFailure('secret-in-argv', refusal);
}
