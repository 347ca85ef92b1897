/**
 * The start-up offer (issue 5): the previous session left transfers unfinished (a crash, or a quit
 * with work pending), so the queue file holds them. Resume runs them, Discard deletes the saved
 * queue, Later keeps it for the next start.
 */
import type { ReactNode } from 'react';
import { formatSize } from '../../state/text/format.js';
import { useTheme } from '../theme-context.js';
import { ChoiceList } from './ChoiceList.js';
import type { ChoiceOption, DialogData, PendingSummary, ResumeChoice } from '../../tui/dialogs/dialog-data.js';
import { DialogFrame, DialogLine } from './DialogFrame.js';
import { Wrapped } from './OperationDialogs.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The headline, e.g. "2 transfers (5 files, 1.2 MiB) were not finished." */
export function resumeHeadline(s: PendingSummary): string {
  const verb = s.transfers === 1 ? 'was' : 'were';
  return `${plural(s.transfers, 'transfer', 'transfers')} (${plural(s.files, 'file', 'files')}, ${formatSize(s.bytes)}) ${verb} not finished.`;
}

/** The three choices, Resume first (Enter on the dialog as it opens resumes). */
export function resumeChoices(): ChoiceOption<ResumeChoice>[] {
  return [
    { value: 'resume', label: 'Resume', detail: 'Queue them again now. Files already complete at the target are not copied again; large B2 uploads continue from their uploaded parts.', allowed: true, reason: null },
    { value: 'discard', label: 'Discard', detail: 'Delete the saved queue. Nothing is copied, moved or deleted.', allowed: true, reason: null },
    { value: 'later', label: 'Later', detail: 'Keep the saved queue and ask again the next time b2c starts.', allowed: true, reason: null },
  ];
}

export function ResumeQueueDialog({ d }: { d: Extract<DialogData, { kind: 'resumeQueue' }> }): ReactNode {
  const theme = useTheme();
  const s = d.summary;
  const extra: string[] = [];
  if (s.failed > 0) extra.push(`${plural(s.failed, 'file', 'files')} had failed and can be retried from the queue (t).`);
  if (s.unfinishedScans > 0) extra.push(`${plural(s.unfinishedScans, 'folder was', 'folders were')} still being listed; their files are counted once listed again.`);
  return (
    <DialogFrame title="Unfinished transfers" hint="Enter: choose · ↑↓ move · Esc: later">
      <Wrapped text={resumeHeadline(s)} color={theme.status.warning} bold />
      {extra.map((t, i) => (
        <Wrapped key={i} text={t} />
      ))}
      <DialogLine text="" />
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}
