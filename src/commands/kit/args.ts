/**
 * The one argument parser of b2c's commands: strict node:util parseArgs (short flags may be
 * grouped, `-lr`), plus the checks of numbers, sizes and locations. Every mistake is a usage
 * failure (exit 64) carrying the command's help text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseSize } from '../../config/index.js';
import { LocationSyntaxError, parseLocation, type CliLocation } from '../location-url.js';
import { usageError } from './failure.js';
import { parseArgsFailure } from './args-errors.js';
import { errorMessage } from '../../error-text.js';

/** Option declarations, as node:util parseArgs takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options most commands take: the profile to sign in with, JSON output, help. */
export const COMMON_OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

/** What {@link parseCliOptions} returns for `options`: typed `values` and the `positionals`. */
export type ParsedArgs<O extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
>;

/**
 * node:util parseArgs, strict, positionals allowed.
 * @throws CommandFailure `usage` for unknown options or missing option values
 */
export function parseCliOptions<O extends OptionSpecs>(argv: string[], options: O, usage: string): ParsedArgs<O> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(parseArgsFailure(error, argv, options, true), usage);
  }
}

/**
 * A whole number option within [min, max], or `undefined` when absent.
 * @throws CommandFailure `usage` for anything else
 */
export function integerOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  usage: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--${name} must be a whole number, not "${value}".`, usage);
  const n = Number(value);
  if (n < min || n > max) throw usageError(`--${name} must be between ${min} and ${max}.`, usage);
  return n;
}

/** Largest part B2 accepts: 5 GB (docs/b2-api.md §5.2). */
export const MAX_PART_SIZE = 5_000_000_000;

/**
 * A size option (`64MiB`, `5MB`, `1048576`) in bytes, or `undefined` when absent. Sizes below the
 * server's `absoluteMinimumPartSize` are raised to it by the B2 provider, so only ≥ 1 is required.
 * @throws CommandFailure `usage` for unparsable sizes, 0, or more than 5 GB
 */
export function sizeOption(name: string, value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  let bytes: number;
  try {
    bytes = parseSize(value);
  } catch (error) {
    throw usageError(`--${name}: ${errorMessage(error)}`, usage);
  }
  if (bytes < 1 || bytes > MAX_PART_SIZE) throw usageError(`--${name} must be between 1 byte and 5GB.`, usage);
  return bytes;
}

/**
 * Parses a location argument (see location-url.ts).
 * @throws CommandFailure `usage` for malformed `b2:` URLs and empty arguments
 */
export function locationArg(arg: string, cwd: string, usage: string): CliLocation {
  try {
    return parseLocation(arg, cwd);
  } catch (error) {
    if (error instanceof LocationSyntaxError) throw usageError(error.message, usage);
    throw error;
  }
}

/** The provider reference the transfer engine uses for a location's side. */
export function refOf(loc: CliLocation): 'local' | 'b2' {
  return loc.kind === 'b2' ? 'b2' : 'local';
}
