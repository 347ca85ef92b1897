/**
 * Pending conflict questions, oldest first. The UI shows the first; `engine.answer()` settles one
 * (or, with "apply to all", every question of its group). Questions of a group that postpones
 * them are `held` apart, unseen, until the engine releases the group's batch.
 */
import type { Entry } from '../providers/types.js';
import { CONFLICT_CHOICES } from './conflicts.js';
import type { JobRecord } from './records.js';
import type { ConflictQuestion } from './types.js';

export class Questions {
  readonly list: ConflictQuestion[] = [];
  /** Postponed questions not raised yet, oldest first. */
  private held: ConflictQuestion[] = [];
  private next = 1;

  /**
   * Creates the question for `job`, whose target `existing` is in the way: raised at once, or
   * held when its group postpones questions.
   */
  raise(job: JobRecord, existing: Entry): ConflictQuestion {
    const postponed = job.group.settings.postponeQuestions === true;
    const s = job.group.settings;
    const q: ConflictQuestion = {
      id: `q${this.next++}`,
      jobId: job.id,
      groupId: job.group.id,
      source: { location: job.source ?? { provider: s.from, path: '' }, size: job.size, mtimeMs: job.mtimeMs },
      target: { location: { provider: s.to, path: existing.path }, size: existing.size, mtimeMs: existing.mtimeMs },
      choices: [...CONFLICT_CHOICES],
      postponed,
    };
    (postponed ? this.held : this.list).push(q);
    return q;
  }

  /** How many questions of group `groupId` are held. */
  heldCount(groupId: string): number {
    return this.held.reduce((n, q) => n + (q.groupId === groupId ? 1 : 0), 0);
  }

  /** Raises the held questions of group `groupId`, in the order they came; returns them. */
  release(groupId: string): ConflictQuestion[] {
    const out = this.held.filter((q) => q.groupId === groupId);
    this.held = this.held.filter((q) => q.groupId !== groupId);
    this.list.push(...out);
    return out;
  }

  find(id: string): ConflictQuestion | undefined {
    return this.list.find((q) => q.id === id);
  }

  /** Removes the question of `jobId`, raised or held, if any. */
  drop(jobId: string): void {
    const i = this.list.findIndex((q) => q.jobId === jobId);
    if (i >= 0) this.list.splice(i, 1);
    this.held = this.held.filter((q) => q.jobId !== jobId);
  }
}
