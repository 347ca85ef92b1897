/**
 * Signing in for b2c's non-interactive commands (`keys`, `ls`, `cp`, `rm`): refuse secrets on the
 * command line, resolve credentials (B2_* environment variables over saved profiles), authorise
 * with B2, and turn every failure into a {@link CommandFailure} with a documented exit code:
 *
 *   0 success · 1 anything else (usage, config, permission, …) · 2 credentials rejected
 *   (wrong key ID or key, key expired or deleted) · 3 endpoint unreachable.
 *
 * `b2c keys` reports usage errors as 1 so that 2 always means "this key does not work" to a
 * script; other commands may map the `usage` kind to their own code (ls/cp/rm use 2).
 */
import { ConfigError, ConfigValueError, CredentialsError, ProfileError, openConfig, redactUrlUserInfo, refuseSecretInArgv, resolveCredentials } from '../config/index.js';
import type { ConfigStore, Env, ResolvedCredentials } from '../config/index.js';
import { connectB2, type B2Provider, type ConnectB2Options } from '../providers/b2/index.js';
import { AuthError, CancelledError, NotFoundError, PermissionDeniedError, UnreachableError } from '../providers/errors.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { errorMessage } from '../error-text.js';

/** The exit codes of every non-interactive command. */
export const EXIT = { ok: 0, failure: 1, rejected: 2, unreachable: 3 } as const;

