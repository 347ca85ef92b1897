/**
 * The compact table printed at the end of a run. Ratios are b2c ÷ rclone:
 * - speed: b2c throughput ÷ rclone throughput (above 1 = b2c faster), from wall time;
 * - memory: b2c peak RSS ÷ rclone peak RSS (below 1 = b2c leaner);
 * - CPU: b2c user+system seconds ÷ rclone's (below 1 = b2c cheaper), the server's CPU alongside.
 * A pair where either side failed verification shows WRONG instead of a ratio.
 */
import type { Comparison, Measurement } from './measurement.js';
import { mib } from './measurement.js';

function rate(m: Measurement): string {
  const seconds = m.wallMs / 1000;
  return m.files > 1 ? `${(m.files / seconds).toFixed(0)} files/s` : `${(m.bytes / 1e6 / seconds).toFixed(1)} MB/s`;
}

function ratio(a: number | null, b: number | null): string {
  if (a === null || b === null || b === 0) return '?';
  return `${(a / b).toFixed(2)}×`;
}

function cpu(m: Measurement): string {
  return m.cpuSeconds === null ? '?' : m.cpuSeconds.toFixed(1);
}

function serverCpu(m: Measurement): string {
  return m.serverCpuSeconds === null ? '?' : m.serverCpuSeconds.toFixed(1);
}

/** One table row per comparison. */
export function comparisonRows(list: Comparison[]): string[][] {
  return list.map((c) => {
    const wrong = c.b2c.problem !== null || c.rclone.problem !== null;
    const speed = wrong ? 'WRONG' : ratio(c.rclone.wallMs, c.b2c.wallMs);
    return [
      c.bench,
      c.caseName,
      `${c.b2c.tool}: ${rate(c.b2c)}`,
      `rclone: ${rate(c.rclone)}`,
      speed,
      `${mib(c.b2c.peakRssBytes)} / ${mib(c.rclone.peakRssBytes)}`,
      wrong ? 'WRONG' : ratio(c.b2c.peakRssBytes, c.rclone.peakRssBytes),
      `${cpu(c.b2c)} / ${cpu(c.rclone)}`,
      `${serverCpu(c.b2c)} / ${serverCpu(c.rclone)}`,
    ];
  });
}

const HEADER = [
  'bench',
  'case',
  'b2c',
  'rclone',
  'speed b2c/rclone',
  'peak RSS b2c / rclone',
  'mem b2c/rclone',
  'CPU s b2c / rclone',
  'server CPU s',
];

/** Formats rows under HEADER with padded columns. */
export function formatTable(rows: string[][]): string {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
