/**
 * Typed provider errors. Every Provider method documents which of these it throws; anything else
 * is a bug. The UI and CLI map these classes to messages in one place (never by string matching).
 * Messages never contain secrets (application keys, auth tokens, upload URLs with tokens).
 */
export type ProviderErrorKind =
  | 'not-found'
  | 'already-exists'
  | 'permission-denied'
  | 'locked'
  | 'not-empty'
  | 'conflict'
  | 'transient'
  | 'invalid-name'
  | 'integrity'
  | 'no-space'
  | 'auth'
  | 'unreachable'
  | 'cancelled';

/** Base class: `kind` is stable for switches, `message` is a sentence a user understands. */
export abstract class ProviderError extends Error {
  abstract readonly kind: ProviderErrorKind;
  /** The path (or `bucket/name`) the failed operation was about, when there is one. */
  readonly path: string | undefined;
  constructor(message: string, path?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.path = path;
  }
}

/** The path does not exist (or, on B2, the name is hidden). */
export class NotFoundError extends ProviderError {
  readonly kind = 'not-found' as const;
}

/** The target exists and the operation would replace it without being asked to. */
export class AlreadyExistsError extends ProviderError {
  readonly kind = 'already-exists' as const;
}

/**
 * The key (or the OS) refuses. `missing` names what would be needed: capability names
 * (`deleteFiles`), `bucket:NAME`, or `prefix:PREFIX`; empty for OS-level denials.
 */
export class PermissionDeniedError extends ProviderError {
  readonly kind = 'permission-denied' as const;
  readonly missing: string[];
  constructor(message: string, missing: string[] = [], path?: string, options?: { cause?: unknown }) {
    super(message, path, options);
    this.missing = missing;
  }
}

/**
 * B2 Object Lock keeps the version: a retention or legal hold (docs/b2-api.md §10.4). The message
 * names it ("…is retained until 2027-01-01 (compliance)"); `missing` is `bypassGovernance` when a
 * key holding it could lift the retention, else empty.
 */
export class LockedError extends ProviderError {
  readonly kind = 'locked' as const;
  readonly missing: string[];
  constructor(message: string, missing: string[] = [], path?: string) {
    super(message, path);
    this.missing = missing;
  }
}

/** A directory, prefix or bucket still holds entries. */
export class NotEmptyError extends ProviderError {
  readonly kind = 'not-empty' as const;
}

/** A concurrent change got in the way (e.g. bucket revision mismatch). */
export class ConflictError extends ProviderError {
  readonly kind = 'conflict' as const;
}

/** Worth retrying later: 408/429/5xx, dropped connections. `retryAfterMs` when the server said. */
export class TransientError extends ProviderError {
  readonly kind = 'transient' as const;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs?: number, path?: string, options?: { cause?: unknown }) {
    super(message, path, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The name cannot exist on this side (control characters, too long, escapes the target folder…). */
export class InvalidNameError extends ProviderError {
  readonly kind = 'invalid-name' as const;
}

/** Bytes arrived but their checksum (or length) does not match what the source promised. */
export class IntegrityError extends ProviderError {
  readonly kind = 'integrity' as const;
}

/** The local disk (or B2 storage cap) is full. */
export class NoSpaceError extends ProviderError {
  readonly kind = 'no-space' as const;
}

/** Credentials were rejected, expired or revoked (authorize failed). */
export class AuthError extends ProviderError {
  readonly kind = 'auth' as const;
}

/** The endpoint could not be reached at all (DNS, refused, TLS). */
export class UnreachableError extends ProviderError {
  readonly kind = 'unreachable' as const;
}

/** The caller's AbortSignal fired. */
export class CancelledError extends ProviderError {
  readonly kind = 'cancelled' as const;
}

/** Narrowing helper for `catch (e: unknown)`. */
export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
