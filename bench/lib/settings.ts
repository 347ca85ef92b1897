/**
 * The transfer settings every tool in a run gets, and how each tool spells them. One place, so
 * the report can print exactly what was compared.
 */

/** Bytes and counts shared by b2c and rclone in one run. */
export interface TransferSettings {
  /** Large-file part size = single-upload cutoff, bytes. */
  partSize: number;
  /** Parts of one large file in flight at once. */
  partConcurrency: number;
  /** Files transferred at once. */
  concurrency: number;
}

/** Credentials of the server under test. `key` is secret: environment variables only, never argv. */
export interface ServerAccess {
  endpoint: string;
  keyId: string;
  key: string;
}

/** A human-readable line of the settings, for the report. */
export function describeSettings(s: TransferSettings): string {
  return `part size ${formatMiB(s.partSize)} (= upload cutoff), ${s.partConcurrency} parts in flight, ${s.concurrency} files at once`;
}

/** Bytes as MiB with one decimal (e.g. `100.0 MiB`). */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
