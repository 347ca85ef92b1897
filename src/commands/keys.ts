/**
 * `b2c keys inspect|list|create|delete`: the key inspector and key management without a TUI.
 * Every subcommand refuses a secret on the command line first (it would show in `ps`).
 * Exit codes (src/commands/session.ts): 0 ok, 1 anything else, 2 credentials rejected,
 * 3 endpoint unreachable.
 */
import { runKeysCreate, CREATE_USAGE } from './keys-create.js';
import { runKeysDelete } from './keys-delete.js';
import { processDeps, runSubcommand, type KeysDeps } from './keys-common.js';
import { runKeysInspect } from './keys-inspect.js';
import { runKeysList } from './keys-list.js';
import { CommandFailure, EXIT, refuseSecretArguments } from './session.js';

export const KEYS_USAGE = `Usage: b2c keys COMMAND [options]

Commands:
  inspect [--profile NAME] [--json]     what the key may do (exit 2: rejected, 3: unreachable)
  list [--profile NAME] [--json]        the account's application keys
  create NAME --preset P | --capabilities a,b [--bucket B]... [--prefix P] [--duration 7d]
                                        create a key; prints its secret once
  delete KEY_ID [--profile NAME] [--json]
                                        delete a key

Credentials: B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY (and B2_ENDPOINT), else the profile.
Run "b2c keys COMMAND --help" for details. Presets and options of create:
${CREATE_USAGE.split('\n').slice(4).join('\n')}`;

/** Runs `b2c keys …` with `argv` after "keys". Resolves with the exit code. */
export function runKeysCommand(argv: string[], deps: KeysDeps = processDeps()): Promise<number> {
  const [sub, ...rest] = argv;
  return runSubcommand(`keys${sub === undefined || sub.startsWith('-') ? '' : ` ${sub}`}`, argv, deps, async (out) => {
    refuseSecretArguments(argv);
    switch (sub) {
      case 'inspect':
        return runKeysInspect(rest, deps);
      case 'list':
        return runKeysList(rest, deps);
      case 'create':
        return runKeysCreate(rest, deps);
      case 'delete':
        return runKeysDelete(rest, deps);
      case '--help':
      case '-h':
      case 'help':
        out.lines(KEYS_USAGE.split('\n'));
        return EXIT.ok;
      case undefined:
        throw new CommandFailure('usage', 'Which keys command?', { usage: KEYS_USAGE });
      default:
        throw new CommandFailure('usage', `Unknown keys command "${sub}".`, { usage: KEYS_USAGE });
    }
  });
}
