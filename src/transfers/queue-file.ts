/**
 * The queue file: pending work saved as it changes, so the next start can offer to resume after
 * a crash or a quit. JSON, written atomically (temp file + rename, mode 0600), never holding
 * secrets: providers appear only as references (profile names), never as keys or tokens.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseQueueDocument } from './queue-file-parse.js';
import type { QueueDocument } from './queue-document.js';

export { QUEUE_FILE_VERSION, type QueueDocument, type SavedGroup, type SavedJob } from './queue-document.js';

/** What `loadPendingQueue` found, with a summary for the "resume?" prompt. */
export interface PendingQueue {
  document: QueueDocument;
  groups: number;
  /** File jobs waiting (queued or paused) and failed. */
  pendingFiles: number;
  failedFiles: number;
  pendingBytes: number;
  /** Folders whose listing had not finished (their contents are counted when listed again). */
  unfinishedScans: number;
}

/** The queue file exists but cannot be read as a queue. */
export class QueueFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueFileError';
  }
}

/**
 * Writes `doc` to `file` atomically with mode 0600 (the directory is created 0700 if missing).
 * An empty queue removes the file instead, so a clean exit leaves nothing to resume.
 */
export async function writeQueueFile(file: string, doc: QueueDocument): Promise<void> {
  if (doc.groups.length === 0) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(doc), { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Reads a saved queue.
 * @returns null when there is no file (nothing to resume)
 * @throws QueueFileError when the file is unreadable or not a queue of this version
 */
export async function loadPendingQueue(file: string): Promise<PendingQueue | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new QueueFileError(`Cannot read the queue file ${file}.`, { cause: e });
  }
  let doc: QueueDocument;
  try {
    doc = parseQueueDocument(JSON.parse(text));
  } catch (e) {
    throw new QueueFileError(`The queue file ${file} is damaged: ${e instanceof Error ? e.message : String(e)}.`, {
      cause: e,
    });
  }
  if (doc.groups.length === 0) return null;
  return summarise(doc);
}

/** Removes the queue file (the user declined to resume). Missing file: no error. */
export async function discardPendingQueue(file: string): Promise<void> {
  await rm(file, { force: true });
}

function summarise(document: QueueDocument): PendingQueue {
  const q: PendingQueue = {
    document,
    groups: document.groups.length,
    pendingFiles: 0,
    failedFiles: 0,
    pendingBytes: 0,
    unfinishedScans: 0,
  };
  for (const g of document.groups) {
    for (const j of g.jobs) {
      if (j.kind === 'scan') {
        if (j.state !== 'failed') q.unfinishedScans++;
        continue;
      }
      if (j.kind === 'mkdir' || j.kind === 'rmdir') continue;
      if (j.state === 'failed') q.failedFiles++;
      else {
        q.pendingFiles++;
        q.pendingBytes += j.size;
      }
    }
  }
  return q;
}
