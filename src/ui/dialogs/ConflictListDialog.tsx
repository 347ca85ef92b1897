/**
 * Postponed conflicts (src/tui/dialogs/conflict-list.ts): every file of the copy that exists at
 * the destination, with what each got so far and ▸ on the one being asked about, then its two
 * sides and the answers (once, or for all that remain).
 */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { DIALOG_CHROME, dialogRoom } from '../../state/layout/dialog-geometry.js';
import { listWindow } from '../../state/layout/list-window.js';
import { fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import { conflictOptionLabel, conflictPlace, conflictSideText } from '../../tui/dialogs/conflict.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { useKeymap } from '../keymap-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

/**
 * Rows the list of files may take: what the dialog's room leaves after its other lines (the
 * sentence above, the file asked about with its two sides, the answers), at least 3, so the
 * answers never scroll the file being asked about out of view.
 */
function listRows(rows: number, options: number): number {
  return Math.max(3, dialogRoom(rows) - DIALOG_CHROME - 4 - options);
}

export function ConflictListDialog({ d }: { d: DialogOf<'conflictList'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns, rows } = useTerminalSize();
  const width = innerWidth(columns);
  const now = Date.now();
  const q = d.questions[d.current];
  const waiting = d.answers.filter((a) => a === null).length;
  const shown = listWindow(d.questions.length, d.current, listRows(rows, d.options.length));
  return (
    <DialogFrame title={`Files that already exist (${d.questions.length})`} hint={hintLine(keymap, 'conflictList')}>
      <Wrapped text={`Everything else is done. ${waiting} of ${d.questions.length} still to answer:`} />
      {shown.above > 0 ? <DialogLine text={`  ↑ ${shown.above} more`} color={theme.muted} /> : null}
      {d.questions.slice(shown.start, shown.end).map((x, k) => {
        const i = shown.start + k;
        return (
          <DialogLine
            key={`f${i}`}
            text={fitToWidth(
              `${i === d.current ? '▸' : ' '} ${sanitizeForTerminal(conflictPlace(x))}${d.answers[i] === null ? '' : `  → ${d.answers[i] ?? ''}`}`,
              width,
            )}
            bold={i === d.current}
            color={i === d.current ? theme.dialog.title : d.answers[i] === null ? undefined : theme.muted}
          />
        );
      })}
      {shown.below > 0 ? <DialogLine text={`  ↓ ${shown.below} more`} color={theme.muted} /> : null}
      <DialogLine text="" />
      {q === undefined ? null : (
        <DialogLine text={fitToWidth(`▸ ${sanitizeForTerminal(conflictPlace(q))}`, width)} bold />
      )}
      {q === undefined ? null : <DialogLine text={fitToWidth(conflictSideText('Existing:', q.target, now), width)} />}
      {q === undefined ? null : <DialogLine text={fitToWidth(conflictSideText('New:     ', q.source, now), width)} />}
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
