/**
 * The CLI kit: what every command is built from. A command is a {@link CliCommand} run by
 * {@link runCommand} with {@link CliDeps}; it parses with args.ts, prints with output.ts, signs
 * in with {@link signInCommand}, and fails by throwing a {@link CommandFailure} whose kind picks
 * the exit code (exit-codes.ts).
 */
export {
  COMMON_OPTIONS,
  integerOption,
  locationArg,
  MAX_PART_SIZE,
  parseCliOptions,
  refOf,
  sizeOption,
  type OptionSpecs,
  type ParsedArgs,
} from './args.js';
export { processCliDeps, type CliDeps, type OutputStreams, type TerminalStream } from './deps.js';
export { EXIT, exitCodeOf, interruptedExitCode, type FailureKind, type InterruptSignal } from './exit-codes.js';
export { CommandFailure, refuseSecretArguments, toCommandFailure, usageError } from './failure.js';
export { createOutput, formatTable, isoOrNull, type Output } from './output.js';
export { runBody, runCommand, type CliCommand, type CommandIo } from './run.js';
export { signInCommand } from './sign-in.js';
