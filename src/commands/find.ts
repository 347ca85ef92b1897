/**
 * `b2c find URL [--name GLOB] [--min-size N] [--max-size N] [--newer DATE] [--older DATE]
 * [--versions] [-l] [--json] [--profile NAME]`: the files under a B2 folder (b2://BUCKET/PREFIX, one
 * flat listing, docs/b2-api.md §4.2) or a local folder, at any depth, that pass every test.
 * Exit codes (kit/exit-codes.ts): 0 searched (with or without matches), 1 failed (not allowed,
 * not found, …), 2 key rejected, 3 B2 unreachable, 64 usage error.
 */
import { parseSize } from '../config/index.js';
import { NotFoundError } from '../providers/errors.js';
import { findWalk } from '../providers/find-walk.js';
import { createLocalProvider } from '../providers/local/index.js';
import { findMatcher, FIND_DATE_HINT, parseFindDate, type FindCriteria } from '../state/find/find-criteria.js';
import { ruleLocation } from '../state/location/rule-location.js';
import { checkAction } from '../state/permissions/permissions.js';
import { errorMessage } from '../error-text.js';
import {
  COMMON_OPTIONS,
  CommandFailure,
  EXIT,
  locationArg,
  processCliDeps,
  runCommand,
  signInCommand,
  usageError,
  type CliCommand,
  type CliDeps,
} from './kit/index.js';
import { statOrNull } from './location-checks.js';
import { formatRow, longHeader, rowJson } from './ls-format.js';

export const FIND_USAGE = `Usage: b2c find URL [options]

Finds files under a B2 folder (b2://BUCKET/PATH) or a local folder, at any depth, whose name
matches and that pass every test given. Names are printed relative to URL.

Options:
  --name PATTERN    a mask matched against the whole file name (*.log, img_??.{jpg,png}), or
                    text the name contains (any case) when it has no * or ?
  --min-size SIZE   at least SIZE bytes (suffixes K, M, G, T: powers of 1024; KB, MB, GB: of 1000)
  --max-size SIZE   at most SIZE bytes
  --newer DATE      modified at or after DATE: 2025-11-28 (UTC), 2025-11-28T15:04Z, or an age:
                    30m, 12h, 7d, 2w
  --older DATE      modified before DATE
  --versions        B2: include files whose newest version is hidden (they are billed); both
                    local and B2: include dotfiles
  -l, --long        size (bytes), date (UTC), SHA1, name
  --profile NAME    use this saved profile (B2_* environment variables win)
  --json            print one JSON document with every match (as ls --json)
  -h, --help        show this help

Exit codes: 0 searched (matches or none), 1 failed (not allowed, not found, …), 2 key rejected,
3 B2 unreachable, 64 usage error.`;

const OPTIONS = {
  name: { type: 'string' },
  'min-size': { type: 'string' },
  'max-size': { type: 'string' },
  newer: { type: 'string' },
  older: { type: 'string' },
  versions: { type: 'boolean' },
  long: { type: 'boolean', short: 'l' },
  ...COMMON_OPTIONS,
} as const;

function byteCount(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  try {
    return parseSize(value);
  } catch (error) {
    throw usageError(`--${name}: ${errorMessage(error)}`, FIND_USAGE);
  }
}

function dateOption(name: string, value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const ms = parseFindDate(value, now);
  if (ms === null) throw usageError(`--${name}: "${value}" is not a date: ${FIND_DATE_HINT}.`, FIND_USAGE);
  return ms;
}

/** `b2c find`. */
export const FIND_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'find',
  usage: FIND_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length !== 1) throw usageError('find takes exactly one location.', FIND_USAGE);
    const loc = locationArg(positionals[0] as string, deps.cwd, FIND_USAGE);
    if (loc.kind === 'b2' && loc.bucket === null)
      throw usageError('find searches inside one bucket: b2://BUCKET[/PATH].', FIND_USAGE);
    const now = deps.now();
    const criteria: FindCriteria = {
      name: values.name ?? '',
      minSize: byteCount('min-size', values['min-size']),
      maxSize: byteCount('max-size', values['max-size']),
      newerMs: dateOption('newer', values.newer, now),
      olderMs: dateOption('older', values.older, now),
    };
    if (criteria.minSize !== null && criteria.maxSize !== null && criteria.minSize > criteria.maxSize)
      throw usageError('--min-size is larger than --max-size: nothing could match.', FIND_USAGE);

    const session = loc.kind === 'b2' ? await signInCommand(deps, out, values.profile) : null;
    const decision = checkAction(
      'list',
      ruleLocation(loc.kind, loc.path, { dir: true }),
      session?.keyInfo ?? null,
      now,
    );
    if (!decision.allowed)
      throw new CommandFailure('permission-denied', decision.reason ?? 'This key may not list there.');
    const provider = session?.provider ?? createLocalProvider();
    if (loc.kind === 'local') {
      const entry = await statOrNull(provider, loc.path);
      if (entry === null) throw new CommandFailure('not-found', `"${loc.raw}" does not exist.`);
      if (entry.kind !== 'dir') throw new CommandFailure('not-found', `"${loc.raw}" is not a folder.`);
    }

    const matches = findMatcher(criteria);
    const json: Record<string, unknown>[] = [];
    const long = values.long === true;
    let found = 0;
    try {
      for await (const page of findWalk(provider, loc.path, {
        showHidden: values.versions === true,
        skipped: (path, error) => out.note(`skipped "${path}": ${errorMessage(error)}`),
      })) {
        const rows = page.filter((f) => matches(f.entry));
        if (rows.length > 0 && found === 0 && long && !out.json) out.lines([longHeader(false)]);
        found += rows.length;
        if (out.json) json.push(...rows.map((r) => rowJson(r, loc.kind)));
        else out.lines(rows.map((r) => formatRow(r, long)));
      }
    } catch (error) {
      if (error instanceof NotFoundError) throw new CommandFailure('not-found', `"${loc.raw}" does not exist.`);
      throw error;
    }
    if (out.json) out.printJson({ location: loc.raw, entries: json });
    else if (found === 0) out.note(`Nothing under "${loc.raw}" matches.`);
    return EXIT.ok;
  },
};

/** Runs `b2c find` with `argv` after "find". Resolves with the exit code. */
export function runFindCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(FIND_COMMAND, argv, deps);
}
