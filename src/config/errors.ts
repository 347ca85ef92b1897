/**
 * Typed errors of the config layer. Messages are sentences a user can act on and never contain a
 * secret (no application key, and no raw JSON parser message: V8's quotes the file's text).
 */

/** What went wrong with the config file itself. */
export type ConfigErrorKind =
  | 'unreadable' // EACCES, EISDIR, … while reading
  | 'invalid-json' // not parseable as JSON
  | 'invalid-content' // JSON, but not what b2c expects (./validate.ts)
  | 'newer-version' // written by a newer b2c; refusing rather than downgrading it
  | 'unwritable'; // could not create the directory or save the file

/**
 * The config file cannot be used. `path` is the file; `message` says what to do. The file is never
 * overwritten or cleared when this is thrown.
 */
export class ConfigError extends Error {
  readonly kind: ConfigErrorKind;
  readonly path: string;
  /** Individual problems (for `invalid-content`), e.g. `profiles[0].applicationKey: …`. */
  readonly problems: readonly string[];
  constructor(kind: ConfigErrorKind, path: string, message: string, problems: readonly string[] = []) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.path = path;
    this.problems = problems;
  }
}

/** A value handed to the config API is not acceptable; `field` names it (`name`, `partSize`, …). */
export class ConfigValueError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** A profile operation names a profile that is missing (`not-found`) or taken (`already-exists`). */
export class ProfileError extends Error {
  readonly kind: 'not-found' | 'already-exists';
  readonly profileName: string;
  /** The names that do exist, for "did you mean" style messages. */
  readonly available: readonly string[];
  constructor(kind: 'not-found' | 'already-exists', profileName: string, available: readonly string[]) {
    super(
      kind === 'not-found'
        ? `There is no profile named ${JSON.stringify(profileName)}. ${listNames(available)}`
        : `A profile named ${JSON.stringify(profileName)} already exists.`,
    );
    this.name = new.target.name;
    this.kind = kind;
    this.profileName = profileName;
    this.available = available;
  }
}

/**
 * Credentials cannot be resolved:
 * - `partial-env`: only one of B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY is set (`missing` names the other);
 * - `unknown-profile`: the requested (or default) profile does not exist (`available` lists the names);
 * - `invalid-endpoint`: B2_ENDPOINT is not an http(s) URL.
 */
export class CredentialsError extends Error {
  readonly kind: 'partial-env' | 'unknown-profile' | 'invalid-endpoint';
  readonly missing: string | undefined;
  readonly available: readonly string[];
  constructor(
    kind: 'partial-env' | 'unknown-profile' | 'invalid-endpoint',
    message: string,
    details: { missing?: string; available?: readonly string[] } = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.missing = details.missing;
    this.available = details.available ?? [];
  }
}

/** A human size string ("64MiB") could not be parsed. */
export class SizeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** "Existing profiles: a, b." or "There are no profiles yet." */
export function listNames(names: readonly string[]): string {
  return names.length === 0
    ? 'There are no profiles yet.'
    : `Existing profiles: ${names.map((n) => JSON.stringify(n)).join(', ')}.`;
}
