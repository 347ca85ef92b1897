/**
 * Benchmark 2 (issue 5): the real `b2c cp` binary against `rclone copy` on the same built-in
 * server in the same run: one big file up and down, then a tree of small files up and down.
 * Every transfer is verified (server side: every file downloaded and hashed by the harness;
 * local side: every file hashed, and nothing extra such as a leftover temp file).
 */
import { join } from 'node:path';
import { b2cCpArgs, b2cCpUnavailable, b2cEnv } from './lib/b2c-cli.js';
import { sizeLabel, type BenchContext } from './lib/context.js';
import type { TreeFacts } from './lib/data.js';
import { runMeasured } from './lib/measure.js';
import { bestOf, measureStep, type Comparison } from './lib/measurement.js';
import { RCLONE_TRANSFERS, rcloneEnv, rcloneFlags, rcloneRemote, rcloneTool } from './lib/rclone.js';
import { describeLink, linkName, type LinkSettings } from './lib/settings.js';
import { warmPagePool } from './lib/page-pool.js';
import { openServer, verifyLocalAndRemove, type BenchServer } from './lib/server.js';

const BENCH = 'transfer';

/** One case both ways: `b2c` up then `rclone` up, then both down, each verified. */
interface CaseSpec {
  name: string;
  bytes: number;
  files: number;
  expected: TreeFacts;
  /** Local source: a file (recursive false) or a folder (recursive true). */
  source: string;
  recursive: boolean;
  /** Remote folder for each tool, e.g. `b2c-big/` (does not exist before the upload). */
  remoteDir: (tool: string) => string;
}

async function runCase(ctx: BenchContext, server: BenchServer, spec: CaseSpec, bench: string): Promise<Comparison[]> {
  const { settings, log } = ctx;
  const bucket = server.bucket.name;
  const env = b2cEnv(server.access, ctx.workDir);
  const rEnv = rcloneEnv(server.access, ctx.workDir);
  const common = { bytes: spec.bytes, files: spec.files };
  const single = spec.recursive ? null : 'big.bin';
  // No trailing slashes and targets that do not exist yet: `cp -r SRC DST` then makes DST the copy
  // (cp-plan.ts), the same as `rclone copy SRC DST`, and a file target is the file's new name.
  const b2cRemote = `b2://${bucket}/${spec.remoteDir('b2c')}${single ?? ''}`.replace(/\/$/, '');
  const localTarget = (dir: string): string => (single === null ? dir : join(dir, single));
  const rcloneVerb = single === null ? 'copy' : 'copyto';
  const kind = spec.recursive ? 'tree' : 'big';
  // Each rclone variant has its own remote folder: rclone skips files that are already there.
  const rcloneDir = (transfers: number): string => spec.remoteDir(`rclone-t${transfers}`);
  // Every upload meets a server with the same warm memory (MemoryBlobStore.reserve).
  const reserve = (): Promise<void> => server.emu.reserveMemory(spec.bytes);
  const b2cUp = await measureStep(
    server.emu,
    {
      ...common,
      caseName: `${spec.name} up`,
      tool: 'b2c cp',
      prepare: reserve,
      run: () => runMeasured(process.execPath, b2cCpArgs(spec.source, b2cRemote, settings, spec.recursive), { env }),
      verify: () => server.verifyRemote(spec.remoteDir('b2c'), spec.expected),
    },
    log,
  );
  const rcloneUp = await bestOf(
    server.emu,
    RCLONE_TRANSFERS.map((t) => ({
      ...common,
      caseName: `${spec.name} up`,
      tool: rcloneTool(t),
      prepare: reserve,
      run: () =>
        runMeasured(
          'rclone',
          [
            rcloneVerb,
            spec.source,
            rcloneRemote(bucket, `${rcloneDir(t)}${single ?? ''}`),
            ...rcloneFlags(settings, t),
          ],
          { env: rEnv },
        ),
      verify: () => server.verifyRemote(rcloneDir(t), spec.expected),
    })),
    log,
  );
  const b2cDir = join(ctx.workDir, `down-b2c-${kind}`);
  // Every download starts from the same warm page pool (lib/page-pool.ts).
  const prepare = (): Promise<void> => warmPagePool(ctx.workDir, spec.bytes);
  const b2cDown = await measureStep(
    server.emu,
    {
      ...common,
      caseName: `${spec.name} down`,
      tool: 'b2c cp',
      prepare,
      run: () =>
        runMeasured(process.execPath, b2cCpArgs(b2cRemote, localTarget(b2cDir), settings, spec.recursive), { env }),
      verify: () => verifyLocalAndRemove(b2cDir, spec.expected),
    },
    log,
  );
  const rcloneDown = await bestOf(
    server.emu,
    RCLONE_TRANSFERS.map((t) => {
      const dir = join(ctx.workDir, `down-rclone-t${t}-${kind}`);
      return {
        ...common,
        caseName: `${spec.name} down`,
        tool: rcloneTool(t),
        prepare,
        run: () =>
          runMeasured(
            'rclone',
            [
              rcloneVerb,
              rcloneRemote(bucket, `${rcloneDir(t)}${single ?? ''}`),
              localTarget(dir),
              ...rcloneFlags(settings, t),
            ],
            { env: rEnv },
          ),
        verify: () => verifyLocalAndRemove(dir, spec.expected),
      };
    }),
    log,
  );
  return [
    { bench, caseName: `${spec.name} up`, b2c: b2cUp, rclone: rcloneUp },
    { bench, caseName: `${spec.name} down`, b2c: b2cDown, rclone: rcloneDown },
  ];
}

/**
 * Runs benchmark 2 against a fresh server, behind `link` when given (the "40 ms link" run).
 * Returns [] and logs why when `b2c cp` is not available yet.
 */
export async function runTransferBench(
  ctx: BenchContext,
  link: LinkSettings | null = null,
): Promise<{ comparisons: Comparison[]; skipped: string | null }> {
  const { log, bigFacts, smallFacts } = ctx;
  const bench = link === null ? BENCH : `${BENCH}, ${linkName(link)}`;
  log(`\n== ${bench}: b2c cp vs rclone copy${link === null ? '' : ` (${describeLink(link)})`} ==`);
  const unavailable = b2cCpUnavailable();
  if (unavailable !== null) {
    log(`  skipped: ${unavailable}`);
    return { comparisons: [], skipped: unavailable };
  }
  const server = await openServer(ctx.settings, link === null ? 'bench-transfer' : 'bench-link', link);
  try {
    const smallBytes = [...smallFacts.values()].reduce((n, f) => n + f.size, 0);
    const big = await runCase(
      ctx,
      server,
      {
        name: sizeLabel(bigFacts.size),
        bytes: bigFacts.size,
        files: 1,
        expected: new Map([['big.bin', bigFacts]]),
        source: ctx.bigFile,
        recursive: false,
        remoteDir: (tool) => `${tool}-big/`,
      },
      bench,
    );
    const small = await runCase(
      ctx,
      server,
      {
        name: `${smallFacts.size} files`,
        bytes: smallBytes,
        files: smallFacts.size,
        expected: smallFacts,
        source: ctx.smallDir,
        recursive: true,
        remoteDir: (tool) => `${tool}-tree/`,
      },
      bench,
    );
    return { comparisons: [...big, ...small], skipped: null };
  } finally {
    await server.stop();
  }
}
