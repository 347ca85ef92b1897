/**
 * `b2c rm URL... [-r] [--hide | --version ID | --all-versions] [--dry-run] [--yes] [--json]
 * [--profile NAME]`: removes files and folders on B2 or the local disk through the transfer
 * engine. On B2 the default removes the newest version of each name (like the official `b2 rm`;
 * an older version, if any, becomes the current one); `--hide` hides instead (reversible),
 * `--all-versions` deletes every version, `--version ID` deletes exactly that version. A version
 * Object Lock keeps fails with the reason ("retained until 2027-01-01 (compliance)");
 * `--bypass-governance` lifts governance retention for a key that may (docs/b2-api.md §10.4).
 *
 * Safety: without `--yes`, rm asks on a terminal; when stdin is not a terminal it refuses a
 * recursive delete outright (a usage error, exit 64). `--dry-run` lists exactly what would go and
 * removes nothing.
 * Exit codes (kit/exit-codes.ts): 0 all removed, 1 something failed (each named on stderr), 2 key
 * rejected, 3 B2 unreachable (as for cp), 64 usage error or refused recursive delete,
 * 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP.
 */
import { createLocalProvider } from '../providers/local/index.js';
import type { RemoveMode } from '../providers/types.js';
import type { DeleteRequest } from '../transfers/index.js';
import {
  COMMON_OPTIONS,
  EXIT,
  locationArg,
  processCliDeps,
  refOf,
  runCommand,
  signInCommand,
  usageError,
  type CliCommand,
  type CliDeps,
} from './kit/index.js';
import type { CliLocation } from './location-url.js';
import { reportEarlyStop, runExitCode, runTransfers } from './progress-run.js';
import { failureLine, summaryLine, totalsOf, type JobResult } from './progress-results.js';
import { confirm } from './rm-confirm.js';
import { dryRun, dryRunLine, type DryRunItem } from './rm-dryrun.js';
import { isTarget, planRemove, type RemoveTarget } from './rm-plan.js';
import { transferSettings } from './transfer-settings.js';

export const RM_USAGE = `Usage: b2c rm URL... [options]

Removes files (and with -r, folders) on B2 (b2://BUCKET/PATH) or the local disk.
On B2, without a mode option, the newest version of each name is deleted (an older version,
if any, becomes the current one).

Options:
  -r, --recursive     remove folders with everything in them
  --hide              B2: hide instead of deleting (older versions stay; reversible)
  --version ID        B2: delete exactly this version of one file
  --all-versions      B2: delete every version of each name, for good
  --bypass-governance B2: also delete versions under governance retention (Object Lock; the
                      key needs bypassGovernance). Compliance and legal holds are never lifted.
  --dry-run           list exactly what would be removed; remove nothing
  -y, --yes           do not ask (needed for -r when stdin is not a terminal)
  --profile NAME      use this saved profile (B2_* environment variables win)
  --json              print one JSON document with every outcome
  -h, --help          show this help

Exit codes: 0 all removed, 1 some failed (each named on stderr), 2 key rejected, 3 B2 unreachable,
64 usage error, 130 interrupted.`;

const OPTIONS = {
  recursive: { type: 'boolean', short: 'r' },
  hide: { type: 'boolean' },
  version: { type: 'string' },
  'all-versions': { type: 'boolean' },
  'bypass-governance': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  ...COMMON_OPTIONS,
} as const;

/** The B2 mode the flags ask for. @throws CommandFailure `usage` for contradictions */
function chosenMode(v: { hide?: boolean; version?: string; 'all-versions'?: boolean }): RemoveMode {
  const picked = [v.hide === true, v.version !== undefined, v['all-versions'] === true].filter(Boolean).length;
  if (picked > 1) throw usageError('Choose one of --hide, --version ID and --all-versions.', RM_USAGE);
  if (v.version === '') throw usageError('--version needs a file ID.', RM_USAGE);
  if (v.hide === true) return 'hide';
  if (v['all-versions'] === true) return 'all-versions';
  return 'delete-version';
}

function requestsFor(
  targets: readonly RemoveTarget[],
  recursive: boolean,
  fileId: string | null,
  bypassGovernance: boolean,
): DeleteRequest[] {
  const bySide = new Map<'local' | 'b2', RemoveTarget[]>();
  for (const t of targets) bySide.set(refOf(t.loc), [...(bySide.get(refOf(t.loc)) ?? []), t]);
  return [...bySide].map(([on, list]) => ({
    operation: 'delete',
    on,
    paths: list.map((t) => t.loc.path),
    known: list.map((t) => t.known),
    mode: on === 'local' ? 'default' : (list[0]?.mode ?? 'delete-version'),
    fileId: fileId ?? undefined,
    recursive,
    ...(bypassGovernance && on === 'b2' ? { bypassGovernance } : {}),
  }));
}

