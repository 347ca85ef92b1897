/**
 * Queue persistence in the TUI (issue 5: "the queue is saved as it changes; after a crash or a
 * quit with work pending, the next start offers to resume"). The engine writes the queue file
 * (EngineOptions `queueFile`, profile references only, never secrets); this module reads what the
 * previous session left, holds it in the engine (so new work cannot overwrite it before the user
 * answers) and opens the Resume / Discard / Later offer.
 */
import { formatSize } from '../../state/text/format.js';
import {
  loadPendingQueue,
  QueueFileError,
  type PermissionAnswer,
  type PermissionQuery,
  type TransferEngine,
} from '../../transfers/index.js';
import { resumeChoices, type ResumeChoice } from '../dialogs/resume-queue.js';
import { LOCAL_REF, type ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';

/** What the offer uses of the transfer engine. */
export type ResumableQueue = Pick<TransferEngine, 'hold' | 'release' | 'restore' | 'saveNow'>;

/** The queue file's name inside the config directory (beside config.json). */
export const QUEUE_FILE_NAME = 'queue.json';

export class QueueResume {
  /**
   * @param file the queue file the engine writes, or null when this session saves no queue
   *   (`--demo`: its server forgets everything on exit anyway)
   */
  constructor(
    private readonly store: TuiStore,
    private readonly engine: ResumableQueue,
    readonly file: string | null,
  ) {}

  /** True when quitting with work pending keeps it for the next start. */
  get saves(): boolean {
    return this.file !== null;
  }

  /**
   * Reads the saved queue; when there is one, holds it and opens the offer (or, when something
   * else has the screen, says in the status line that it is kept). A damaged file is reported
   * and left alone until new work replaces it. Never throws.
   */
  async offer(): Promise<void> {
    if (this.file === null) return;
    let pending;
    try {
      pending = await loadPendingQueue(this.file);
    } catch (e) {
      const text = e instanceof QueueFileError ? e.message : `Cannot read the saved transfer queue: ${String(e)}`;
      this.status(`${text} It is replaced when new transfers are queued.`, 'warning');
      return;
    }
    if (pending === null) return;
    this.engine.hold(pending);
    const s = this.store.getSnapshot();
    if (s.dialog !== null || s.app.mode.kind !== 'normal') {
      this.status(
        `${pending.groups} unfinished transfer(s) from the last session are kept; b2c offers them again at the next start.`,
        'info',
      );
      return;
    }
    const summary = {
      transfers: pending.groups,
      files: pending.pendingFiles,
      bytes: pending.pendingBytes,
      failed: pending.failedFiles,
      unfinishedScans: pending.unfinishedScans,
    };
    this.store.dispatch({
      type: 'openDialog',
      dialog: { kind: 'resumeQueue', summary, choices: resumeChoices(), choice: 0 },
    });
  }

  /** Carries out the user's answer (Esc counts as `later`). */
  choose(choice: ResumeChoice): void {
    switch (choice) {
      case 'resume': {
        const doc = this.engine.release();
        if (doc === null) return;
        const ids = this.engine.restore(doc);
        this.status(
          `Resumed ${ids.length} transfer${ids.length === 1 ? '' : 's'} from the last session (t shows the queue).`,
          'info',
        );
        return;
      }
      case 'discard': {
        const doc = this.engine.release();
        // Rewrites the file without the held groups (removes it when nothing else is queued).
        void this.engine.saveNow();
        const bytes =
          doc === null
            ? 0
            : doc.groups.reduce((n, g) => n + g.jobs.reduce((m, j) => m + (j.state === 'failed' ? 0 : j.size), 0), 0);
        this.status(`Discarded the unfinished transfers (${formatSize(bytes)} not copied).`, 'info');
        return;
      }
      case 'later':
        this.status('The unfinished transfers are kept; b2c offers them again at the next start.', 'info');
        return;
      default: {
        const never: never = choice;
        return never;
      }
    }
  }

  private status(text: string, tone: 'info' | 'warning'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }
}

/**
 * Wraps the engine's permission check so the profiles a job names are connected first: restored
 * work may name a profile no pane has opened yet, and the rules judge an unconnected profile as
 * "not signed in". Connection errors are left to the job itself (it fails with the real reason).
 */
export function connectingChecker(
  registry: ProviderRegistry,
  check: (q: PermissionQuery) => PermissionAnswer,
): (q: PermissionQuery) => Promise<PermissionAnswer> {
  return async (q) => {
    for (const loc of [q.source, q.target]) {
      if (loc !== null && loc.provider !== LOCAL_REF) await registry.provider(loc.provider).catch(() => undefined);
    }
    return check(q);
  };
}
