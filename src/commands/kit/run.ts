/**
 * The one runner of b2c's commands. A command is a {@link CliCommand}: its name, help text,
 * options and body. {@link runCommand} refuses a secret on the command line before anything else
 * (it would show in `ps`), parses the options (parser: args.ts), answers `--help`, runs the body,
 * and is the one place a failure is printed and turned into an exit code (exit-codes.ts).
 */
import type { CliDeps } from './deps.js';
import { EXIT } from './exit-codes.js';
import { refuseSecretArguments, toCommandFailure } from './failure.js';
import { createOutput, type Output } from './output.js';
import { parseCliOptions, type OptionSpecs, type ParsedArgs } from './args.js';

/** What a command's body gets besides its arguments. */
export interface CommandIo {
  deps: CliDeps;
  /** The printer, already knowing whether `--json` was asked for. */
  out: Output;
}

/** A command. `options` must declare `help` (and `json` when the command prints JSON). */
export interface CliCommand<O extends OptionSpecs> {
  /** As in `b2c NAME: …` lines, e.g. `ls`, `keys inspect`. */
  name: string;
  /** The help text (`--help`, and after a usage error). */
  usage: string;
  options: O & { help: { type: 'boolean' } };
  /**
   * Runs with the parsed arguments. Resolves with the exit code; throws CommandFailure (or any
   * typed error of the layers below, see failure.ts) for the runner to print.
   */
  run(args: ParsedArgs<O>, io: CommandIo): Promise<number>;
}

/**
 * Runs `body` with one place for failures: anything it throws is printed (`b2c NAME: message`,
 * then the usage text if the failure has one; with `--json` also as a JSON error document) and
 * becomes its exit code. A secret on the command line is refused first. `--json` is read from
 * argv up front, so that even a usage error comes out as JSON when asked; `json: false` for
 * commands that never print JSON.
 */
export async function runBody(
  name: string,
  argv: readonly string[],
  deps: CliDeps,
  body: (out: Output) => Promise<number>,
  options: { json?: boolean } = {},
): Promise<number> {
  const out = createOutput(name, options.json !== false && argv.includes('--json'), deps.streams);
  try {
    refuseSecretArguments(argv);
    return await body(out);
  } catch (error) {
    const failure = toCommandFailure(error);
    out.fail(failure.kind, failure.message, failure.exitCode, failure.usage);
    return failure.exitCode;
  }
}

/** Runs `command` with `argv` (the arguments after its name). Resolves with the exit code. */
export function runCommand<O extends OptionSpecs>(
  command: CliCommand<O>,
  argv: string[],
  deps: CliDeps,
): Promise<number> {
  return runBody(
    command.name,
    argv,
    deps,
    async (out) => {
      const args = parseCliOptions(argv, command.options as O, command.usage);
      if ((args.values as { help?: boolean }).help === true) {
        out.lines(command.usage.split('\n'));
        return EXIT.ok;
      }
      return command.run(args, { deps, out });
    },
    { json: 'json' in command.options },
  );
}
