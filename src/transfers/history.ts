/**
 * The transfer history: what finished or failed, kept across runs (issue 12, item 10). Every
 * engine with a `historyFile` records its finished file jobs (and failed folder jobs) here from
 * its own `job` events, so the TUI and `b2c cp` both write it. The file is JSON, rewritten
 * atomically (temp file + rename, 0600 in a 0700 folder) with the newest `HISTORY_CAP` entries;
 * each write first reads what is there, so two b2c processes add to one history. No secrets:
 * places are provider references (profile names) and paths.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Clock } from './clock.js';
import { DebouncedSaver } from './debounced-saver.js';
import type { JobView, Location } from './types.js';

/** The history's file name in b2c's config folder (beside config.json and queue.json). */
export const HISTORY_FILE_NAME = 'history.json';

/** Entries kept: the newest ones. */
export const HISTORY_CAP = 500;

/** One finished job. */
export interface HistoryEntry {
  /** When it finished, ms since the epoch. */
  at: number;
  operation: JobView['operation'];
  kind: JobView['kind'];
  /** `b2://bucket/name` or a local path; null when the job had none. */
  source: string | null;
  target: string | null;
  bytes: number;
  result: 'done' | 'skipped' | 'failed' | 'cancelled';
  /** Why it failed or was skipped (raw: sanitise for display), else null. */
  reason: string | null;
}

/** A place in words: B2 places as `b2://bucket/name`, local ones as their path. */
export function placeText(l: Location | null): string | null {
  if (l === null) return null;
  return l.provider === 'local' ? l.path : `b2:/${l.path}`;
}

/** The history entry for a job that just changed state, or null when it is not one to keep. */
export function historyEntry(job: JobView, at: number): HistoryEntry | null {
  const s = job.state;
  if (s !== 'done' && s !== 'skipped' && s !== 'failed' && s !== 'cancelled') return null;
  // Looking a selection up or listing a folder is not a transfer, nor is making or removing a
  // folder: such jobs are kept only when they failed (what was selected never got anywhere).
  if ((job.kind === 'scan' || job.isDir) && s !== 'failed') return null;
  return {
    at,
    operation: job.operation,
    kind: job.kind,
    source: placeText(job.source),
    target: placeText(job.target),
    bytes: s === 'done' ? job.size : job.bytesDone,
    result: s,
    reason: job.failure?.message ?? (s === 'done' ? null : job.note),
  };
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.at === 'number' && typeof e.operation === 'string' && typeof e.result === 'string';
}

/** The entries of history file `file`, oldest first (none when it is missing or unreadable). */
export async function readHistoryFile(file: string): Promise<HistoryEntry[]> {
  try {
    const doc = JSON.parse(await readFile(file, 'utf8')) as { entries?: unknown };
    return Array.isArray(doc.entries) ? doc.entries.filter(isEntry) : [];
  } catch {
    // Missing, or damaged (a crash between two writes cannot do that: writes are atomic).
    return [];
  }
}

async function writeHistoryFile(file: string, entries: readonly HistoryEntry[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify({ version: 1, entries }), { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The newest `HISTORY_CAP` of `entries`. */
function capped(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.slice(Math.max(0, entries.length - HISTORY_CAP));
}

/** One engine's history: this session's entries, and the file they are added to (if any). */
export class TransferHistory {
  private session: HistoryEntry[] = [];
  private pending: HistoryEntry[] = [];
  private readonly saver: DebouncedSaver | null;

  constructor(
    private readonly file: string | null,
    clock: Clock,
    onError: (e: unknown) => void,
  ) {
    this.saver = file === null ? null : new DebouncedSaver(() => this.save(file), clock, 250, onError);
  }

  /** Records `job` if it just finished (see `historyEntry`). */
  record(job: JobView, at: number): void {
    const e = historyEntry(job, at);
    if (e === null) return;
    this.session = capped([...this.session, e]);
    this.pending.push(e);
    this.saver?.markDirty();
  }

  /** Everything kept, oldest first: the file's entries (written first), else this session's. */
  async entries(): Promise<HistoryEntry[]> {
    if (this.file === null || this.saver === null) return [...this.session];
    await this.saver.flush();
    return readHistoryFile(this.file);
  }

  /** Writes what is not written yet. */
  async flush(): Promise<void> {
    await this.saver?.flush();
  }

  private async save(file: string): Promise<void> {
    if (this.pending.length === 0) return;
    const adding = this.pending;
    this.pending = [];
    try {
      await writeHistoryFile(file, capped([...(await readHistoryFile(file)), ...adding]));
    } catch (e) {
      this.pending = [...adding, ...this.pending];
      throw e;
    }
  }
}
