/**
 * Postponed conflict questions (the copy/move dialog's "Ask about conflicts at the end"): once
 * the rest of the copy is done, every file that exists at the destination is listed in one dialog
 * and answered in turn — each on its own, or one answer for all that remain. Esc cancels the file
 * being asked about and goes on to the next.
 */
import type { ConflictQuestion } from '../../transfers/index.js';
import { conflictDialogFor, conflictOptionLabel, type ConflictOption } from './conflict.js';
import { closeDialog, wrapIndex, type CommonDialogAction, type DialogModule } from './dialog-module.js';
import type { ControllerDeps } from '../controller-deps.js';

export interface ConflictListDialog {
  kind: 'conflictList';
  questions: readonly ConflictQuestion[];
  /** What each file got ("Skip", "Cancelled"), null while it waits. */
  answers: readonly (string | null)[];
  /** The file being asked about. */
  current: number;
  options: readonly ConflictOption[];
  choice: number;
}

/** The current file was answered with `label`: the next one that waits is asked about. */
export type ConflictListAction = { type: 'conflictAnswered'; label: string };

/** The dialog for a batch of postponed questions (of one copy or move). */
export function conflictListDialogFor(questions: readonly ConflictQuestion[]): ConflictListDialog {
  const first = questions[0];
  const options = first === undefined ? [] : conflictDialogFor(first).options;
  return { kind: 'conflictList', questions, answers: questions.map(() => null), current: 0, options, choice: 0 };
}

function answered(deps: ControllerDeps, d: ConflictListDialog, label: string): void {
  if (d.answers.filter((a) => a === null).length <= 1) return closeDialog(deps);
  deps.store.dispatch({ type: 'dialog', action: { type: 'conflictAnswered', label } });
}

export const conflictListDialog: DialogModule<ConflictListDialog, ConflictListAction | CommonDialogAction> = {
  reduce(d, a) {
    if (a.type === 'moveChoice') return { ...d, choice: wrapIndex(d.choice + a.delta, d.options.length) };
    if (a.type !== 'conflictAnswered') return d;
    const answers = d.answers.map((x, i) => (i === d.current ? a.label : x));
    const next = answers.findIndex((x) => x === null);
    return { ...d, answers, current: next < 0 ? d.current : next };
  },
  confirm(deps, d) {
    const option = d.options[d.choice];
    const q = d.questions[d.current];
    if (option === undefined || q === undefined) return closeDialog(deps);
    deps.transfers.queue.answer(q.id, option.choice, option.applyToAll);
    // "… for all": the engine answers every question of the copy that waits.
    if (option.applyToAll) return closeDialog(deps);
    answered(deps, d, conflictOptionLabel(option));
  },
  cancel(deps, d) {
    const q = d.questions[d.current];
    if (q === undefined) return closeDialog(deps);
    deps.transfers.queue.cancel(q.jobId);
    answered(deps, d, 'Cancelled');
  },
};
