/**
 * Commands of the two full-screen views: the help screen (scrolling, closing) and the transfer
 * queue panel (a cursor over jobs; pause, resume, cancel, retry, clear).
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { CURSOR_MOVES, movedCursor } from '../../state/pane/pane-cursor.js';
import { setStatus, snapshot, type ControllerDeps, type ViewportSizes } from '../controller-deps.js';
import { requestQuit } from '../dialogs/confirm-quit.js';
import { shownJobs } from '../operations/job-line.js';
import { openHistoryDialog } from '../dialogs/history.js';

/** Runs `cmd` on the help screen. */
export function runHelpCommand(d: ControllerDeps, cmd: CommandId, sizes: ViewportSizes): void {
  const mode = snapshot(d).app.mode;
  if (mode.kind !== 'help') return;
  if (cmd === 'cancel') {
    d.store.dispatch({ type: 'app', action: { type: 'closeHelp' } });
    return;
  }
  const move = CURSOR_MOVES[cmd];
  if (move === undefined) return;
  const maxOffset = Math.max(0, sizes.helpLines - sizes.help);
  const page = Math.max(1, sizes.help - 1);
  const delta = move === 'up' ? -1 : move === 'down' ? 1 : move === 'pageUp' ? -page : move === 'pageDown' ? page : 0;
  const offset =
    move === 'home' ? 0 : move === 'end' ? maxOffset : Math.min(maxOffset, Math.max(0, mode.offset + delta));
  d.store.dispatch({ type: 'app', action: { type: 'scrollHelp', offset } });
}

/** Runs `cmd` in the transfer queue panel. */
export function runQueueCommand(d: ControllerDeps, cmd: CommandId, sizes: ViewportSizes): void {
  const queue = d.transfers.queue;
  const jobs = shownJobs(queue.store.getSnapshot().jobs);
  const s = snapshot(d);
  const cursor = Math.min(s.queueCursor, Math.max(0, jobs.length - 1));
  const job = jobs[cursor];
  const move = CURSOR_MOVES[cmd];
  if (move !== undefined) {
    d.store.dispatch({ type: 'queueCursor', index: movedCursor(cursor, move, sizes.queue, jobs.length) });
    return;
  }
  const act = (ok: boolean | undefined, what: string): void => {
    if (ok === false) setStatus(d, `This transfer cannot be ${what} now.`, 'warning');
  };
  const actions: Partial<Record<CommandId, () => void>> = {
    toggleQueue: () => d.store.dispatch({ type: 'app', action: { type: 'toggleQueueFocus' } }),
    queuePause: () => act(job && queue.pause(job.id), 'paused'),
    queueResume: () => act(job && queue.resume(job.id), 'resumed'),
    queueCancel: () => act(job && queue.cancel(job.id), 'cancelled'),
    queueRetry: () => act(job && queue.retry(job.id), 'retried'),
    queueClearFinished: () => {
      queue.clearFinished();
      d.store.dispatch({ type: 'queueCursor', index: 0 });
    },
    queueHistory: () => openHistoryDialog(d),
    help: () => d.store.dispatch({ type: 'app', action: { type: 'openHelp' } }),
    quit: () => requestQuit(d),
  };
  actions[cmd]?.();
}
