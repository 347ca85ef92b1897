/**
 * `b2c sync SRC DST [--dry-run] [--delete | --hide] [--compare size|mtime|sha1] [--exclude GLOB]...
 * [--json] [--profile NAME]`: makes the folder DST like the folder SRC — local→B2, B2→local or
 * B2→B2 (server-side copies). Both trees are listed, the pure planner (src/state/sync/sync-plan.ts)
 * decides what to copy, replace and remove, and the transfer engine does it with the guarantees
 * of `cp` (SHA1 checked, retries, resumable large files, nothing partial left); removals go
 * through the same delete jobs as `rm`, after the copies and only when every copy was done
 * (./sync-run.ts). A second run over an unchanged tree transfers nothing.
 * Exit codes as `cp` (kit/exit-codes.ts): 0 done, 1 something failed, 2 key rejected,
 * 3 B2 unreachable, 64 usage error, 130/143/129 interrupted.
 */
import { createLocalProvider } from '../providers/local/index.js';
import { COMPARE_MODES, type CompareMode } from '../state/sync/sync-compare.js';
import { compileExcludes } from '../state/sync/sync-exclude.js';
import { foldersOverlap, nothingToDo, planSync, type SyncRemoval } from '../state/sync/sync-plan.js';
import { fillSha1s, listTree, syncRequests, type SyncSide } from '../transfers/index.js';
import {
  COMMON_OPTIONS,
  CommandFailure,
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
import { isFolderEntry, statOrNull } from './location-checks.js';
import type { CliLocation } from './location-url.js';
import { reportCopyRunEnd, runExitCode } from './progress-run.js';
import { runSyncRequests } from './sync-run.js';
import { failureLine, summaryLine, totalsOf } from './progress-results.js';
import {
  nothingToDoLine,
  offEngineResults,
  planDocument,
  planLine,
  planSummary,
  type NotCopied,
  type SyncEnds,
} from './sync-report.js';
import { effectivePartSize, prehashThreshold, transferSettings } from './transfer-settings.js';

export const SYNC_USAGE = `Usage: b2c sync SRC DST [options]

Makes the folder DST like the folder SRC: copies what only SRC has, replaces what differs, and
with --delete or --hide removes what only DST has. SRC and DST are local folders or B2 folders
(b2://BUCKET/PATH); B2 to B2 is a server-side copy. Every transfer is checked with SHA1.

Options:
  --compare MODE      how files of the same name are compared: mtime (default: size and
                      modification time, as src_last_modified_millis records it), size, or sha1
                      (local files are hashed; B2 knows its SHA1s)
  --delete            remove what only DST has (on B2: every version of the name)
  --hide              B2: hide what only DST has instead (older versions stay; reversible)
  --exclude GLOB      leave out names matching GLOB (repeatable): "*.tmp" anywhere,
                      "cache" a folder of that name, "logs/2024/*" a path from SRC
  --dry-run           print exactly what would change; change nothing
  --profile NAME      use this saved profile (B2_* environment variables win)
  --json              print one JSON document: the plan, and each name's outcome
  -h, --help          show this help

Exit codes: 0 all done, 1 some failed (each named on stderr), 2 key rejected, 3 B2 unreachable,
64 usage error, 130 interrupted.`;

const OPTIONS = {
  compare: { type: 'string' },
  delete: { type: 'boolean' },
  hide: { type: 'boolean' },
  exclude: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const;

function compareMode(value: string | undefined): CompareMode {
  if (value === undefined) return 'mtime';
  const mode = COMPARE_MODES.find((m) => m === value);
  if (mode === undefined) throw usageError(`--compare must be size, mtime or sha1, not "${value}".`, SYNC_USAGE);
  return mode;
}

function removal(v: { delete?: boolean; hide?: boolean }, dst: CliLocation): SyncRemoval {
  if (v.delete === true && v.hide === true) throw usageError('Choose one of --delete and --hide.', SYNC_USAGE);
  if (v.hide === true && dst.kind === 'local')
    throw usageError('--hide works only when DST is on B2; use --delete for a local DST.', SYNC_USAGE);
  return v.delete === true ? 'delete' : v.hide === true ? 'hide' : 'none';
}

/** SRC must be an existing folder (a typo must never read as "empty": --delete would empty DST). */
async function checkSource(side: SyncSide, src: CliLocation): Promise<void> {
  const entry = await statOrNull(side.provider, side.path, src.kind === 'b2' ? 'dir' : undefined);
  if (entry === null) throw new CommandFailure('failed', `"${src.raw}" does not exist.`);
  if (!isFolderEntry(entry)) throw new CommandFailure('failed', `"${src.raw}" is not a folder: sync works on folders.`);
}

/** `b2c sync`. */
export const SYNC_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'sync',
  usage: SYNC_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length !== 2) throw usageError('sync needs exactly a source and a destination.', SYNC_USAGE);
    const [src, dst] = positionals.map((p) => locationArg(p, deps.cwd, SYNC_USAGE)) as [CliLocation, CliLocation];
    for (const loc of [src, dst])
      if (loc.kind === 'b2' && loc.bucket === null)
        throw usageError(`"${loc.raw}" is the list of buckets; name a bucket: b2://BUCKET/PATH.`, SYNC_USAGE);
    if (foldersOverlap(src, dst))
      throw usageError(
        'SRC and DST overlap (one is inside the other): a sync would copy into what it reads.',
        SYNC_USAGE,
      );
    const compare = compareMode(values.compare);
    const remove = removal(values, dst);
    const exclude = values.exclude ?? [];
    const dry = values['dry-run'] === true;

    const session = [src, dst].some((l) => l.kind === 'b2') ? await signInCommand(deps, out, values.profile) : null;
    const local = createLocalProvider();
    const b2 = session?.provider ?? null;
    const sideOf = (loc: CliLocation): SyncSide => ({ provider: loc.kind === 'b2' && b2 ? b2 : local, path: loc.path });
    const [srcSide, dstSide] = [sideOf(src), sideOf(dst)];
    await checkSource(srcSide, src);
    const isExcluded = compileExcludes(exclude);
    const notCopied: NotCopied[] = [];
    const onSkipped = (rel: string, note: string): void => {
      if (!isExcluded(rel)) notCopied.push({ rel, note });
    };
    const [srcFiles, dstFiles] = await Promise.all([listTree(srcSide, { onSkipped }), listTree(dstSide)]);
    await fillSha1s({ side: srcSide, files: srcFiles }, dstFiles, compare);
    await fillSha1s({ side: dstSide, files: dstFiles }, srcFiles, compare);
    const plan = planSync(srcFiles, dstFiles, { compare, exclude, removal: remove });
    const ends: SyncEnds = { src, dst };

    if (dry || nothingToDo(plan)) {
      if (out.json) out.printJson({ command: 'sync', dryRun: dry, ok: true, plan: planDocument(plan, ends) });
      else {
        const lines = plan.items.map((i) => planLine(i, remove, ends)).filter((l): l is string => l !== null);
        out.lines([...lines, dry ? planSummary(plan, remove, dst, true) : nothingToDoLine(plan, ends)]);
      }
      return EXIT.ok;
    }

    const { requests, refused } = syncRequests(plan, remove, {
      from: refOf(src),
      to: refOf(dst),
      sourceRoot: src.path,
      destinationRoot: dst.path,
      destinationKind: dst.kind,
      label: `Sync ${src.raw} → ${dst.raw}`,
    });
    const early = offEngineResults(plan, refused, notCopied, ends);
    for (const r of early) if (r.state === 'failed') out.note(failureLine(r));
    const settings = transferSettings(session, deps, out);
    const partSize = effectivePartSize(undefined, settings);
    const run = await runSyncRequests(
      {
        deps,
        out,
        local,
        b2,
        keyOf: (ref) => (ref === 'b2' ? (session?.keyInfo ?? null) : null),
        concurrency: settings.concurrency,
        partConcurrency: settings.partConcurrency,
        partSize,
        prehashMinBytes: prehashThreshold(b2, partSize),
      },
      requests,
      {
        mode: remove === 'hide' ? 'hide' : dst.kind === 'b2' ? 'all-versions' : 'delete-version',
        dst,
        failedEarly: early.some((r) => r.state === 'failed'),
      },
    );
    const results = [...early, ...run.results];
    const totals = totalsOf(results);
    const code = runExitCode(run, totals);
    if (out.json)
      out.printJson({
        command: 'sync',
        dryRun: false,
        ok: code === EXIT.ok,
        interrupted: run.interrupted !== null,
        plan: planDocument(plan, ends),
        totals,
        results,
      });
    else out.lines([summaryLine(totals, 'synced')]);
    reportCopyRunEnd(out, run, totals);
    return code;
  },
};

/** Runs `b2c sync` with `argv` after "sync". Resolves with the exit code. */
export function runSyncCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(SYNC_COMMAND, argv, deps);
}
