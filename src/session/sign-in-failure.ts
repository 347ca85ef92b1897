/**
 * What went wrong while signing in, as a kind a caller can branch on and the sentence the user
 * reads. The sentences come from where the failure was found: the B2 client's typed errors
 * (`B2 rejected the application key ID or key…`, `This application key has expired…`,
 * `B2 does not know this application key ID: it was deleted or mistyped.`, `Cannot reach B2 at
 * …`), the config layer's (unknown profile, half-set environment, unreadable config file), and
 * {@link NoCredentialsError} here. Classified by class, never by message.
 */
import { ConfigError, ConfigValueError, CredentialsError, ProfileError } from '../config/index.js';
import { AuthError, CancelledError, UnreachableError } from '../providers/errors.js';
import { errorMessage } from '../error-text.js';

/**
 * `no-credentials`: nothing to sign in with; `config`: the config or the environment cannot be
 * used; `rejected`: B2 refused the key (wrong ID or key, expired, deleted); `unreachable`: B2 did
 * not answer (refused, silent past the network bound, answering errors); `cancelled`: the caller
 * gave up; `other`: anything else (a bug or an unexpected answer).
 */
export type SignInFailureKind = 'no-credentials' | 'config' | 'rejected' | 'unreachable' | 'cancelled' | 'other';

/** A classified sign-in failure. `message` holds no secret. */
export interface SignInFailure {
  kind: SignInFailureKind;
  message: string;
}

/**
 * No credentials anywhere: no B2_* variables and no usable profile. `no-profiles`: nothing is
 * stored; `no-default`: several profiles and none is the default (`profiles` names them).
 */
export class NoCredentialsError extends Error {
  readonly reason: 'no-profiles' | 'no-default';
  readonly profiles: readonly string[];
  constructor(reason: 'no-profiles' | 'no-default', profiles: readonly string[]) {
    super(
      reason === 'no-profiles'
        ? 'No B2 credentials: set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY, or run b2c without arguments to add a profile with the wizard.'
        : `There are several profiles and none is the default: pass --profile NAME (${profiles.map((p) => JSON.stringify(p)).join(', ')}).`,
    );
    this.name = new.target.name;
    this.reason = reason;
    this.profiles = profiles;
  }
}

/** The kind of a failure thrown by `signIn`, `authorize` or `verifyCredentials`, and its sentence. */
export function signInFailure(error: unknown): SignInFailure {
  return { kind: kindOf(error), message: errorMessage(error) };
}

function kindOf(error: unknown): SignInFailureKind {
  if (error instanceof NoCredentialsError) return 'no-credentials';
  if (error instanceof AuthError) return 'rejected';
  if (error instanceof UnreachableError) return 'unreachable';
  if (error instanceof CancelledError) return 'cancelled';
  if (
    error instanceof ConfigError ||
    error instanceof CredentialsError ||
    error instanceof ProfileError ||
    error instanceof ConfigValueError
  )
    return 'config';
  return 'other';
}
