/**
 * Human size strings → bytes, for `partSize` on the command line and in the settings screen.
 * Follows GNU coreutils (`dd`, `sort -S`): a bare letter and the `iB` forms are powers of 1024,
 * the `B` forms are powers of 1000. So "64MiB" = "64M" = 67,108,864 and "5MB" = 5,000,000.
 */
import { SizeParseError } from './errors.js';

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1000 ** 4,
};

/**
 * Parses a size such as `"64MiB"`, `"100M"`, `"5MB"`, `"1.5 GiB"` or `"1048576"` (bytes).
 * Units are case-insensitive; a space between number and unit is allowed; fractions are rounded to
 * the nearest byte. Pure.
 * @returns a whole number of bytes (may be 0; range checks belong to the caller).
 * @throws SizeParseError for anything else (negative, empty, unknown unit, too large).
 */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (match === null) {
    throw new SizeParseError(
      `${JSON.stringify(text)} is not a size: use a number of bytes or a number with a unit, like 64MiB, 100M or 5MB.`,
    );
  }
  const [, number = '', unit = ''] = match;
  const multiplier = UNITS[unit.toLowerCase()];
  if (multiplier === undefined) {
    throw new SizeParseError(
      `${JSON.stringify(unit)} is not a size unit: use B, K/KiB/KB, M/MiB/MB, G/GiB/GB or T/TiB/TB.`,
    );
  }
  const bytes = Math.round(Number(number) * multiplier);
  if (!Number.isSafeInteger(bytes)) throw new SizeParseError(`${JSON.stringify(text)} is too large.`);
  return bytes;
}
