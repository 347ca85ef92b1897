/**
 * A transfer job in one line of the queue panel: state, kind, name, where it goes, progress or
 * why it failed. Pure; the panel (src/ui/app/QueuePanel.tsx) sanitises and colours it.
 */
import { ownName } from '../../providers/paths.js';
import { formatPercent, formatSize, formatSpeed } from '../../state/text/format.js';
import { placeText, type JobView } from '../../transfers/index.js';

/** The parent folder of a provider path (`/b/docs/a.txt` → `/b/docs`). */
function parentOf(path: string): string {
  return path.slice(0, path.replace(/\/$/, '').lastIndexOf('/'));
}

/** The engine's kinds in the user's words: every way a file is copied reads `copy`. */
const KIND_WORDS: Readonly<Record<JobView['kind'], string>> = {
  upload: 'upload',
  download: 'download',
  'server-copy': 'copy',
  'local-copy': 'copy',
  'stream-copy': 'copy',
  scan: 'list',
  mkdir: 'mkdir',
  delete: 'delete',
  rmdir: 'rmdir',
};

/**
 * What the job does, in the user's words: a delete that only hides reads `hide`; a move within one
 * folder (F2) reads `rename`, any other move `move` (a B2 move is a copy and a removal, but the
 * user asked for a move); a scan of one selected file, which only looks it up, reads `look up`;
 * otherwise the kind in plain words (`upload`, `download`, `copy`, `list`, …).
 */
export function jobVerb(j: JobView): string {
  if (j.kind === 'delete' && j.removeMode === 'hide') return 'hide';
  if (j.kind === 'scan') return j.isDir ? 'list' : 'look up';
  const { source, target } = j;
  if (
    j.operation === 'move' &&
    source !== null &&
    target !== null &&
    j.kind !== 'delete' &&
    j.kind !== 'mkdir' &&
    j.kind !== 'rmdir'
  ) {
    const sameFolder = source.provider === target.provider && parentOf(source.path) === parentOf(target.path);
    return sameFolder ? 'rename' : 'move';
  }
  return KIND_WORDS[j.kind];
}

/**
 * The jobs the queue panel lists: all but the finished look-ups of single selected files (their
 * file has a row of its own; a failed look-up stays, so nothing is hidden that went wrong).
 */
export function shownJobs(jobs: readonly JobView[]): readonly JobView[] {
  return jobs.filter((j) => !(j.kind === 'scan' && !j.isDir && j.state === 'done'));
}

/** A job in one line (raw: sanitised by the caller). */
export function jobLine(j: JobView): string {
  const path = j.source?.path ?? j.target?.path ?? '';
  // An empty own name (a B2 folder from `dir//`, the object `photos/`) shows the whole path.
  const name = ownName(path, j.isDir) || path;
  const to = j.target ? ` → ${placeText(j.target) ?? ''}` : '';
  let progress = '';
  if (j.state === 'running' && j.size > 0)
    progress = ` ${formatPercent(j.bytesDone, j.size)} ${j.speed > 0 ? formatSpeed(j.speed) : ''}`;
  else if (j.state === 'done' && j.size > 0)
    progress = ` ${formatSize(j.size)}${j.verified === 'sha1' ? ' ✓sha1' : ''}`;
  const why = j.failure ? ` — ${j.failure.message}` : j.note ? ` — ${j.note}` : '';
  return `${j.state.padEnd(9)} ${jobVerb(j).padEnd(11)} ${name}${to}${progress}${why}`;
}
