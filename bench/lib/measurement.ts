/**
 * One measured, verified transfer and the pairing of b2c with rclone. A transfer whose bytes did
 * not arrive intact (or whose process failed) keeps its numbers but is marked, and its ratio is
 * printed as WRONG: a fast-but-wrong run never wins.
 */
import type { EmulatorProcess } from './emulator-process.js';
import type { RunResult } from './measure.js';

/** A transfer measured from outside. Bytes, milliseconds, CPU seconds. */
export interface Measurement {
  /** e.g. `1 GiB up`, `2000 files down`. */
  caseName: string;
  /** e.g. `b2c provider`, `b2c cp`, `rclone`. */
  tool: string;
  bytes: number;
  files: number;
  wallMs: number;
  peakRssBytes: number | null;
  cpuSeconds: number | null;
  /** CPU the server process used during this transfer. */
  serverCpuSeconds: number | null;
  /** null when the process succeeded and every byte was verified; else what went wrong. */
  problem: string | null;
  /** Extra facts for the detailed lines (e.g. the provider child's own timing). */
  details: string[];
}

/** b2c and rclone on the same case, same server, same run. */
export interface Comparison {
  bench: string;
  caseName: string;
  b2c: Measurement;
  rclone: Measurement;
}

/** What a measured step needs: the case, the tool, the work, how to verify it. */
export interface Step {
  caseName: string;
  tool: string;
  bytes: number;
  files: number;
  run: () => Promise<RunResult>;
  /** Checks what arrived; resolves null when intact, else a description. */
  verify: () => Promise<string | null>;
  /** Optional extra lines from the run's output (e.g. the provider child's JSON). */
  describe?: (r: RunResult) => string[];
  /** Untimed preparation right before the run (page-pool.ts: the same warm start for every download). */
  prepare?: () => Promise<void>;
}

function shortError(r: RunResult): string {
  const last = r.stderr.trim().split('\n').slice(-3).join(' | ');
  return `exit ${r.exitCode}: ${last.slice(0, 300)}`;
}

/** Runs one step against `server`, measures it, then verifies it (verification is not timed). */
export async function measureStep(
  server: EmulatorProcess,
  step: Step,
  log: (line: string) => void,
): Promise<Measurement> {
  log(`  ${step.tool.padEnd(13)} ${step.caseName} …`);
  await step.prepare?.();
  const cpuBefore = await server.cpuSeconds();
  const r = await step.run();
  const cpuAfter = await server.cpuSeconds();
  let problem: string | null = r.exitCode === 0 ? null : shortError(r);
  if (problem === null)
    problem = await step
      .verify()
      .catch((e: unknown) => `verification failed: ${e instanceof Error ? e.message : String(e)}`);
  let details: string[] = [];
  try {
    details = step.describe?.(r) ?? [];
  } catch (e) {
    problem ??= `unreadable output: ${e instanceof Error ? e.message : String(e)}`;
  }
  const m: Measurement = {
    caseName: step.caseName,
    tool: step.tool,
    bytes: step.bytes,
    files: step.files,
    wallMs: r.wallMs,
    peakRssBytes: r.peakRssBytes,
    cpuSeconds: r.cpuSeconds,
    serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    problem,
    details,
  };
  log(
    `    ${(r.wallMs / 1000).toFixed(1)} s, ${mbps(m)}, peak ${mib(m.peakRssBytes)}${problem === null ? ', verified' : `, WRONG: ${problem}`}`,
  );
  for (const d of details) log(`    ${d}`);
  return m;
}

/**
 * Runs each step (variants of one tool on one case) and returns the fastest one that succeeded
 * (else the first), so a comparison is with that tool's best.
 */
export async function bestOf(
  server: EmulatorProcess,
  steps: Step[],
  log: (line: string) => void,
): Promise<Measurement> {
  const runs: Measurement[] = [];
  for (const step of steps) runs.push(await measureStep(server, step, log));
  const ok = runs.filter((m) => m.problem === null);
  const pool = ok.length > 0 ? ok : runs;
  const best = pool.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  if (runs.length > 1) log(`    best: ${best.tool}`);
  return best;
}

/** Throughput in MB/s (10^6 bytes per second) of wall time, as text. */
export function mbps(m: Measurement): string {
  return `${(m.bytes / 1e6 / (m.wallMs / 1000)).toFixed(1)} MB/s`;
}

/** Bytes as MiB text, `?` when unknown. */
export function mib(bytes: number | null): string {
  return bytes === null ? '?' : `${(bytes / 1048576).toFixed(0)} MiB`;
}
