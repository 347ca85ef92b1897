/**
 * `--data DIR` persistence. Layout:
 *   DIR/state.jsonl    snapshot: one JournalRecord per line (replaced atomically: tmp + fsync + rename)
 *   DIR/journal.jsonl  records committed since the snapshot, appended with group commit + fdatasync
 *   DIR/blobs/         one file per blob (blob-store.ts)
 * Crash safety: records are upserts/deletes by ID, so replaying the journal over the snapshot is
 * idempotent; a torn last journal line (crash mid-append) is ignored; blobs are fsynced before the
 * records that reference them are written, and orphaned blobs are removed at the next start.
 */
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Journal, JournalRecord, Store } from './store.js';

const COMPACT_AFTER_LINES = 200_000;

function parseLines(text: string): JournalRecord[] {
  const out: JournalRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as JournalRecord);
    } catch (err) {
      // Only the last line can be torn by a crash; anything else is real corruption.
      if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.length > 0)) throw err;
    }
  }
  return out;
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** Writes `text` to `path` atomically and durably. */
async function writeAtomic(dir: string, path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const h = await open(tmp, 'w', 0o600);
  try {
    await h.writeFile(text);
    await h.datasync();
  } finally {
    await h.close();
  }
  await rename(tmp, path);
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  } finally {
    await d.close();
  }
}

/** Appends records with group commit: one write + fdatasync per batch of concurrent commits. */
export class FileJournal implements Journal {
  private handle: FileHandle | undefined;
  private pending: { lines: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private lines = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly store: Store,
  ) {}

  private get journalPath(): string {
    return join(this.dir, 'journal.jsonl');
  }

  /** Loads snapshot + journal into the store, then compacts so the next start is fast. */
  async load(): Promise<boolean> {
    const snapshot = parseLines(await readIfExists(join(this.dir, 'state.jsonl')));
    const journal = parseLines(await readIfExists(this.journalPath));
    for (const r of [...snapshot, ...journal]) this.store.apply(r);
    await this.compact();
    return snapshot.length + journal.length > 0;
  }

  /** Rewrites the snapshot from memory and starts an empty journal. */
  async compact(): Promise<void> {
    const text =
      this.store
        .snapshot()
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n';
    await writeAtomic(this.dir, join(this.dir, 'state.jsonl'), text);
    await this.handle?.close();
    this.handle = await open(this.journalPath, 'w', 0o600);
    this.lines = 0;
  }

  append(records: JournalRecord[]): Promise<void> {
    // A request still running when the server closed must not reopen the journal.
    if (this.closed) return Promise.reject(new Error('the emulator is closed'));
    const lines = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    return new Promise((resolve, reject) => {
      this.pending.push({ lines, resolve, reject });
      this.flushing ??= this.flushLoop().finally(() => {
        this.flushing = undefined;
      });
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        this.handle ??= await open(this.journalPath, 'a', 0o600);
        await this.handle.write(batch.map((b) => b.lines).join(''));
        await this.handle.datasync();
        this.lines += batch.length;
        if (this.lines > COMPACT_AFTER_LINES) await this.compact();
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
  }

  /** Waits for pending writes and closes the journal. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
  }
}
