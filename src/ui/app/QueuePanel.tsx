/**
 * The transfer queue panel (t): one line per job with its state, what it moves where, and its
 * progress or failure, under the queue's totals. Reads the engine's store (published a few times
 * per second, never per chunk).
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { JobView } from '../../transfers/index.js';
import { describeInFlight } from '../../tui/operations/in-flight-line.js';
import { jobLine, shownJobs } from '../../tui/operations/job-line.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { useStore } from '../useStore.js';
import type { Theme } from '../theme.js';
import { queueSummary } from './StatusLine.js';
import type { TransferQueue } from '../../tui/operations/transfer-operations.js';

function stateColour(theme: Theme, j: JobView): string | undefined {
  switch (j.state) {
    case 'failed':
      return theme.status.error;
    case 'done':
      return theme.ok;
    case 'asking':
    case 'paused':
      return theme.status.warning;
    case 'cancelled':
    case 'skipped':
      return theme.muted;
    case 'queued':
    case 'running':
      return undefined;
    default: {
      const never: never = j.state;
      return never;
    }
  }
}

export interface QueuePanelProps {
  queue: TransferQueue;
  cursor: number;
  width: number;
  height: number;
}

/** Rows of jobs a panel `height` tall shows. */
export function queueListHeight(height: number): number {
  return Math.max(1, height - 4);
}

function QueuePanelView({ queue, cursor, width, height }: QueuePanelProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const snap = useStore(queue.store);
  const inner = Math.max(1, width - 2);
  const listHeight = queueListHeight(height);
  const jobs = shownJobs(snap.jobs);
  const c = Math.min(cursor, Math.max(0, jobs.length - 1));
  const start = Math.max(0, Math.min(c - Math.floor(listHeight / 2), jobs.length - listHeight));
  const summary =
    queueSummary({
      totals: snap.totals,
      run: snap.run,
      paused: snap.paused,
      active: snap.active,
      questionsPending: snap.questionsPending,
    }) ?? 'Nothing is running.';
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="single"
      borderColor={theme.pane.activeBorder}
    >
      <Text bold color={theme.pane.header} wrap="truncate">
        {/* What is in flight comes first: the progress after it is also on the status line, so
            on a narrow terminal it is the progress that gets cut. */}
        {fitToWidth(`Transfer queue — ${snap.active ? `${describeInFlight(snap.inFlight)} · ` : ''}${summary}`, inner)}
      </Text>
      <Text color={theme.muted} wrap="truncate">
        {fitToWidth(hintLine(keymap, 'queuePanel'), inner)}
      </Text>
      <Box flexDirection="column" height={listHeight}>
        {jobs.length === 0 ? (
          <Text color={theme.muted}>{fitToWidth(hintLine(keymap, 'queueEmpty'), inner)}</Text>
        ) : null}
        {jobs.slice(start, start + listHeight).map((j, i) => (
          <Text key={j.id} inverse={start + i === c} color={stateColour(theme, j)} wrap="truncate">
            {fitToWidth(sanitizeForTerminal(jobLine(j)), inner)}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

export const QueuePanel = memo(QueuePanelView);
