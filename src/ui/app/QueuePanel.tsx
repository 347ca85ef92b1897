/**
 * The transfer queue panel (t): one line per job with its state, what it moves where, and its
 * progress or failure, under the queue's totals. Reads the engine's store (published a few times
 * per second, never per chunk).
 */
import { Box, Text } from 'ink';
import { memo, useSyncExternalStore, type ReactNode } from 'react';
import { ownName } from '../../providers/paths.js';
import { formatPercent, formatSize, formatSpeed } from '../../state/format.js';
import { fitToWidth, sanitizeForTerminal } from '../../state/sanitize.js';
import { describeInFlight, type JobView } from '../../transfers/index.js';
import { useTheme } from '../theme-context.js';
import type { Theme } from '../theme.js';
import { queueSummary } from './StatusLine.js';
import type { TransferQueue } from './transfer-operations.js';

/** A job in one line (raw: sanitised by the caller). */
export function jobLine(j: JobView): string {
  const path = j.source?.path ?? j.target?.path ?? '';
  // An empty own name (a B2 folder from `dir//`, the object `photos/`) shows the whole path.
  const name = ownName(path, j.isDir) || path;
  const to = j.target ? ` → ${j.target.provider === 'local' ? j.target.path : `b2:/${j.target.path}`}` : '';
  let progress = '';
  if (j.state === 'running' && j.size > 0) progress = ` ${formatPercent(j.bytesDone, j.size)} ${j.speed > 0 ? formatSpeed(j.speed) : ''}`;
  else if (j.state === 'done' && j.size > 0) progress = ` ${formatSize(j.size)}${j.verified === 'sha1' ? ' ✓sha1' : ''}`;
  const why = j.failure ? ` — ${j.failure.message}` : j.note ? ` — ${j.note}` : '';
  return `${j.state.padEnd(9)} ${j.kind.padEnd(11)} ${name}${to}${progress}${why}`;
}

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
  const snap = useSyncExternalStore(
    (l) => queue.store.subscribe(l),
    () => queue.store.getSnapshot(),
  );
  const inner = Math.max(1, width - 2);
  const listHeight = queueListHeight(height);
  const jobs = snap.jobs;
  const c = Math.min(cursor, Math.max(0, jobs.length - 1));
  const start = Math.max(0, Math.min(c - Math.floor(listHeight / 2), jobs.length - listHeight));
  const summary = queueSummary({ totals: snap.totals, paused: snap.paused, active: snap.active, questionsPending: snap.questionsPending }) ?? 'Nothing is running.';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" borderColor={theme.pane.activeBorder}>
      <Text bold color={theme.pane.header} wrap="truncate">
        {fitToWidth(`Transfer queue — ${summary}${snap.active ? ` · ${describeInFlight(snap.inFlight)}` : ''}`, inner)}
      </Text>
      <Text color={theme.muted} wrap="truncate">
        {fitToWidth('p pause · r resume · c/F8 cancel · R retry · x clear finished · t/Esc back', inner)}
      </Text>
      <Box flexDirection="column" height={listHeight}>
        {jobs.length === 0 ? <Text color={theme.muted}>{fitToWidth(' No transfers yet: F5 copies, F6 moves, F8 deletes.', inner)}</Text> : null}
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
