/**
 * The dialog for a transfer-queue conflict question: each choice once, or for the rest of the
 * copy ("… all").
 */
import type { ConflictChoice, ConflictQuestion } from '../../transfers/index.js';
import type { ConflictOption, DialogData } from '../dialogs/dialog-data.js';

/** The dialog asking `question`. */
export function conflictDialog(question: ConflictQuestion): DialogData {
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
