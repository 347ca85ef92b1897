/**
 * `b2c ls URL [-l] [-r] [--versions] [--json] [--profile NAME]`: lists buckets (`b2://`), a
 * bucket or folder (`b2://bucket/dir`), one file, or a local path. The permission rules are asked
 * first: a key that may not list there is refused with their reason and nothing is requested.
 * Exit codes (kit/exit-codes.ts): 0 listed, 1 failed (refused, not found, …), 2 key rejected,
 * 3 B2 unreachable (while signing in or listing: it refused connections or stayed silent past
 * the network bound), 64 usage error.
 */
import { NotFoundError } from '../providers/errors.js';
import { createLocalProvider } from '../providers/local/index.js';
import { ruleLocation } from '../state/location/rule-location.js';
import { checkAction, type PermissionDecision } from '../state/permissions/permissions.js';
import type { KeyInfo } from '../state/model/key-info.js';
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
import { eitherKind } from './location-checks.js';
import { formatRow, longHeader, rowJson } from './ls-format.js';
import { folderEntries, walk } from './ls-walk.js';
import type { Entry, Provider } from '../providers/types.js';
import { formatLocation, type CliLocation } from './location-url.js';

export const LS_USAGE = `Usage: b2c ls URL [options]

Lists buckets (b2://), a bucket or folder (b2://BUCKET/PATH), a file, or a local path.

Options:
  -l, --long        size (bytes), date (UTC), SHA1 (or the type of a folder or bucket), name
  -r, --recursive   list folders with everything inside them
  --versions        every version of each file, with its action (upload, hide, start) and file ID
  --profile NAME    use this saved profile (B2_* environment variables win)
  --json            print one JSON document with every entry
  -h, --help        show this help

Exit codes: 0 listed, 1 failed (not allowed, not found, …), 2 key rejected, 3 B2 unreachable,
64 usage error.`;

const OPTIONS = {
  long: { type: 'boolean', short: 'l' },
  recursive: { type: 'boolean', short: 'r' },
  versions: { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const;

/** May `key` list (or show the versions of) `loc`? */
function listDecision(loc: CliLocation, versions: boolean, key: KeyInfo | null, now: number): PermissionDecision {
  if (loc.kind === 'local') return checkAction('list', ruleLocation('local', loc.path, { dir: true }), null, now);
  if (!versions) return checkAction('list', ruleLocation('b2', loc.path, { dir: true }), key, now);
  return eitherKind((dir) => checkAction('show-versions', ruleLocation('b2', loc.path, { dir }), key, now));
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * For a B2 folder a plain listing found empty: what it holds that only `--versions` lists
 * (hidden names, unfinished large files, folders of them), as the rest of a sentence; null when
 * it holds nothing at all (it does not exist).
 */
async function versionsOnlyNote(provider: Provider, path: string): Promise<string | null> {
  let entries: Entry[];
  try {
    entries = await folderEntries(provider, path, true);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  if (entries.length === 0) return null;
  const unfinished = entries.filter((e) => e.unfinished === true).length;
  const hidden = entries.filter((e) => e.hidden === true).length;
  const folders = entries.filter((e) => e.kind === 'dir').length;
  const parts = [
    unfinished > 0 ? counted(unfinished, 'unfinished large file', 'unfinished large files') : '',
    hidden > 0 ? counted(hidden, 'hidden name', 'hidden names') : '',
    folders > 0 ? counted(folders, 'folder of such names', 'folders of such names') : '',
  ].filter((p) => p !== '');
  return `holds no finished, visible file: only ${parts.join(', ')} (ls --versions lists ${entries.length === 1 ? 'it' : 'them'}).`;
}

/** `b2c ls`. */
export const LS_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'ls',
  usage: LS_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length !== 1) throw usageError('ls takes exactly one location.', LS_USAGE);
    const loc = locationArg(positionals[0] as string, deps.cwd, LS_USAGE);
    const versions = values.versions === true;
    if (versions && loc.kind === 'local') throw usageError('--versions works only on B2 (b2://BUCKET/PATH).', LS_USAGE);
    if (versions && loc.kind === 'b2' && loc.bucket === null)
      throw usageError('--versions needs a bucket: b2://BUCKET[/PATH].', LS_USAGE);

    const session = loc.kind === 'b2' ? await signInCommand(deps, out, values.profile) : null;
    const decision = listDecision(loc, versions, session?.keyInfo ?? null, deps.now());
    if (!decision.allowed)
      throw new CommandFailure('permission-denied', decision.reason ?? 'This key may not list there.');

    const provider = session?.provider ?? createLocalProvider();
    // A bucket, the bucket list, or a B2 URL written as a folder (ending in `/`) is listed as one.
    const asFolder = loc.kind === 'b2' && (loc.key === '' || loc.trailingSlash);
    const rows = walk(provider, loc.path, asFolder, { recursive: values.recursive === true, versions });
    const long = values.long === true;
    try {
      if (out.json) {
        const entries: Record<string, unknown>[] = [];
        for await (const row of rows) entries.push(rowJson(row, loc.kind));
        out.printJson({ location: loc.raw, entries });
        return EXIT.ok;
      }
      let first = true;
      for await (const row of rows) {
        if (first && long) out.lines([longHeader(versions)]);
        first = false;
        out.lines([formatRow(row, long, versions)]);
      }
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const itself = error.path === undefined || error.path === loc.path;
      // A B2 folder may hold names that only --versions shows: it exists, with nothing to list here.
      const unlisted = itself && !versions && loc.kind === 'b2' ? await versionsOnlyNote(provider, loc.path) : null;
      if (unlisted !== null) {
        out.note(`"${loc.raw}" ${unlisted}`);
        if (out.json) out.printJson({ location: loc.raw, entries: [] });
        return EXIT.ok;
      }
      const where = itself ? loc.raw : formatLocation(loc.kind, error.path ?? loc.path);
      throw new CommandFailure('not-found', versions ? `"${where}" has no versions.` : `"${where}" does not exist.`, {
        cause: error,
      });
    }
  },
};

/** Runs `b2c ls` with `argv` after "ls". Resolves with the exit code. */
export function runLsCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(LS_COMMAND, argv, deps);
}
