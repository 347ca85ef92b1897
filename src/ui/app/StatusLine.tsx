/**
 * The status line, always one line: the filter prompt while typing a filter, else the last
 * message (permission reasons, errors, results; cut with "…" when longer than the line), else
 * the transfer queue's progress, else a hint. A message that only announces queued work gives
 * way to the progress once the queue runs, which then updates on the queue's own beat (several
 * times a second) without a key being pressed. Always sanitised, and a URL's password is never
 * shown.
 */
import { redactUrlUserInfo } from '../../state/text/redact-url.js';
import { Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { AppMode, StatusMessage } from '../../state/app/app-state.js';
import { formatDuration, formatPercent, formatSize, formatSpeed } from '../../state/text/format.js';
import { displayWidth, fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { TotalsSnapshot } from '../../transfers/index.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';

export interface StatusLineProps {
  status: StatusMessage | null;
  mode: AppMode;
  queue: TotalsSnapshot;
  width: number;
  /** Shown when there is nothing else to say (default: the pane keys). */
  hint?: string;
}

/**
 * This run's progress in one line (not what finished before it), or null when nothing is running: files, bytes (counted as
 * they are sent or written), speed and time left from the engine's moving window, "—" while
 * they are not known yet.
 */
export function queueSummary(q: TotalsSnapshot): string | null {
  const t = q.run;
  if (!q.active && q.questionsPending === 0) return null;
  const parts = [`${t.filesDone}/${t.files} files`];
  if (t.bytesTotal > 0) {
    parts.push(
      `${formatSize(t.bytesDone)} of ${formatSize(t.bytesTotal)} (${formatPercent(t.bytesDone, t.bytesTotal)})`,
    );
    parts.push(t.speed > 0 ? formatSpeed(t.speed) : '—/s');
    parts.push(`${t.etaSeconds === null ? '—' : formatDuration(t.etaSeconds)} left`);
  }
  const ask =
    q.questionsPending > 0 ? ` · ${q.questionsPending} question${q.questionsPending === 1 ? '' : 's'} waiting` : '';
  return `${q.paused ? 'Paused' : 'Transfers'}: ${parts.join(', ')}${ask}`;
}

/** The queue's progress for the status line, with the key that shows the queue when there is room. */
export function queueStatus(q: TotalsSnapshot, keymap: Keymap, width: number): string | null {
  const summary = queueSummary(q);
  if (summary === null) return null;
  const withHint = `${summary} ${hintLine(keymap, 'queueShortcut')}`;
  return displayWidth(withHint) <= width ? withHint : summary;
}

function StatusLineView({ status, mode, queue, width, hint }: StatusLineProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  if (mode.kind === 'filter') {
    const text = `Filter: ${sanitizeForTerminal(mode.draft)}▌`;
    return (
      <Text wrap="truncate">
        <Text color={theme.dialog.title}>{fitToWidth(text, Math.max(0, width - 30))}</Text>
        <Text color={theme.muted}>{fitToWidth(hintLine(keymap, 'filter'), 30)}</Text>
      </Text>
    );
  }
  const progress = queueStatus(queue, keymap, width);
  if (status !== null && !(status.untilProgress === true && progress !== null)) {
    const colour =
      status.tone === 'error'
        ? theme.status.error
        : status.tone === 'warning'
          ? theme.status.warning
          : theme.status.info;
    return (
      // One line always: a longer message is cut with "…" rather than pushing the panes up.
      <Text color={colour} bold={status.tone === 'error'} wrap="truncate">
        {fitToWidth(sanitizeForTerminal(redactUrlUserInfo(status.text)), width)}
      </Text>
    );
  }
  return (
    <Text color={progress === null ? theme.muted : theme.status.info} wrap="truncate">
      {fitToWidth(progress ?? hint ?? hintLine(keymap, 'panes'), width)}
    </Text>
  );
}

export const StatusLine = memo(StatusLineView);
