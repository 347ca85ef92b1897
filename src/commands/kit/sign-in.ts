/**
 * Signing in for a command: the sign-in service (src/session) with the command's environment,
 * its warnings printed on stderr.
 */
import { signIn, type AuthorizeOptions, type SignedIn } from '../../session/index.js';
import type { CliDeps } from './deps.js';
import type { Output } from './output.js';

/**
 * Signs in (B2_* environment variables over `--profile` over the default profile) and prints
 * the warnings. @throws the sign-in service's typed errors (failure.ts maps them to exit codes)
 */
export async function signInCommand(
  deps: CliDeps,
  out: Output,
  profileName: string | undefined,
  connect?: AuthorizeOptions,
): Promise<SignedIn> {
  const session = await signIn({ profileName, env: deps.env, connect });
  for (const w of session.warnings) out.warn(w);
  return session;
}