/** An exit code b2c's commands return. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Why a command failed; stable for `--json` consumers. */
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
export function exitCodeOf(kind: FailureKind): ExitCode {
  switch (kind) {
    case 'credentials-rejected':
      return EXIT.rejected;
    case 'endpoint-unreachable':
      return EXIT.unreachable;
    case 'usage':
    case 'secret-in-argv':
    case 'no-credentials':
    case 'config':
    case 'permission-denied':
    case 'not-found':
    case 'cancelled':
    case 'failed':
      return EXIT.failure;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * A failure to report to the user: `message` is a sentence without secrets (it may quote names
 * from B2, so printers sanitise it); `usage` is b2c's own help text to print after it, if any.
 */
export class CommandFailure extends Error {
  readonly kind: FailureKind;
  readonly exitCode: ExitCode;
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
 * Maps anything thrown by config, credentials or a provider to a CommandFailure (typed classes
 * only, never message matching). Unknown errors become `failed` with their message.
 */
export function toCommandFailure(error: unknown): CommandFailure {
  if (error instanceof CommandFailure) return error;
  if (error instanceof AuthError) return new CommandFailure('credentials-rejected', error.message, { cause: error });
  if (error instanceof UnreachableError) return new CommandFailure('endpoint-unreachable', error.message, { cause: error });
  if (error instanceof PermissionDeniedError) return new CommandFailure('permission-denied', error.message, { cause: error });
  if (error instanceof NotFoundError) return new CommandFailure('not-found', error.message, { cause: error });
  if (error instanceof CancelledError) return new CommandFailure('cancelled', error.message, { cause: error });
  if (error instanceof ConfigError || error instanceof CredentialsError || error instanceof ProfileError || error instanceof ConfigValueError) {
    return new CommandFailure('config', error.message, { cause: error });
  }
  return new CommandFailure('failed', errorMessage(error), { cause: error });
}

/** @throws CommandFailure `secret-in-argv` when argv carries an application key (see refuseSecretInArgv). */
export function refuseSecretArguments(argv: readonly string[]): void {
  const refusal = refuseSecretInArgv(argv);
  if (refusal !== null) throw new CommandFailure('secret-in-argv', refusal);
}

/** What a command asks {@link openSession} for. */
export interface SessionRequest {
  /** `--profile NAME`, when given. */
  profileName?: string;
  /** The environment (process.env in production). */
  env: Env;
  /** Config directory override (else B2C_CONFIG_DIR, else the platform default). */
  configDir?: string;
  /** Extra provider options (retry tunables, part sizes). Never credentials. */
  connect?: Omit<ConnectB2Options, 'applicationKeyId' | 'applicationKey' | 'endpoint'>;
}

/** Where the credentials came from, without the secret. */
export interface SessionIdentity {
  source: 'env' | 'profile';
  /** The profile used (`source: 'profile'`). */
  profileName: string | null;
  applicationKeyId: string;
  /** API base URL (user-info redacted: it is for display), or null for the real B2. */
  endpoint: string | null;
}

/** A signed-in command session. */
export interface Session {
  provider: B2Provider;
  keyInfo: KeyInfo;
  identity: SessionIdentity;
  /** The open config, or null when the environment supplied the key and none was opened. */
  config: ConfigStore | null;
  /** Things to tell the user on stderr (env overrode --profile, config notices). */
  warnings: string[];
}

/** The config, opened on first use: environment credentials must work even with a broken config file. */
function lazyConfig(request: SessionRequest): { get(): ConfigStore; opened(): ConfigStore | null } {
  let store: ConfigStore | null = null;
  return {
    get() {
      store ??= openConfig({ dir: request.configDir, env: request.env });
      return store;
    },
    opened: () => store,
  };
}

function noCredentialsMessage(reason: 'no-profiles' | 'no-default', profiles: readonly string[]): string {
  if (reason === 'no-profiles') {
    return 'No B2 credentials: set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY, or run b2c without arguments to add a profile with the wizard.';
  }
  return `There are several profiles and none is the default: pass --profile NAME (${profiles.map((p) => JSON.stringify(p)).join(', ')}).`;
}

/**
 * Resolves credentials and authorises.
 * @throws CommandFailure: `no-credentials`, `config` (unreadable config, unknown profile, half-set
 * environment), `credentials-rejected` (exit 2), `endpoint-unreachable` (exit 3), `cancelled`.
 */
export async function openSession(request: SessionRequest): Promise<Session> {
  const config = lazyConfig(request);
  const warnings: string[] = [];
  let credentials: ResolvedCredentials;
  try {
    const resolved = resolveCredentials({
      profileName: request.profileName,
      env: request.env,
      config: {
        listProfiles: () => config.get().listProfiles(),
        getProfile: (name) => config.get().getProfile(name),
        getDefaultProfileName: () => config.get().getDefaultProfileName(),
      },
    });
    if (resolved.source === 'none') throw new CommandFailure('no-credentials', noCredentialsMessage(resolved.reason, resolved.profiles));
    credentials = resolved;
  } catch (error) {
    throw toCommandFailure(error);
  }
  if (credentials.ignoredProfile !== undefined) {
    warnings.push(`B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY are set, so --profile ${JSON.stringify(credentials.ignoredProfile)} is ignored.`);
  }
  warnings.push(...(config.opened()?.notices ?? []));
  try {
    const provider = await connectB2({
      ...request.connect,
      applicationKeyId: credentials.applicationKeyId,
      applicationKey: credentials.applicationKey,
      endpoint: credentials.endpoint,
    });
    return {
      provider,
      keyInfo: provider.keyInfo,
      identity: {
        source: credentials.source,
        profileName: credentials.profileName ?? null,
        applicationKeyId: credentials.applicationKeyId,
        // Shown (keys inspect, JSON): never with a password in the URL.
        endpoint: credentials.endpoint === undefined ? null : redactUrlUserInfo(credentials.endpoint),
      },
      config: config.opened(),
      warnings,
    };
  } catch (error) {
    throw toCommandFailure(error);
  }
}

/** Credentials the wizard checks before saving them. `applicationKey` is secret. */
export interface CredentialsToVerify {
  applicationKeyId: string;
  applicationKey: string;
  /** API base URL; absent or empty for the real B2. */
  endpoint?: string;
}

/**
 * Authorises once and returns what the key may do: the `verify` effect the account wizard needs.
 * @throws AuthError (rejected, expired, deleted), UnreachableError, CancelledError: the provider's
 * typed errors, for the wizard to turn into plain words.
 */
export async function verifyCredentials(credentials: CredentialsToVerify, signal?: AbortSignal): Promise<KeyInfo> {
  const provider = await connectB2({
    applicationKeyId: credentials.applicationKeyId,
    applicationKey: credentials.applicationKey,
    endpoint: credentials.endpoint === undefined || credentials.endpoint === '' ? undefined : credentials.endpoint,
    signal,
  });
  return provider.keyInfo;
}
