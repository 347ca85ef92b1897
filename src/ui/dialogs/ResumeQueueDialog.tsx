/**
 * The start-up offer (issue 5): the previous session left transfers unfinished (a crash, or a quit
 * with work pending), so the queue file holds them. Resume runs them, Discard deletes the saved
 * queue, Later keeps it for the next start.
 */
import type { ReactNode } from 'react';
import { formatSize } from '../../state/text/format.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { ChoiceList } from './ChoiceList.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import type { PendingSummary } from '../../tui/dialogs/resume-queue.js';
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

export function ResumeQueueDialog({ d }: { d: DialogOf<'resumeQueue'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const s = d.summary;
  const extra: string[] = [];
  if (s.failed > 0)
    extra.push(`${plural(s.failed, 'file', 'files')} had failed and can be retried from the queue (t).`);
  if (s.unfinishedScans > 0)
    extra.push(
      `${plural(s.unfinishedScans, 'folder was', 'folders were')} still being listed; their files are counted once listed again.`,
    );
  return (
    <DialogFrame title="Unfinished transfers" hint={hintLine(keymap, 'resumeQueue')}>
      <Wrapped text={resumeHeadline(s)} color={theme.status.warning} bold />
      {extra.map((t, i) => (
        <Wrapped key={i} text={t} />
      ))}
      <DialogLine text="" />
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}
