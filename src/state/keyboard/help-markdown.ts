/**
 * The help screen as Markdown tables, for the README ("Using the file manager"); a test keeps the
 * README's copy equal to this, so the documented keys are the keys the keymap binds.
 */
import type { Keymap } from './keymap.js';
import { helpSections } from './keymap-views.js';

function cell(s: string): string {
  return s.replace(/[|*]/g, '\\$&');
}

/** One `#### Title` and a two-column table per help section. */
export function helpMarkdown(keymap: Keymap): string {
  return helpSections(keymap)
    .map((s) =>
      [
        `#### ${s.title}`,
        '',
        '| keys | does |',
        '|---|---|',
        ...s.rows.map((r) => `| ${cell(r.keys)} | ${cell(r.description)} |`),
      ].join('\n'),
    )
    .join('\n\n');
}
