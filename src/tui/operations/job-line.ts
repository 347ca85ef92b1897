/**
 * A transfer job in one line of the queue panel: state, kind, name, where it goes, progress or
 * why it failed. Pure; the panel (src/ui/app/QueuePanel.tsx) sanitises and colours it.
 */
import { ownName } from '../../providers/paths.js';
import { formatPercent, formatSize, formatSpeed } from '../../state/text/format.js';
import type { JobView } from '../../transfers/index.js';

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
