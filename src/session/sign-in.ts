/**
 * Signing in with the credentials the user chose: the B2_* environment variables (the official
 * b2 CLI's names) over `--profile NAME` over the default (or only) profile, then one
 * authorization. Used by every non-interactive command; the file manager and the wizard use its
 * parts (authorize.ts). Failures are typed (see sign-in-failure.ts for their kinds and words).
 */
import { loadConfigStore, redactUrlUserInfo, resolveCredentials } from '../config/index.js';
import type { ConfigStore, Env, OpenConfigOptions, ResolvedCredentials } from '../config/index.js';
import type { B2Provider } from '../providers/b2/index.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { authorize, type AuthorizeOptions } from './authorize.js';
import { NoCredentialsError } from './sign-in-failure.js';

/** What {@link signIn} is asked for. */
export interface SignInRequest {
  /** `--profile NAME`, when given. */
  profileName?: string;
  /** The environment: credentials, B2C_CONFIG_DIR, B2C_NETWORK_TIMEOUT (process.env in production). */
  env: Env;
  /** Config directory override (else B2C_CONFIG_DIR, else the platform default). */
  configDir?: string;
  /** Extra provider options (retry tunables, part sizes). Never credentials. */
  connect?: AuthorizeOptions;
}

/** Where the credentials came from, without the secret. */
export interface SignInIdentity {
  source: 'env' | 'profile';
  /** The profile used (`source: 'profile'`). */
  profileName: string | null;
  applicationKeyId: string;
  /** API base URL (user-info redacted: it is for display), or null for the real B2. */
  endpoint: string | null;
}

/** A signed-in key. */
export interface SignedIn {
  provider: B2Provider;
  keyInfo: KeyInfo;
  identity: SignInIdentity;
  /** The open config, or null when the environment supplied the key and none was opened. */
  config: ConfigStore | null;
  /** Things to tell the user (the environment overrode --profile, config notices). */
  warnings: string[];
}

/** The config, opened on first use: environment credentials must work even with a broken config file. */
function lazyConfig(
  request: SignInRequest,
  openConfig: (options: OpenConfigOptions) => ConfigStore,
): { get(): ConfigStore; opened(): ConfigStore | null } {
  let store: ConfigStore | null = null;
  return {
    get() {
      store ??= openConfig({ dir: request.configDir, env: request.env });
      return store;
    },
    opened: () => store,
  };
}

/**
 * Resolves the credentials and authorizes.
 * @throws NoCredentialsError; the config layer's ConfigError, CredentialsError (unknown profile,
 * half-set environment, bad B2_ENDPOINT), ProfileError; the provider's AuthError (rejected,
 * expired, deleted), UnreachableError, CancelledError
 */
export async function signIn(request: SignInRequest): Promise<SignedIn> {
  // The config file's library (conf with ajv) is imported by the sign-in that may read the file,
  // not with this module: the file manager shares it and draws its first frame without them.
  const { openConfig } = await loadConfigStore();
  const config = lazyConfig(request, openConfig);
  const resolved = resolveCredentials({
    profileName: request.profileName,
    env: request.env,
    config: {
      listProfiles: () => config.get().listProfiles(),
      getProfile: (name) => config.get().getProfile(name),
      getDefaultProfileName: () => config.get().getDefaultProfileName(),
    },
  });
  if (resolved.source === 'none') throw new NoCredentialsError(resolved.reason, resolved.profiles);
  const credentials: ResolvedCredentials = resolved;
  const warnings: string[] = [];
  if (credentials.ignoredProfile !== undefined) {
    warnings.push(
      `B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY are set, so --profile ${JSON.stringify(credentials.ignoredProfile)} is ignored.`,
    );
  }
  warnings.push(...(config.opened()?.notices ?? []));
  const provider = await authorize(credentials, { env: request.env, ...request.connect });
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
}
