/**
 * Pending conflict questions, oldest first. The UI shows the first; `engine.answer()` settles one
 * (or, with "apply to all", every question of its group).
 */
import type { Entry } from '../providers/types.js';
import { CONFLICT_CHOICES } from './conflicts.js';
import type { JobRecord } from './records.js';
import type { ConflictQuestion } from './types.js';

export class Questions {
  readonly list: ConflictQuestion[] = [];
  private next = 1;

  /** Creates and records the question for `job`, whose target `existing` is in the way. */
  raise(job: JobRecord, existing: Entry): ConflictQuestion {
    const s = job.group.settings;
    const q: ConflictQuestion = {
      id: `q${this.next++}`,
      jobId: job.id,
      groupId: job.group.id,
      source: { location: job.source ?? { provider: s.from, path: '' }, size: job.size, mtimeMs: job.mtimeMs },
      target: { location: { provider: s.to, path: existing.path }, size: existing.size, mtimeMs: existing.mtimeMs },
      choices: [...CONFLICT_CHOICES],
    };
    this.list.push(q);
    return q;
  }

  find(id: string): ConflictQuestion | undefined {
    return this.list.find((q) => q.id === id);
  }

  /** Removes the question of `jobId`, if any. */
  drop(jobId: string): void {
    const i = this.list.findIndex((q) => q.jobId === jobId);
    if (i >= 0) this.list.splice(i, 1);
  }
}
