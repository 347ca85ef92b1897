/** The engine's options, with their defaults in one place. */
import type { Provider } from '../providers/types.js';
import { systemClock, type Clock } from './clock.js';
import type { PermissionAnswer, PermissionQuery, ProviderRef } from './types.js';

export interface EngineOptions {
  /**
   * Produces the provider for a reference (e.g. logs in to the B2 profile it names). Called once
   * per reference and cached; a rejection fails the jobs that needed it and is asked again on retry.
   */
  providers: (ref: ProviderRef) => Provider | Promise<Provider>;
  /** Files transferred at once (default 4): where the adaptive mode starts. */
  concurrency?: number;
  /**
   * Parts per large B2 file held in memory at once, passed to `write` as partConcurrency (the
   * memory bound is partConcurrency × partSize; default 4); where the adaptive mode starts the
   * parts or ranges of one file in flight.
   */
  partConcurrency?: number;
  /**
   * Adaptive mode (in-flight.ts; default on): raises files × parts in flight while throughput
   * rises, up to `maxConcurrency` files and `maxPartsInFlight` parts of one file.
   */
  adaptive?: boolean;
  /** Most files at once in adaptive mode (default 64). */
  maxConcurrency?: number;
  /** Most parts or ranges of one file in flight in adaptive mode (default 32). */
  maxPartsInFlight?: number;
  /** Large-file part size in bytes, passed to `write` (default: the provider's choice). */
  partSize?: number;
  /**
   * Local files at least this many bytes uploaded to B2 are offered to it for reading again by
   * range (WriteOptions.reopen): a large file is then hashed in one pass before its parts go out,
   * so it carries `large_file_sha1` (docs/b2-api.md §4.5) and later downloads can be verified, and
   * its parts are sent straight from the file. Default 0: every file is offered, and the B2
   * provider reads through the ranges only for a large file — whatever the server's smallest
   * part, no large file goes out without its SHA1.
   */
  prehashMinBytes?: number;
  /** Folders listed at once (default 2). */
  scanConcurrency?: number;
  /** Listing pauses while this many jobs wait in the queue (default 1000): bounds memory. */
  maxQueued?: number;
  /** Finished jobs kept in the list (default 1000); older ones remain only in the counters. */
  keepFinished?: number;
  /** Automatic retries of transient failures per job (default 3); then the job fails. */
  autoRetries?: number;
  /** First automatic retry delay in ms, doubled each time (default 1000) up to `retryMaxMs` (default 60000). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * The permission rules, asked before every job starts. Not allowed: the job fails with `reason`
   * and no request is sent (no blind 401s). Default: everything allowed.
   */
  checkPermission?: (query: PermissionQuery) => PermissionAnswer | Promise<PermissionAnswer>;
  clock?: Clock;
  /** Minimum ms between store publishes (default 250, i.e. 4 per second). */
  publishIntervalMs?: number;
  /** Save the queue here as it changes (JSON, 0600). No file: nothing is saved. */
  queueFile?: string;
  /** Debounce of queue-file writes in ms (default 1000). */
  queueSaveDelayMs?: number;
  /** Told when the queue file cannot be written (the engine keeps running). */
  onQueueFileError?: (error: unknown) => void;
  /** Add every finished job to this transfer history file (./history.ts). No file: this session only. */
  historyFile?: string;
  /** Told when the history file cannot be written (the engine keeps running). */
  onHistoryError?: (error: unknown) => void;
}

export type ResolvedOptions = Required<
  Omit<
    EngineOptions,
    'partSize' | 'checkPermission' | 'queueFile' | 'onQueueFileError' | 'historyFile' | 'onHistoryError'
  >
> &
  Pick<
    EngineOptions,
    'partSize' | 'checkPermission' | 'queueFile' | 'onQueueFileError' | 'historyFile' | 'onHistoryError'
  >;

function positive(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

export function resolveOptions(o: EngineOptions): ResolvedOptions {
  return {
    ...o,
    concurrency: positive(o.concurrency, 4),
    partConcurrency: positive(o.partConcurrency, 4),
    adaptive: o.adaptive ?? true,
    maxConcurrency: positive(o.maxConcurrency, 64),
    maxPartsInFlight: positive(o.maxPartsInFlight, 32),
    scanConcurrency: positive(o.scanConcurrency, 2),
    prehashMinBytes: o.prehashMinBytes ?? 0,
    maxQueued: positive(o.maxQueued, 1000),
    keepFinished: o.keepFinished !== undefined && o.keepFinished >= 0 ? Math.floor(o.keepFinished) : 1000,
    autoRetries: o.autoRetries !== undefined && o.autoRetries >= 0 ? Math.floor(o.autoRetries) : 3,
    retryBaseMs: o.retryBaseMs ?? 1000,
    retryMaxMs: o.retryMaxMs ?? 60_000,
    clock: o.clock ?? systemClock,
    publishIntervalMs: o.publishIntervalMs ?? 250,
    queueSaveDelayMs: o.queueSaveDelayMs ?? 1000,
  };
}
