/**
 * A bucket's settings beyond name, type, info, CORS and lifecycle rules: default encryption,
 * Object Lock, replication and event notification rules (docs/b2-api.md §9–§12). All optional,
 * so buckets stored before these settings existed read as "none of them".
 */
import type { DefaultRetention } from './file-settings.js';

/** One replication rule of a source bucket, as B2 shows it (docs/b2-api.md §11.1). */
export interface ReplicationRule {
  destinationBucketId: string;
  fileNamePrefix: string;
  includeExistingFiles: boolean;
  isEnabled: boolean;
  priority: number;
  replicationRuleName: string;
}

/** A bucket's replication configuration: as a source, as a destination, or both. */
export interface ReplicationConfiguration {
  asReplicationSource: { replicationRules: ReplicationRule[]; sourceApplicationKeyId: string } | null;
  asReplicationDestination: { sourceToDestinationKeyMapping: Record<string, string> } | null;
}

/** One custom header a notification carries. */
export interface NotificationHeader {
  name: string;
  value: string;
}

/** One event notification rule, as set (docs/b2-api.md §12). */
export interface NotificationRule {
  eventTypes: string[];
  isEnabled: boolean;
  name: string;
  objectNamePrefix: string;
  targetConfiguration: {
    targetType: 'webhook';
    url: string;
    customHeaders: NotificationHeader[] | null;
    hmacSha256SigningSecret: string | null;
  };
  maxEventsPerBatch?: number;
}

/** The optional settings of a bucket record. */
export interface BucketSettings {
  /** Default encryption of new files: SSE-B2 only (a bucket cannot default to SSE-C). */
  defaultSse?: { mode: 'SSE-B2'; algorithm: 'AES256' };
  /** Object Lock: once true, never false again. */
  fileLockEnabled?: boolean;
  defaultRetention?: DefaultRetention;
  replication?: ReplicationConfiguration;
  notificationRules?: NotificationRule[];
}
