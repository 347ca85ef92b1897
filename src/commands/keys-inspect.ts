/**
 * `b2c keys inspect [--profile NAME] [--json]`: what the signed-in key may do, without a TUI: the
 * same facts and lines as the key inspector. Exit codes: 0 the key is valid, 2 credentials
 * rejected (wrong key ID or key, expired or deleted key), 3 endpoint unreachable, 1 anything else.
 * The JSON carries no secret (KeyFacts cannot hold one).
 */
import { keyFacts, type KeyFacts } from '../state/accounts/keys-screen-facts.js';
import { keyFactLines, lineText } from '../state/accounts/keys-screen-lines.js';
import { COMMON_OPTIONS, parseOptions, runSubcommand, signIn, type KeysDeps } from './keys-common.js';
import { isoOrNull } from './output.js';
import { CommandFailure, EXIT } from './session.js';

export const INSPECT_USAGE = `Usage: b2c keys inspect [--profile NAME] [--json]

Shows what the application key may do: account, buckets, name prefix, expiry, every b2c action
and every capability. Uses B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY when set, else the profile.

Exit codes: 0 valid, 2 credentials rejected, 3 endpoint unreachable, 1 anything else.`;

/** The JSON document of a valid key: the facts, with the expiry as ISO 8601. */
export function inspectJson(facts: KeyFacts): Record<string, unknown> {
  return { valid: true, ...facts, expiresAt: isoOrNull(facts.expiresAt) };
}

/** Runs `keys inspect`. Resolves with the exit code. */
export function runKeysInspect(argv: string[], deps: KeysDeps): Promise<number> {
  return runSubcommand('keys inspect', argv, deps, async (out) => {
    const { values, positionals } = parseOptions(argv, COMMON_OPTIONS, INSPECT_USAGE);
    if (values.help === true) {
      out.lines(INSPECT_USAGE.split('\n'));
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new CommandFailure('usage', 'keys inspect takes no arguments.', { usage: INSPECT_USAGE });
    const session = await signIn(deps, out, values.profile);
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
  });
}
