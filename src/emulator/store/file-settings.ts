/**
 * The protection settings a stored file (or unfinished large file) carries: server-side
 * encryption and Object Lock (docs/b2-api.md §9, §10). Plain JSON, so journal records hold them
 * verbatim. Records written before these settings existed simply lack the fields: absent means
 * "not encrypted", "no retention", "no legal hold".
 */

/**
 * How a file is encrypted at rest. For SSE-C only the key's MD5 (base64, as clients send it) is
 * kept: enough to tell the right key from a wrong one, never enough to recover it, so neither
 * `--data` nor any log holds a customer key (docs/b2-api.md §9.3).
 */
export type SseSetting =
  | { mode: 'SSE-B2'; algorithm: 'AES256' }
  | { mode: 'SSE-C'; algorithm: 'AES256'; customerKeyMd5: string };

/** Object Lock retention modes (docs/b2-api.md §10.2). */
export type RetentionMode = 'governance' | 'compliance';

/** A file's retention: protected until `retainUntilTimestamp` (ms since the epoch). */
export interface FileRetention {
  mode: RetentionMode;
  retainUntilTimestamp: number;
}

/** A file's legal hold, as B2 spells it. */
export type LegalHold = 'on' | 'off';

/** A bucket's default retention period (docs/b2-api.md §10.1). */
export interface RetentionPeriod {
  duration: number;
  unit: 'days' | 'years';
}

/** A bucket's default retention: applied to new files that bring no retention of their own. */
export interface DefaultRetention {
  mode: RetentionMode;
  period: RetentionPeriod;
}

/** B2's replication states of a file version (docs/b2-api.md §11.2). */
export type ReplicationStatus = 'pending' | 'completed' | 'failed' | 'replica';

/** The settings every new file version decides once, at upload, copy or start_large_file. */
export interface FileProtection {
  sse?: SseSetting;
  retention?: FileRetention;
  legalHold?: LegalHold;
}
