/**
 * What an application key may do, normalised from any `b2_authorize_account` version.
 * Produced by the B2 provider, consumed by the permission rules, the key inspector and the CLI.
 * Pure data: no secrets (never the application key, never an auth token); the one exception is
 * {@link CreatedKey}, a new key's secret shown once.
 */
export interface KeyInfo {
  /** The owning account's ID, from the authorize response (never what the user typed). */
  accountId: string;
  /** The application key ID used to authorise (not secret). */
  applicationKeyId: string;
  /** True when the key ID is the account's master key (or the account ID itself). */
  isMaster: boolean;
  /**
   * Buckets the key is limited to, or `null` for "all buckets". `name` is `null` when
   * the bucket has since been deleted (B2 reports it that way).
   */
  buckets: AllowedBucket[] | null;
  /** Capability names exactly as B2 spells them (`listFiles`, `deleteFiles`, …). Unknown ones are kept. */
  capabilities: string[];
  /** Every file name the key touches must start with this, or `null` for no restriction. */
  namePrefix: string | null;
  /** Expiry in ms since the epoch, or `null` for a key that never expires. */
  expiresAt: number | null;
}

/** One bucket a restricted key may use. */
export interface AllowedBucket {
  id: string;
  /** `null` when the bucket was deleted after the key was made. */
  name: string | null;
}

/**
 * An application key as B2 lists it (b2_list_keys, v4 shape): what the keys screen and
 * `b2c keys list` show. Never carries the secret.
 */
export interface KeyRecord {
  applicationKeyId: string;
  keyName: string;
  capabilities: string[];
  /** Bucket IDs the key is limited to, or null for all buckets. */
  bucketIds: string[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null for no expiry. */
  expiresAt: number | null;
}

/**
 * A key just created: the record plus its secret, which B2 returns only in that answer. Held only
 * while it is shown (the keys screen forgets it when the user leaves that view).
 */
export interface CreatedKey extends KeyRecord {
  applicationKey: string;
}
