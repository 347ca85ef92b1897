/**
 * The transfer history (`h` in the queue panel): one line per finished job, newest first — when,
 * what, how much, the result — and under the list the highlighted entry's source → target and
 * reason in full. Names are sanitised like everything else.
 */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { formatSize } from '../../state/text/format.js';
import { displayWidth, sanitizeForTerminal, truncateToWidth } from '../../state/text/sanitize.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import type { HistoryEntry } from '../../transfers/index.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

/** `2026-12-03 17:40:12` in UTC (the history may span days). */
function when(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** One entry in `width` columns; a path too long loses folders first, so its file name shows. */
function lineOf(e: HistoryEntry, width: number): string {
  const what = sanitizeForTerminal(e.source ?? e.target ?? '');
  const head = `${when(e.at)} ${e.result.padEnd(9)} ${e.kind.padEnd(11)} ${formatSize(e.bytes).padStart(9)}  `;
  return head + truncateToWidth(what, width - displayWidth(head), { position: 'path' });
}

function detailOf(e: HistoryEntry): string {
  const route = e.target === null ? (e.source ?? '') : `${e.source ?? ''} → ${e.target}`;
  const reason = e.reason === null ? '' : ` — ${e.reason}`;
  return sanitizeForTerminal(`${e.operation}: ${route}${reason}`);
}

export function HistoryDialog({ d }: { d: DialogOf<'history'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const entries = d.entries;
  const current = entries?.[d.choice];
  return (
    <DialogFrame title="Transfer history (UTC)" hint={hintLine(keymap, 'history')}>
      {entries === null ? <DialogLine text="Reading the history…" /> : null}
      {d.error !== null ? <Wrapped text={sanitizeForTerminal(d.error)} color={theme.status.error} /> : null}
      {entries !== null && entries.length === 0 ? <DialogLine text="Nothing has been transferred yet." /> : null}
      {(entries ?? []).map((e, i) => (
        <DialogLine
          key={i}
          text={lineOf(e, innerWidth(columns))}
          focus={i === d.choice}
          bold={i === d.choice}
          color={e.result === 'failed' ? theme.status.error : i === d.choice ? theme.dialog.title : undefined}
        />
      ))}
      {current === undefined ? null : <DialogLine text="" />}
      {current === undefined ? null : <Wrapped text={detailOf(current)} />}
    </DialogFrame>
  );
}
