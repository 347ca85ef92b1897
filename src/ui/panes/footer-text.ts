/**
 * The pane footer: how many files and folders are shown and how big they are, what is selected,
 * what the filter hides, and "loading N…" while a listing streams in; in a place the key may
 * write to but not list, what the key may do there. Pure.
 */
import { formatCount, formatSize } from '../../state/text/format.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { FooterCounts } from '../../state/pane/pane-selectors.js';
import type { PaneCompare } from '../../state/sync/pane-compare.js';

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The footer line (unpadded; the caller fits it to the pane width). */
export function footerText(c: FooterCounts, filter: string, dirWord: 'folder' | 'bucket' = 'folder'): string {
  if (c.error !== null) return 'Listing failed (Ctrl+R retries)';
  if (c.unlisted !== null) return c.unlisted;
  const parts: string[] = [];
  if (c.selected.count > 0) {
    parts.push(`${formatCount(c.selected.count)} selected, ${formatSize(c.selected.bytes)}`);
  } else {
    const dirs =
      c.shown.dirs > 0 ? plural(c.shown.dirs, dirWord) : c.shown.files === 0 ? (c.loading === null ? 'empty' : '') : '';
    const files = c.shown.files > 0 ? `${plural(c.shown.files, 'file')}, ${formatSize(c.shown.bytes)}` : '';
    parts.push([dirs, files].filter((s) => s !== '').join(', '));
  }
  if (filter !== '') parts.push(`filter "${filter}"`);
  if (c.notShown > 0) parts.push(`+${formatCount(c.notShown)} ${filter === '' ? 'hidden' : 'not shown'}`);
  if (c.loading !== null) parts.push(`loading ${formatCount(c.loading)}…`);
  return parts.join(' · ');
}

const MARK_WORDS = { only: 'only here', newer: 'newer', older: 'older', different: 'different', same: 'same' } as const;

/** The footer while compare marks are shown (`c`): "3 only here · 2 newer · 1 different". */
export function compareFooterText(c: PaneCompare): string {
  const parts = (Object.keys(MARK_WORDS) as Array<keyof typeof MARK_WORDS>)
    .filter((m) => c.counts[m] > 0 && m !== 'same')
    .map((m) => `${formatCount(c.counts[m])} ${MARK_WORDS[m]}`);
  const same = c.counts.same > 0 ? `${formatCount(c.counts.same)} same` : '';
  return parts.length === 0
    ? `no differences${same === '' ? '' : ` · ${same}`}`
    : [...parts, same].filter(Boolean).join(' · ');
}

/** The footer during quick search: the typed text (sanitised) and whether any name matches. */
export function quickSearchText(q: { text: string; found: boolean }): string {
  return `Quick search: ${sanitizeForTerminal(q.text)}▌${q.found ? '' : '  (no name matches)'}`;
}
