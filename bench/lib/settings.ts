/**
 * The transfer settings every tool in a run gets, and how each tool spells them. One place, so
 * the report can print exactly what was compared.
 */

/** Bytes and counts shared by b2c and rclone in one run. */
export interface TransferSettings {
  /** Large-file part size = single-upload cutoff, bytes. */
  partSize: number;
  /** Parts of one large file in flight at once (the provider benchmark's child). */
  partConcurrency: number;
}

/** A simulated link in front of the server (`b2c emulator --latency --bandwidth`). */
export interface LinkSettings {
  /** Milliseconds before every answer starts. */
  latencyMs: number;
  /** Bytes per second per connection, each direction. */
  bandwidth: number;
}

/** `40 ms link` (the name of a run on that link). */
export function linkName(link: LinkSettings): string {
  return `${link.latencyMs} ms link`;
}

/** `40 ms latency, 50 MB/s per connection`. */
export function describeLink(link: LinkSettings): string {
  return `${link.latencyMs} ms latency, ${(link.bandwidth / 1e6).toFixed(0)} MB/s per connection each way`;
}

/** Credentials of the server under test. `key` is secret: environment variables only, never argv. */
export interface ServerAccess {
  endpoint: string;
  keyId: string;
  key: string;
}

/** A human-readable line of the settings, for the report. */
export function describeSettings(s: TransferSettings): string {
  return `part size ${formatMiB(s.partSize)} (= upload cutoff) for both tools`;
}

/** Bytes as MiB with one decimal (e.g. `100.0 MiB`). */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
