/**
 * Benchmark 1 (issue 3): one big file up and down through the B2 provider (connectB2, in a child
 * process of its own) against the built-in server in another process, next to rclone copying the
 * same file to and from the same server in the same run. Prints throughput, peak memory with the
 * bound partConcurrency × partSize beside it, and the b2c/rclone ratios.
 */
import { join } from 'node:path';
import type { ChildJob, ChildReport } from './provider-child.js';
import { sizeLabel, type BenchContext } from './lib/context.js';
import { runMeasured, type RunResult } from './lib/measure.js';
import { bestOf, measureStep, type Comparison } from './lib/measurement.js';
import { benchBundleDir } from './lib/paths.js';
import { RCLONE_TRANSFERS, rcloneEnv, rcloneFlags, rcloneRemote, rcloneTool } from './lib/rclone.js';
import { openServer, verifyLocalAndRemove } from './lib/server.js';
import { formatMiB } from './lib/settings.js';
import { warmPagePool } from './lib/page-pool.js';

const BENCH = 'provider';

function childReport(r: RunResult): ChildReport {
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildReport;
}

/** The child's own view: transfer time, and memory above its baseline against the bound. */
function describeChild(r: RunResult, bound: number | null): string[] {
  const c = childReport(r);
  const over = c.peakRssBytes - c.baselineRssBytes;
  const lines = [`provider: ${(c.transferMs / 1000).toFixed(1)} s in-process`];
  const memory = `RSS ${formatMiB(c.baselineRssBytes)} after connect → peak ${formatMiB(c.peakRssBytes)} (+${formatMiB(over)}; Buffers peak ${formatMiB(c.peakArrayBuffersBytes)})`;
  if (bound === null) {
    lines.push(`${memory}; ranges written in place, no part buffers`);
  } else {
    // The documented bound is about part buffers (the provider's own gauge); RSS also holds the
    // runtime and garbage not yet collected (source chunks, heap), shown beside it, not hidden.
    const parts = c.peakPartBufferBytes;
    lines.push(
      `${memory}; part buffers peak ${formatMiB(parts)}, bound parts in flight × part size = ${formatMiB(bound)}: ${parts <= bound ? 'within' : 'ABOVE'}`,
    );
    lines.push(
      `RSS above baseline = ${(over / bound).toFixed(2)}× the bound (${over <= bound ? 'within' : `+${formatMiB(over - bound)} of runtime and uncollected garbage on top`})`,
    );
  }
  return lines;
}

/** Runs benchmark 1 and returns its two comparisons (up, down). */
export async function runProviderBench(ctx: BenchContext): Promise<Comparison[]> {
  const { settings, bigFacts, log } = ctx;
  const size = sizeLabel(bigFacts.size);
  log(`\n== provider: ${size} through connectB2 vs rclone ==`);
  const server = await openServer(settings, 'bench-provider');
  try {
    const env = {
      ...process.env,
      B2_APPLICATION_KEY_ID: server.access.keyId,
      B2_APPLICATION_KEY: server.access.key,
      B2_ENDPOINT: server.access.endpoint,
    };
    const rEnv = rcloneEnv(server.access, ctx.workDir);
    const bucket = server.bucket.name;
    const bound = settings.partConcurrency * settings.partSize;
    const expected = new Map([['big.bin', bigFacts]]);
    const child = (job: Omit<ChildJob, 'partSize' | 'partConcurrency'>): Promise<RunResult> =>
      runMeasured(
        process.execPath,
        [
          '--expose-gc',
          join(benchBundleDir(), 'provider-child.mjs'),
          JSON.stringify({ ...job, partSize: settings.partSize, partConcurrency: settings.partConcurrency }),
        ],
        { env },
      );
    const common = { bytes: bigFacts.size, files: 1 };
    const reserve = (): Promise<void> => server.emu.reserveMemory(bigFacts.size);

    const b2cUp = await measureStep(
      server.emu,
      {
        ...common,
        caseName: `${size} up`,
        tool: 'b2c provider',
        // Every upload meets a server with the same warm memory (MemoryBlobStore.reserve).
        prepare: reserve,
        run: () => child({ mode: 'up', local: ctx.bigFile, remote: `/${bucket}/b2c/big.bin` }),
        verify: () => server.verifyRemote('b2c/', expected),
        describe: (r) => describeChild(r, bound),
      },
      log,
    );
    const rcloneUp = await bestOf(
      server.emu,
      RCLONE_TRANSFERS.map((t) => ({
        ...common,
        caseName: `${size} up`,
        tool: rcloneTool(t),
        prepare: reserve,
        run: () =>
          runMeasured(
            'rclone',
            ['copyto', ctx.bigFile, rcloneRemote(bucket, `rclone-t${t}/big.bin`), ...rcloneFlags(settings, t)],
            { env: rEnv },
          ),
        verify: () => server.verifyRemote(`rclone-t${t}/`, expected),
      })),
      log,
    );
    const b2cDir = join(ctx.workDir, 'provider-down-b2c');
    // Every download starts from the same warm page pool (lib/page-pool.ts).
    const prepare = (): Promise<void> => warmPagePool(ctx.workDir, bigFacts.size);
    const b2cDown = await measureStep(
      server.emu,
      {
        ...common,
        caseName: `${size} down`,
        tool: 'b2c provider',
        prepare,
        run: () => child({ mode: 'down', local: join(b2cDir, 'big.bin'), remote: `/${bucket}/b2c/big.bin` }),
        verify: () => verifyLocalAndRemove(b2cDir, expected),
        describe: (r) => describeChild(r, null),
      },
      log,
    );
    const rcloneDown = await bestOf(
      server.emu,
      RCLONE_TRANSFERS.map((t) => {
        const dir = join(ctx.workDir, `provider-down-rclone-t${t}`);
        return {
          ...common,
          caseName: `${size} down`,
          tool: rcloneTool(t),
          prepare,
          run: () =>
            runMeasured(
              'rclone',
              [
                'copyto',
                rcloneRemote(bucket, `rclone-t${t}/big.bin`),
                join(dir, 'big.bin'),
                ...rcloneFlags(settings, t),
              ],
              { env: rEnv },
            ),
          verify: () => verifyLocalAndRemove(dir, expected),
        };
      }),
      log,
    );
    return [
      { bench: BENCH, caseName: `${size} up`, b2c: b2cUp, rclone: rcloneUp },
      { bench: BENCH, caseName: `${size} down`, b2c: b2cDown, rclone: rcloneDown },
    ];
  } finally {
    await server.stop();
  }
}
