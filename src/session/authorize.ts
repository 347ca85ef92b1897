/**
 * One authorization with one set of credentials: the step every sign-in ends with (the CLI's
 * commands, the file manager's profiles, the wizard's check before saving).
 */
import type { B2Provider, ConnectB2Options } from '../providers/b2/index.js';
import { connectB2Lazily } from '../providers/b2/lazy.js';
import type { KeyInfo } from '../state/model/key-info.js';

/** Credentials to authorize with. `applicationKey` is secret: never print or log it. */
export interface Credentials {
  applicationKeyId: string;
  applicationKey: string;
  /** API base URL; absent or empty for the real B2. */
  endpoint?: string;
}

/** Provider options a caller may add (retry tunables, part sizes, a signal). Never credentials. */
export type AuthorizeOptions = Omit<ConnectB2Options, 'applicationKeyId' | 'applicationKey' | 'endpoint'>;

/**
 * Authorizes (b2_authorize_account v4) and returns the provider for that key.
 * @throws AuthError (wrong key ID or key, key expired or deleted), UnreachableError,
 * CancelledError: the provider's typed errors, whose messages are the sentences users read
 * (sign-in-failure.ts classifies them).
 */
export function authorize(credentials: Credentials, options: AuthorizeOptions = {}): Promise<B2Provider> {
  return connectB2Lazily({
    ...options,
    applicationKeyId: credentials.applicationKeyId,
    applicationKey: credentials.applicationKey,
    endpoint: credentials.endpoint === undefined || credentials.endpoint === '' ? undefined : credentials.endpoint,
  });
}

/**
 * Authorizes once and returns what the key may do: the account wizard's check before it saves a
 * profile. @throws as {@link authorize}
 */
export async function verifyCredentials(credentials: Credentials, signal?: AbortSignal): Promise<KeyInfo> {
  return (await authorize(credentials, { signal })).keyInfo;
}
