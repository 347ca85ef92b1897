/**
 * `b2c keys inspect [--profile NAME] [--json]`: what the signed-in key may do, without a TUI: the
 * same facts and lines as the key inspector. Exit codes: 0 the key is valid, 2 credentials
 * rejected (wrong key ID or key, expired or deleted key), 3 endpoint unreachable, 64 usage error,
 * 1 anything else.
 * The JSON carries no secret (KeyFacts cannot hold one).
 */
import { keyFacts, type KeyFacts } from '../state/accounts/keys-screen-facts.js';
import { keyFactLines, lineText } from '../state/accounts/keys-screen-lines.js';
import { COMMON_OPTIONS, EXIT, isoOrNull, signInCommand, usageError, type CliCommand } from './kit/index.js';

export const INSPECT_USAGE = `Usage: b2c keys inspect [--profile NAME] [--json]

Shows what the application key may do: account, buckets, name prefix, expiry, every b2c action
and every capability. Uses B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY when set, else the profile.

Exit codes: 0 valid, 2 credentials rejected, 3 endpoint unreachable, 64 usage error,
1 anything else.`;

/** The JSON document of a valid key: the facts, with the expiry as ISO 8601. */
export function inspectJson(facts: KeyFacts): Record<string, unknown> {
  return { valid: true, ...facts, expiresAt: isoOrNull(facts.expiresAt) };
}

/** `b2c keys inspect`. */
export const INSPECT_COMMAND: CliCommand<typeof COMMON_OPTIONS> = {
  name: 'keys inspect',
  usage: INSPECT_USAGE,
  options: COMMON_OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length > 0) throw usageError('keys inspect takes no arguments.', INSPECT_USAGE);
    const session = await signInCommand(deps, out, values.profile);
    const facts = keyFacts({
      keyInfo: session.keyInfo,
      profileName: session.identity.profileName,
      source: session.identity.source,
      endpoint: session.identity.endpoint,
      now: deps.now(),
    });
    if (out.json) out.printJson(inspectJson(facts));
    else out.lines(keyFactLines(facts).map(lineText));
    return EXIT.ok;
  },
};