/** `b2c rm`. */
export const RM_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'rm',
  usage: RM_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length === 0) throw usageError('rm needs at least one location.', RM_USAGE);
    const mode = chosenMode(values);
    const fileId = values.version ?? null;
    const recursive = values.recursive === true;
    const dry = values['dry-run'] === true;
    const locations: CliLocation[] = positionals.map((p) => locationArg(p, deps.cwd, RM_USAGE));
    const explicitMode = values.hide === true || fileId !== null || values['all-versions'] === true;
    for (const loc of locations) {
      if (loc.kind === 'b2' && (loc.bucket === null || loc.key === ''))
        throw usageError(
          `"${loc.raw}" is a bucket or the bucket list; rm removes files and folders inside a bucket.`,
          RM_USAGE,
        );
      if (loc.kind === 'local' && explicitMode)
        throw usageError('--hide, --version and --all-versions work only on B2 (b2://BUCKET/PATH).', RM_USAGE);
    }
    if (fileId !== null && (locations.length !== 1 || recursive))
      throw usageError('--version ID removes one version of one file: give exactly one URL and no -r.', RM_USAGE);
    if (recursive && !dry && values.yes !== true && deps.stdin.isTTY !== true) {
      throw usageError(
        'Refusing a recursive delete without confirmation: stdin is not a terminal. Add --yes to delete, or --dry-run to see what would go.',
        undefined,
      );
    }

    const session = locations.some((l) => l.kind === 'b2') ? await signInCommand(deps, out, values.profile) : null;
    const local = createLocalProvider();
    const b2 = session?.provider ?? null;
    const keyInfo = session?.keyInfo ?? null;
    const now = deps.now();
    const ctx = { providerOf: (loc: CliLocation) => (loc.kind === 'b2' && b2 ? b2 : local), keyInfo, now };
    const refused: JobResult[] = [];
    const targets: RemoveTarget[] = [];
    for (const loc of locations) {
      const planned = await planRemove(loc, loc.kind === 'local' ? 'default' : mode, { recursive, fileId }, ctx);
      if (isTarget(planned)) targets.push(planned);
      else {
        refused.push(planned);
        out.note(failureLine(planned));
      }
    }

    if (dry) {
      const items: DryRunItem[] = [];
      for (const t of targets) {
        for await (const item of dryRun(ctx.providerOf(t.loc), t, keyInfo, now, fileId)) {
          if (out.json) items.push(item);
          else out.lines([dryRunLine(item)]);
        }
      }
      if (out.json)
        out.printJson({ command: 'rm', dryRun: true, ok: refused.length === 0, wouldRemove: items, refused });
      else out.lines([`Dry run: nothing was removed.`]);
      return refused.length === 0 ? EXIT.ok : EXIT.failed;
    }

    if (
      targets.length > 0 &&
      values.yes !== true &&
      deps.stdin.isTTY === true &&
      !(await confirm(deps, targets, fileId))
    ) {
      out.note('Nothing was removed.');
      return refused.length === 0 ? EXIT.ok : EXIT.failed;
    }
    const settings = transferSettings(session, deps, out);
    const run = await runTransfers({
      deps,
      out,
      local,
      b2,
      keyOf: (ref) => (ref === 'b2' ? keyInfo : null),
      requests: requestsFor(targets, recursive, fileId, values['bypass-governance'] === true),
      concurrency: settings.concurrency,
      partConcurrency: settings.partConcurrency,
      partSize: undefined,
      removeMode: mode,
    });
    const results = [...refused, ...run.results];
    const totals = totalsOf(results);
    const code = runExitCode(run, totals);
    const ok = code === EXIT.ok;
    if (out.json)
      out.printJson({ command: 'rm', dryRun: false, ok, interrupted: run.interrupted !== null, totals, results });
    else out.lines([summaryLine(totals, mode === 'hide' ? 'hidden' : 'removed')]);
    if (run.interrupted !== null) out.note('interrupted; what was not removed yet was left alone.');
    reportEarlyStop(out, run, totals);
    return code;
  },
};

/** Runs `b2c rm` with `argv` after "rm". Resolves with the exit code. */
export function runRmCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(RM_COMMAND, argv, deps);
}
