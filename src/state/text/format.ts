/**
 * Human-readable sizes, dates, durations and speeds for panes, dialogs and the queue.
 * Pure and deterministic: the clock comes in as a parameter, output is English and locale-free
 * (a file manager's columns must line up the same everywhere).
 */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function assertAmount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${n}`);
}

/**
 * Bytes in binary units with one decimal: `512 B`, `1.5 KiB`, `12.0 MiB`, up to EiB.
 * A value that would round to 1024.0 of a unit moves to the next unit (`1.0 MiB`, not `1024.0 KiB`).
 * @throws RangeError for negative or non-finite input.
 */
export function formatSize(bytes: number): string {
  assertAmount(bytes, 'A size');
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit] ?? 'EiB'}`;
}

/** Options for `formatDate`. */
export interface DateOptions {
  /** Use UTC instead of the process's local time zone (tests, `--utc`). */
  utc?: boolean;
}

/**
 * A compact 12-column date like mc and `ls -l`: `Nov 28 15:04` when `ms` falls in the same calendar
 * year as `now`, otherwise `Nov 28  2025`. Days below 10 are space-padded (`Nov  3 09:05`).
 * @param ms Milliseconds since the epoch, or null for "unknown" (returns '').
 * @param now The current time in ms since the epoch (the state layer has no clock).
 */
export function formatDate(ms: number | null, now: number, options: DateOptions = {}): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const n = new Date(now);
  const utc = options.utc === true;
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = MONTHS[utc ? d.getUTCMonth() : d.getMonth()] ?? '???';
  const day = String(utc ? d.getUTCDate() : d.getDate()).padStart(2, ' ');
  if (year !== (utc ? n.getUTCFullYear() : n.getFullYear())) return `${month} ${day} ${String(year).padStart(5, ' ')}`;
  const hh = String(utc ? d.getUTCHours() : d.getHours()).padStart(2, '0');
  const mm = String(utc ? d.getUTCMinutes() : d.getMinutes()).padStart(2, '0');
  return `${month} ${day} ${hh}:${mm}`;
}

/**
 * A duration in the two largest units: `45s`, `3m 05s`, `1h 02m`, `2d 03h`. Fractions of a second
 * are dropped.
 * @param seconds Duration in seconds.
 * @throws RangeError for negative or non-finite input.
 */
export function formatDuration(seconds: number): string {
  assertAmount(seconds, 'A duration');
  const s = Math.floor(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${two(Math.floor((s % 86_400) / 3600))}h`;
}

/**
 * Time left at the current speed, rounded up to the next second (`3m 05s`), or `—` when it cannot
 * be known (speed zero, negative or not finite).
 * @param remainingBytes Bytes still to transfer.
 * @param bytesPerSecond Recent speed.
 */
export function formatEta(remainingBytes: number, bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0 || !Number.isFinite(remainingBytes)) return '—';
  return formatDuration(Math.ceil(Math.max(0, remainingBytes) / bytesPerSecond));
}

/**
 * A speed such as `1.5 MiB/s` (see `formatSize`).
 * @throws RangeError for negative or non-finite input.
 */
export function formatSpeed(bytesPerSecond: number): string {
  return `${formatSize(bytesPerSecond)}/s`;
}

/** An integer count with comma thousands separators: `12,345`. Fractions are truncated. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Whole percent done, floored so that 100% means finished: `0%` … `100%`. `total` 0 counts as done.
 */
export function formatPercent(done: number, total: number): string {
  if (total <= 0) return '100%';
  return `${Math.min(100, Math.max(0, Math.floor((done / total) * 100)))}%`;
}
