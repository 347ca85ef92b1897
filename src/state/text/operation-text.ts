/**
 * The sentences dialogs use to say exactly what will happen to how many files and bytes.
 * Results are sanitised (names come from outside).
 */
import type { Entry } from '../model/entry.js';
import { formatCount, formatSize } from './format.js';
import type { EntryTotals } from '../pane/pane-selectors.js';
import { sanitizeName } from './sanitize.js';
import { NO_BREAK } from './wrap.js';

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** A size in brackets that a wrapped line never splits (`(2 B)`, not `(2` and `B)`). */
function bracketedSize(bytes: number): string {
  return `(${formatSize(bytes).replaceAll(' ', NO_BREAK)})`;
}

/**
 * "Copy 3 files (1.2 MiB) and 2 folders with everything in them", or for one entry
 * "Copy report.pdf (24.0 KiB)" / "Copy the folder docs with everything in it" / "Copy everything
 * in the bucket photos".
 * @param verb capitalised ("Copy", "Delete")
 */
export function operationSentence(verb: string, targets: readonly Entry[], totals: EntryTotals): string {
  const only = targets.length === 1 ? targets[0] : undefined;
  if (only !== undefined) {
    const name = sanitizeName(only.name);
    if (only.kind === 'bucket') return `${verb} everything in the bucket ${name}`;
    if (only.kind === 'dir') return `${verb} the folder ${name} with everything in it`;
    return `${verb} ${name} ${bracketedSize(only.size)}`;
  }
  const parts: string[] = [];
  if (totals.files > 0) parts.push(`${plural(totals.files, 'file')} ${bracketedSize(totals.bytes)}`);
  if (totals.dirs > 0)
    parts.push(`${plural(totals.dirs, 'folder')} with everything in ${totals.dirs === 1 ? 'it' : 'them'}`);
  return `${verb} ${parts.join(' and ')}`;
}

/** Lifetime in words: `1 hour`, `2 days`, `90 seconds`. */
export function lifetimeText(seconds: number): string {
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  if (seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}
