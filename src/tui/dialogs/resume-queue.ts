/**
 * The start-up offer (issue 5): the previous session left transfers unfinished (a crash, or a
 * quit with work pending), so the queue file holds them. Resume runs them, Discard deletes the
 * saved queue, Later keeps it for the next start (so does Esc). Opened by ../operations/queue-resume.ts.
 */
import type { ChoiceOption } from './choices.js';
import { closeDialog, reduceChoice, type DialogModule } from './dialog-module.js';

/** What the offer does: run the saved queue, delete it, or keep it for the next start. */
export type ResumeChoice = 'resume' | 'discard' | 'later';

/** A saved queue in numbers (transfers = groups, files and bytes still to do, files that failed). */
export interface PendingSummary {
  transfers: number;
  files: number;
  bytes: number;
  failed: number;
  unfinishedScans: number;
}

export interface ResumeQueueDialog {
  kind: 'resumeQueue';
  summary: PendingSummary;
  choices: ChoiceOption<ResumeChoice>[];
  choice: number;
}

/** The three choices, Resume first (Enter on the dialog as it opens resumes). */
export function resumeChoices(): ChoiceOption<ResumeChoice>[] {
  return [
    {
      value: 'resume',
      label: 'Resume',
      detail:
        'Queue them again now. Files already complete at the target are not copied again; large B2 uploads continue from their uploaded parts.',
      allowed: true,
      reason: null,
    },
    {
      value: 'discard',
      label: 'Discard',
      detail: 'Delete the saved queue. Nothing is copied, moved or deleted.',
      allowed: true,
      reason: null,
    },
    {
      value: 'later',
      label: 'Later',
      detail: 'Keep the saved queue and ask again the next time b2c starts.',
      allowed: true,
      reason: null,
    },
  ];
}

export const resumeQueueDialog: DialogModule<ResumeQueueDialog> = {
  reduce: reduceChoice,
  confirm(deps, d) {
    const choice = d.choices[d.choice]?.value ?? 'later';
    closeDialog(deps);
    deps.resume?.choose(choice);
  },
  cancel(deps) {
    closeDialog(deps);
    deps.resume?.choose('later');
  },
};
