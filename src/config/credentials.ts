/**
 * Which credentials to use: the environment (the official b2 CLI's variable names) overrides
 * stored profiles; otherwise the named profile, else the default one. Pure: env and config are
 * passed in, nothing is read from process.env here.
 */
import { CredentialsError, listNames } from './errors.js';
import { ENDPOINT_PATTERN, matches } from './patterns.js';
import { redactUrlUserInfo, redactWhenSerialised } from './redact.js';
import type { ConfigStore } from './store.js';

/** The variables, as the official b2 CLI names them. */
export const ENV_KEY_ID = 'B2_APPLICATION_KEY_ID';
export const ENV_KEY = 'B2_APPLICATION_KEY';
export const ENV_ENDPOINT = 'B2_ENDPOINT';

/** What resolution needs from the config (a ConfigStore fits). */
export type CredentialSource = Pick<ConfigStore, 'listProfiles' | 'getProfile' | 'getDefaultProfileName'>;

/** Input of {@link resolveCredentials}. */
export interface ResolveCredentialsInput {
  /** `--profile NAME`, when given. */
  profileName?: string;
  /** The environment (pass process.env in production, a plain object in tests). */
  env: Readonly<Record<string, string | undefined>>;
  config: CredentialSource;
}

/** Credentials to authorise with. Serialises (JSON, util.inspect) without `applicationKey`. */
export interface ResolvedCredentials {
  source: 'env' | 'profile';
  /** The profile used (`source: 'profile'` only). */
  profileName?: string;
  applicationKeyId: string;
  applicationKey: string;
  /** API base URL; absent means the real B2. */
  endpoint?: string;
  /** Set when env credentials won over an explicitly requested `--profile` (worth a warning). */
  ignoredProfile?: string;
}

/**
 * No credentials anywhere: the TUI opens the wizard. `no-profiles`: nothing stored;
 * `no-default`: several profiles and none is the default (`profiles` lists them to choose from).
 */
export interface NoCredentials {
  source: 'none';
  reason: 'no-profiles' | 'no-default';
  profiles: string[];
}

/**
 * Resolves credentials:
 * 1. `B2_APPLICATION_KEY_ID` and `B2_APPLICATION_KEY` both set (non-empty) → `source: 'env'`;
 * 2. else `profileName` if given, else the default profile, else the only profile → `'profile'`;
 * 3. else `{source: 'none'}`.
 * `B2_ENDPOINT` (when set) replaces the endpoint in cases 1 and 2. Values are trimmed.
 * @throws CredentialsError `partial-env` (one variable set without the other; names the missing
 * one), `unknown-profile` (requested or default profile missing; lists existing names),
 * `invalid-endpoint` (B2_ENDPOINT not an http(s) URL). May throw ConfigError from `config`.
 */
export function resolveCredentials(input: ResolveCredentialsInput): ResolvedCredentials | NoCredentials {
  const { env, config, profileName } = input;
  const keyId = envValue(env, ENV_KEY_ID);
  const key = envValue(env, ENV_KEY);
  const endpoint = envEndpoint(env);
  if (keyId !== undefined || key !== undefined) {
    if (keyId === undefined || key === undefined) {
      const [set, missing] = keyId === undefined ? [ENV_KEY, ENV_KEY_ID] : [ENV_KEY_ID, ENV_KEY];
      throw new CredentialsError(
        'partial-env',
        `${set} is set but ${missing} is not: set both to use a key from the environment, or unset ${set} to use a stored profile.`,
        { missing },
      );
    }
    return guarded({
      source: 'env',
      applicationKeyId: keyId,
      applicationKey: key,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(profileName === undefined ? {} : { ignoredProfile: profileName }),
    });
  }
  const names = config.listProfiles().map((p) => p.name);
  const defaultName = config.getDefaultProfileName();
  const wanted = profileName ?? defaultName ?? (names.length === 1 ? names[0] : undefined);
  if (wanted === undefined) {
    return { source: 'none', reason: names.length === 0 ? 'no-profiles' : 'no-default', profiles: names };
  }
  const profile = config.getProfile(wanted);
  if (profile === undefined) {
    const which =
      profileName === undefined
        ? `The default profile ${JSON.stringify(wanted)}`
        : `The profile ${JSON.stringify(wanted)}`;
    throw new CredentialsError('unknown-profile', `${which} does not exist. ${listNames(names)}`, { available: names });
  }
  const finalEndpoint = endpoint ?? profile.endpoint;
  return guarded({
    source: 'profile',
    profileName: profile.name,
    applicationKeyId: profile.applicationKeyId,
    applicationKey: profile.applicationKey,
    ...(finalEndpoint === undefined ? {} : { endpoint: finalEndpoint }),
  });
}

/**
 * The credentials without the secret, for `--json` output and logs. Pure.
 */
export function describeCredentials(credentials: ResolvedCredentials): Omit<ResolvedCredentials, 'applicationKey'> {
  const { applicationKey: _secret, ...rest } = credentials;
  return rest.endpoint === undefined ? rest : { ...rest, endpoint: redactUrlUserInfo(rest.endpoint) };
}

function guarded(credentials: ResolvedCredentials): ResolvedCredentials {
  return redactWhenSerialised(credentials, describeCredentials);
}

function envValue(env: ResolveCredentialsInput['env'], name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function envEndpoint(env: ResolveCredentialsInput['env']): string | undefined {
  const endpoint = envValue(env, ENV_ENDPOINT);
  if (endpoint !== undefined && !matches(ENDPOINT_PATTERN, endpoint)) {
    throw new CredentialsError(
      'invalid-endpoint',
      `${ENV_ENDPOINT} must be an http:// or https:// URL, like https://api.backblazeb2.com.`,
    );
  }
  return endpoint;
}
