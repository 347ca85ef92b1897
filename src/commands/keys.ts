/**
 * `b2c keys inspect|list|create|delete`: the key inspector and key management without a TUI.
 * Every subcommand refuses a secret on the command line first (it would show in `ps`).
 * Exit codes (kit/exit-codes.ts): 0 ok, 1 anything else, 2 credentials rejected, 3 endpoint
 * unreachable, 64 usage error.
 */
import { CREATE_COMMAND, CREATE_USAGE } from './keys-create.js';
import { DELETE_COMMAND } from './keys-delete.js';
import { INSPECT_COMMAND } from './keys-inspect.js';
import { LIST_COMMAND } from './keys-list.js';
import { EXIT, processCliDeps, runBody, runCommand, usageError, type CliDeps } from './kit/index.js';

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

/** The subcommands by name, each run by the kit's runner. */
const SUBCOMMANDS = new Map<string, (argv: string[], deps: CliDeps) => Promise<number>>([
  ['inspect', (argv, deps) => runCommand(INSPECT_COMMAND, argv, deps)],
  ['list', (argv, deps) => runCommand(LIST_COMMAND, argv, deps)],
  ['create', (argv, deps) => runCommand(CREATE_COMMAND, argv, deps)],
  ['delete', (argv, deps) => runCommand(DELETE_COMMAND, argv, deps)],
]);

/** Runs `b2c keys …` with `argv` after "keys". Resolves with the exit code. */
export function runKeysCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  const [sub, ...rest] = argv;
  return runBody(`keys${sub === undefined || sub.startsWith('-') ? '' : ` ${sub}`}`, argv, deps, async (out) => {
    const subcommand = sub === undefined ? undefined : SUBCOMMANDS.get(sub);
    if (subcommand !== undefined) return subcommand(rest, deps);
    switch (sub) {
      case '--help':
      case '-h':
      case 'help':
        out.lines(KEYS_USAGE.split('\n'));
        return EXIT.ok;
      case undefined:
        throw usageError('Which keys command?', KEYS_USAGE);
      default:
        throw usageError(`Unknown keys command "${sub}".`, KEYS_USAGE);
    }
  });
}
