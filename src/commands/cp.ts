/**
 * `b2c cp SRC... DST [-r] [--concurrency N] [--part-size SIZE] [--if-exists skip|overwrite|newer]
 * [--json] [--profile NAME]`: copies in every direction (local→B2 upload, B2→local download,
 * B2→B2 server-side copy, local→local) through the transfer engine, with SHA1 checked on every
 * transfer. DST semantics: see cp-plan.ts.
 * Exit codes (kit/exit-codes.ts): 0 all done (skips included), 1 something failed (each named
 * on stderr), 2 key rejected, 3 B2 unreachable (signing in, or a transfer met the network bound:
 * progress-run.ts), 64 usage error, 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP.
 */
import { createLocalProvider } from '../providers/local/index.js';
import type { ConflictPolicy } from '../transfers/index.js';
import {
  COMMON_OPTIONS,
  EXIT,
  integerOption,
  locationArg,
  processCliDeps,
  runCommand,
  signInCommand,
  sizeOption,
  usageError,
  type CliCommand,
  type CliDeps,
} from './kit/index.js';
import { planCopies, resolveDestination } from './cp-plan.js';
import type { CliLocation } from './location-url.js';
import { reportCopyRunEnd, runExitCode, runTransfers } from './progress-run.js';
import { failureLine, summaryLine, totalsOf } from './progress-results.js';
import { effectivePartSize, prehashThreshold, transferSettings } from './transfer-settings.js';
import { encryptionOptions } from './sse-options.js';

export const CP_USAGE = `Usage: b2c cp SRC... DST [options]

Copies files and folders between the local disk and B2 (b2://BUCKET/PATH), in any direction.
B2 to B2 is a server-side copy. Every transfer is checked with SHA1.
DST is a folder to copy into when it ends with "/", is a bucket (b2://BUCKET) or exists as a
folder; otherwise it is the new name of the single SRC.

Options:
  -r, --recursive          copy folders with their contents
  --if-exists POLICY       when a target exists: overwrite (default), skip, or newer
                           (overwrite only when the source is newer)
  --concurrency N          files copied at once to start with (default: settings, 32;
                           the adaptive mode raises it while that speeds things up)
  --part-size SIZE         part size of large files, e.g. 100MB, 64MiB (default: B2's recommendation)
  --sse-b2                 encrypt what is written to B2 with SSE-B2 (default: the bucket's
                           default encryption)
  --sse-c-key-file PATH    an SSE-C customer key (base64 of 32 bytes; or set B2C_SSE_C_KEY):
                           reads SSE-C files, and encrypts what is written with it
                           (unless --sse-b2); never stored or shown
  --profile NAME           use this saved profile (B2_* environment variables win)
  --json                   print one JSON document with every file's outcome
  -h, --help               show this help

Exit codes: 0 all done, 1 some failed (each named on stderr), 2 key rejected, 3 B2 unreachable,
64 usage error, 130 interrupted.`;

const OPTIONS = {
  recursive: { type: 'boolean', short: 'r' },
  'if-exists': { type: 'string' },
  concurrency: { type: 'string' },
  'part-size': { type: 'string' },
  'sse-b2': { type: 'boolean' },
  'sse-c-key-file': { type: 'string' },
  ...COMMON_OPTIONS,
} as const;

function conflictPolicy(value: string | undefined): ConflictPolicy {
  switch (value) {
    case undefined:
    case 'overwrite':
      return 'overwrite';
    case 'skip':
      return 'skip';
    case 'newer':
      return 'overwrite-if-newer';
    default:
      throw usageError(`--if-exists must be skip, overwrite or newer, not "${value}".`, CP_USAGE);
  }
}

/** `b2c cp`. */
export const CP_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'cp',
  usage: CP_USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length < 2) throw usageError('cp needs a source and a destination.', CP_USAGE);
    const conflict = conflictPolicy(values['if-exists']);
    const concurrency = integerOption('concurrency', values.concurrency, 1, 64, CP_USAGE);
    const partSize = sizeOption('part-size', values['part-size'], CP_USAGE);
    const locations: CliLocation[] = positionals.map((p) => locationArg(p, deps.cwd, CP_USAGE));
    const dst = locations[locations.length - 1] as CliLocation;
    const sources = locations.slice(0, -1);
    for (const loc of locations) {
      if (loc.kind === 'b2' && loc.bucket === null)
        throw usageError(`"${loc.raw}" is the list of buckets; name a bucket: b2://BUCKET/PATH.`, CP_USAGE);
    }

    const encryption = await encryptionOptions(values, deps, CP_USAGE);
    const needsB2 = locations.some((l) => l.kind === 'b2');
    const session = needsB2
      ? await signInCommand(deps, out, values.profile, { ...(partSize === undefined ? {} : { partSize }), encryption })
      : null;
    const settings = transferSettings(session, deps, out);
    const local = createLocalProvider();
    const b2 = session?.provider ?? null;
    const ctx = {
      providerOf: (loc: CliLocation) => (loc.kind === 'b2' && b2 ? b2 : local),
      keyInfo: session?.keyInfo ?? null,
      now: deps.now(),
      hasCustomerKey: encryption.customerKey !== undefined,
    };
    const dest = await resolveDestination(dst, sources.length, ctx);
    const plan = await planCopies(sources, dest, { recursive: values.recursive === true, conflict }, ctx);
    for (const r of plan.refused) out.note(failureLine(r));

    const effectivePart = effectivePartSize(partSize, settings);
    const run = await runTransfers({
      deps,
      out,
      local,
      b2,
      keyOf: (ref) => (ref === 'b2' ? (session?.keyInfo ?? null) : null),
      requests: plan.requests,
      concurrency: concurrency ?? settings.concurrency,
      partConcurrency: settings.partConcurrency,
      // The default setting means "B2's recommendation": let the provider take the server's.
      partSize: effectivePart,
      prehashMinBytes: prehashThreshold(session?.provider ?? null, effectivePart),
      removeMode: null,
    });
    const results = [...plan.refused, ...run.results];
    const totals = totalsOf(results);
    const code = runExitCode(run, totals);
    const ok = code === EXIT.ok;
    if (out.json) out.printJson({ command: 'cp', ok, interrupted: run.interrupted !== null, totals, results });
    else out.lines([summaryLine(totals, 'copied')]);
    reportCopyRunEnd(out, run, totals);
    return code;
  },
};

/** Runs `b2c cp` with `argv` after "cp". Resolves with the exit code. */
export function runCpCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(CP_COMMAND, argv, deps);
}
