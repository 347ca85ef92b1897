/**
 * F4 on B2, after the editor: the file changed on B2 while it was being edited (another version is
 * now the newest). Overwrite (upload anyway: the other version stays as an older one), keep both
 * (upload under a new name beside it) or discard the edit. Esc discards too; the temp file goes.
 */
import { closeDialog, reduceChoice, type DialogModule } from './dialog-module.js';
import type { ChoiceOption } from './choices.js';

/** What to do with an edit whose file changed meanwhile. */
export type EditConflictChoice = 'overwrite' | 'keepBoth' | 'discard';

export interface EditConflictDialog {
  kind: 'editConflict';
  /** The file, as the user knows it (raw). */
  title: string;
  /** The name "keep both" uploads to (raw). */
  otherName: string;
  choices: ChoiceOption<EditConflictChoice>[];
  choice: number;
  /** Which edit is waiting for the answer. */
  requestId: number;
}

const waiting = new Map<number, (choice: EditConflictChoice) => void>();
let nextRequest = 1;

/** The dialog for an edit of `title`, and the answer once the user gives it. */
export function editConflictQuestion(
  title: string,
  otherName: string,
): { dialog: EditConflictDialog; answer: Promise<EditConflictChoice> } {
  const requestId = nextRequest++;
  const answer = new Promise<EditConflictChoice>((resolve) => waiting.set(requestId, resolve));
  const choice = (value: EditConflictChoice, label: string, detail: string): ChoiceOption<EditConflictChoice> => ({
    value,
    label,
    detail,
    allowed: true,
    reason: null,
  });
  const dialog: EditConflictDialog = {
    kind: 'editConflict',
    title,
    otherName,
    choices: [
      choice(
        'overwrite',
        'Overwrite',
        'Upload the edit as the newest version; the other change stays as an older version.',
      ),
      choice('keepBoth', `Keep both`, `Upload the edit as ${otherName}, beside the file.`),
      choice('discard', 'Discard the edit', 'Upload nothing; the edited copy is deleted.'),
    ],
    choice: 0,
    requestId,
  };
  return { dialog, answer };
}

function answer(requestId: number, choice: EditConflictChoice): void {
  waiting.get(requestId)?.(choice);
  waiting.delete(requestId);
}

export const editConflictDialog: DialogModule<EditConflictDialog> = {
  reduce: reduceChoice,
  confirm(deps, d) {
    closeDialog(deps);
    answer(d.requestId, d.choices[d.choice]?.value ?? 'discard');
  },
  cancel(deps, d) {
    closeDialog(deps);
    answer(d.requestId, 'discard');
  },
};
