/**
 * A transfer-queue conflict question: the file exists at the destination. Each choice once, or
 * for the rest of the copy ("… all"). Esc cancels that file: the question cannot stay unanswered.
 */
import { formatDate, formatSize } from '../../state/text/format.js';
import { placeText, type ConflictChoice, type ConflictQuestion } from '../../transfers/index.js';
import { closeDialog, wrapIndex, type DialogModule } from './dialog-module.js';

/** A conflict answer as offered: the choice, once or for the rest of the group. */
export interface ConflictOption {
  choice: ConflictChoice;
  applyToAll: boolean;
}

export interface ConflictDialog {
  kind: 'conflict';
  question: ConflictQuestion;
  options: readonly ConflictOption[];
  choice: number;
}

/** The dialog asking `question`. */
export function conflictDialogFor(question: ConflictQuestion): ConflictDialog {
  const options: ConflictOption[] = [];
  for (const choice of question.choices) options.push({ choice, applyToAll: false });
  for (const choice of question.choices) options.push({ choice, applyToAll: true });
  return { kind: 'conflict', question, options, choice: 0 };
}

/** How a conflict option reads in the dialog. */
export function conflictOptionLabel(o: ConflictOption): string {
  const base: Record<ConflictChoice, string> = {
    overwrite: 'Overwrite',
    skip: 'Skip',
    rename: 'Keep both (numbered name)',
    'overwrite-if-newer': 'Overwrite if newer',
  };
  return o.applyToAll ? `${base[o.choice]}, for all remaining conflicts` : base[o.choice];
}

export const conflictDialog: DialogModule<ConflictDialog> = {
  reduce: (d, a) => (a.type === 'moveChoice' ? { ...d, choice: wrapIndex(d.choice + a.delta, d.options.length) } : d),
  confirm(deps, d) {
    const option = d.options[d.choice];
    closeDialog(deps);
    if (option) deps.transfers.queue.answer(d.question.id, option.choice, option.applyToAll);
  },
  cancel(deps, d) {
    deps.transfers.queue.cancel(d.question.jobId);
    closeDialog(deps);
  },
};

/** The file a question is about, in words (`b2://bucket/name` or a local path; raw: sanitise for display). */
export function conflictPlace(q: ConflictQuestion): string {
  return placeText(q.target.location) ?? '';
}

/** One side of a conflict: `Existing: 3 B, Dec  4 06:28`. */
export function conflictSideText(label: string, side: ConflictQuestion['source'], now: number): string {
  return `${label} ${formatSize(side.size)}, ${formatDate(side.mtimeMs, now) || 'date unknown'}`;
}
