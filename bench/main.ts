/**
 * `node bench/run.mjs [--quick] [--only provider,transfer,link] [--big-mib N] [--small-count N]
 * [--part-mib N] [--latency-ms N] [--link-bandwidth BYTES_PER_SEC] [--keep] [--json FILE]`
 * (bench/README.md). Makes the data set once, runs the
 * selected benchmarks, prints a compact table of b2c/rclone ratios. Never asserts on time; exits 1
 * only when a transfer failed or delivered wrong bytes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runProviderBench } from './provider-1gib.js';
import { runTransferBench } from './transfer-vs-rclone.js';
import { b2cCpFlags } from './lib/b2c-cli.js';
import type { BenchContext } from './lib/context.js';
import { makeBigFile, makeSmallTree } from './lib/data.js';
import type { Comparison } from './lib/measurement.js';
import { describeRcloneFlags, rcloneVersion } from './lib/rclone.js';
import { comparisonRows, formatTable } from './lib/report.js';
import { describeLink, describeSettings, type LinkSettings, type TransferSettings } from './lib/settings.js';

const BENCHES = ['provider', 'transfer', 'link'] as const;
type BenchName = (typeof BENCHES)[number];

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

function selected(only: string[] | undefined): BenchName[] {
  if (only === undefined) return [...BENCHES];
  const names = only.flatMap((s) => s.split(',')).map((s) => s.trim());
  for (const n of names)
    if (!(BENCHES as readonly string[]).includes(n))
      throw new Error(`--only: unknown benchmark "${n}" (${BENCHES.join(', ')})`);
  return names as BenchName[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      'big-mib': { type: 'string' },
      'small-count': { type: 'string' },
      'part-mib': { type: 'string' },
      'latency-ms': { type: 'string' },
      'link-bandwidth': { type: 'string' },
      keep: { type: 'boolean' },
      json: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const benches = selected(values.only);
  const bigSize = positiveInt('big-mib', values['big-mib'], quick ? 128 : 1024) * 1048576;
  const smallCount = positiveInt('small-count', values['small-count'], quick ? 200 : 2000);
  // Quick runs use smaller parts so a 128 MiB file still has 4 parts in flight at once.
  const settings: TransferSettings = {
    partSize: positiveInt('part-mib', values['part-mib'], quick ? 32 : 100) * 1048576,
    partConcurrency: 4,
  };
  const link: LinkSettings = {
    latencyMs: positiveInt('latency-ms', values['latency-ms'], 40),
    bandwidth: positiveInt('link-bandwidth', values['link-bandwidth'], 50_000_000),
  };
  const rclone = rcloneVersion();
  if (rclone === null)
    throw new Error('rclone is not on the PATH (apt-get install rclone): every benchmark compares against it');

  log(`b2c benchmarks — ${new Date().toISOString()}${quick ? ' (quick)' : ''}`);
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, ${rclone}`);
  log(`load average at start: ${load()}`);
  log(`settings: ${describeSettings(settings)}`);
  log(
    `  b2c cp flags: ${b2cCpFlags(settings).join(' ')}, else its defaults (provider: partSize, partConcurrency ${settings.partConcurrency})`,
  );
  log(`  rclone flags: ${describeRcloneFlags(settings)}`);
  if (benches.includes('link')) log(`  link run: ${describeLink(link)}`);

  const workDir = await mkdtemp(join(tmpdir(), 'b2c-bench-'));
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  try {
    const started = performance.now();
    const bigFile = join(workDir, 'big.bin');
    const bigFacts = await makeBigFile(bigFile, bigSize, 'b2c-bench-big');
    const smallDir = join(workDir, 'tree');
    const smallFacts = await makeSmallTree(smallDir, smallCount, 'b2c-bench-small');
    log(
      `data: ${bigSize / 1048576} MiB file and ${smallCount} files of 1–8 KiB in ${((performance.now() - started) / 1000).toFixed(1)} s (${workDir})`,
    );
    const ctx: BenchContext = { workDir, bigFile, bigFacts, smallDir, smallFacts, settings, log };
    for (const bench of benches) {
      switch (bench) {
        case 'provider':
          comparisons.push(...(await runProviderBench(ctx)));
          break;
        case 'transfer':
        case 'link': {
          const r = await runTransferBench(ctx, bench === 'link' ? link : null);
          comparisons.push(...r.comparisons);
          if (r.skipped !== null) notes.push(`${bench}: skipped, ${r.skipped}`);
          break;
        }
        default: {
          const never: never = bench;
          throw new Error(`unknown benchmark ${String(never)}`);
        }
      }
    }
  } finally {
    if (values.keep === true) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }

  log(`\n== summary (ratios b2c ÷ rclone; speed > 1 = b2c faster, mem < 1 = b2c leaner) ==`);
  log(formatTable(comparisonRows(comparisons)));
  log(
    `load average at end: ${load()} (2 cores shared with other users: wall-time ratios are noisy, CPU seconds less so)`,
  );
  for (const n of notes) log(`note: ${n}`);
  if (values.json !== undefined)
    await writeFile(
      values.json,
      `${JSON.stringify({ date: new Date().toISOString(), quick, settings, comparisons, notes }, null, 2)}\n`,
    );
  const wrong = comparisons.filter((c) => c.b2c.problem !== null || c.rclone.problem !== null);
  for (const c of wrong)
    log(`WRONG: ${c.bench} ${c.caseName}: ${c.b2c.problem ?? ''} ${c.rclone.problem ?? ''}`.trimEnd());
  return wrong.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
