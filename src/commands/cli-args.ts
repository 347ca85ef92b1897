/**
 * Argument parsing shared by `b2c ls`, `cp` and `rm`: strict node:util parseArgs, numbers, sizes
 * and locations, every mistake reported as a {@link UsageError} (exit code 2, issue 5's CLI
 * contract: 0 all done, 1 something failed, 2 usage error).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseSize } from '../config/index.js';
import { LocationSyntaxError, parseLocation, type CliLocation } from './location-url.js';

/** Exit codes of `ls`, `cp` and `rm` (sign-in failures keep session.ts's 2 and 3). */
export const CLI_EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * A mistake on the command line. `usage` is the command's help text, printed after the message
 * (left out when the message alone says what to do).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string | undefined,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * node:util parseArgs, strict, positionals allowed; short flags may be grouped (`-lr`).
 * @throws UsageError for unknown options or missing option values
 */
export function parseCliOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/**
 * A whole number option within [min, max], or `undefined` when absent.
 * @throws UsageError for anything else
 */
export function integerOption(name: string, value: string | undefined, min: number, max: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}".`, usage);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}.`, usage);
  return n;
}

/** Largest part B2 accepts: 5 GB (reference §6). */
export const MAX_PART_SIZE = 5_000_000_000;

/**
 * A size option (`64MiB`, `5MB`, `1048576`) in bytes, or `undefined` when absent. Sizes below the
 * server's `absoluteMinimumPartSize` are raised to it by the B2 provider, so only ≥ 1 is required.
 * @throws UsageError for unparsable sizes, 0, or more than 5 GB
 */
export function sizeOption(name: string, value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  let bytes: number;
  try {
    bytes = parseSize(value);
  } catch (error) {
    throw new UsageError(`--${name}: ${error instanceof Error ? error.message : String(error)}`, usage);
  }
  if (bytes < 1 || bytes > MAX_PART_SIZE) throw new UsageError(`--${name} must be between 1 byte and 5GB.`, usage);
  return bytes;
}

/**
 * Parses a location argument (see location-url.ts).
 * @throws UsageError for malformed `b2:` URLs and empty arguments
 */
export function locationArg(arg: string, cwd: string, usage: string): CliLocation {
  try {
    return parseLocation(arg, cwd);
  } catch (error) {
    if (error instanceof LocationSyntaxError) throw new UsageError(error.message, usage);
    throw error;
  }
}

/** The provider reference the transfer engine uses for a location's side. */
export function refOf(loc: CliLocation): 'local' | 'b2' {
  return loc.kind === 'b2' ? 'b2' : 'local';
}
