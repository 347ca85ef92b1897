/**
 * Postponed conflicts (src/tui/dialogs/conflict-list.ts): every file of the copy that exists at
 * the destination, with what each got so far and ▸ on the one being asked about, then its two
 * sides and the answers (once, or for all that remain).
 */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { formatDate, formatSize } from '../../state/text/format.js';
import { fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import { conflictOptionLabel } from '../../tui/dialogs/conflict.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import type { ConflictQuestion } from '../../transfers/index.js';
import { useKeymap } from '../keymap-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

function sideText(label: string, s: ConflictQuestion['source'], now: number): string {
  return `${label} ${formatSize(s.size)}, ${formatDate(s.mtimeMs, now) || 'date unknown'}`;
}

export function ConflictListDialog({ d }: { d: DialogOf<'conflictList'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const width = innerWidth(columns);
  const now = Date.now();
  const q = d.questions[d.current];
  const waiting = d.answers.filter((a) => a === null).length;
  return (
    <DialogFrame title={`Files that already exist (${d.questions.length})`} hint={hintLine(keymap, 'conflictList')}>
      <Wrapped text={`Everything else is done. ${waiting} of ${d.questions.length} still to answer:`} />
      {d.questions.map((x, i) => (
        <DialogLine
          key={`f${i}`}
          text={fitToWidth(
            `${i === d.current ? '▸' : ' '} ${sanitizeForTerminal(x.target.location.path)}${d.answers[i] === null ? '' : `  → ${d.answers[i] ?? ''}`}`,
            width,
          )}
          bold={i === d.current}
          color={i === d.current ? theme.dialog.title : d.answers[i] === null ? undefined : theme.muted}
        />
      ))}
      <DialogLine text="" />
      {q === undefined ? null : (
        <DialogLine text={fitToWidth(`▸ ${sanitizeForTerminal(q.target.location.path)}`, width)} bold />
      )}
      {q === undefined ? null : <DialogLine text={fitToWidth(sideText('Existing:', q.target, now), width)} />}
      {q === undefined ? null : <DialogLine text={fitToWidth(sideText('New:     ', q.source, now), width)} />}
      <DialogLine text="" />
      {d.options.map((o, i) => (
        <DialogLine
          key={`o${i}`}
          text={`${i === d.choice ? '(•)' : '( )'} ${conflictOptionLabel(o)}`}
          bold={i === d.choice}
          color={i === d.choice ? theme.dialog.title : undefined}
          focus={i === d.choice}
        />
      ))}
    </DialogFrame>
  );
}
