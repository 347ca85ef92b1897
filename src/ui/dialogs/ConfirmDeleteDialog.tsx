/**
 * The typed confirmation of a delete that cannot be undone (src/tui/dialogs/confirm-delete.ts):
 * what goes, how many, where, and a field for the word.
 */
import type { ReactNode } from 'react';
import { formatLocation } from '../../state/location/pane-location.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { operationSentence } from '../../state/text/operation-text.js';
import { sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import type { IrreversibleDelete } from '../../tui/dialogs/confirm-delete.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine } from './DialogFrame.js';
import { FieldLine, fieldProblem } from './InputDialogs.js';
import { Wrapped } from './OperationDialogs.js';
import { exactTime } from '../../state/text/info-lines.js';

/** The title, what goes (with the count), and what that means. */
export function irreversibleText(what: IrreversibleDelete): {
  title: string;
  sentence: string;
  where: string | null;
  meaning: string;
} {
  switch (what.kind) {
    case 'version': {
      const v = what.version;
      return {
        title: 'Delete version: cannot be undone',
        sentence: `Delete the version of ${sanitizeName(v.name)} uploaded ${exactTime(v.uploadTimestamp ?? v.mtimeMs)} for good (file ID ${sanitizeForTerminal(v.fileId)}).`,
        where: null,
        meaning: 'Only this version goes; the others stay. Nothing can bring it back.',
      };
    }
    case 'entries': {
      const all = what.mode === 'all-versions';
      return {
        title: all ? 'Delete all versions: cannot be undone' : 'Delete this version: cannot be undone',
        sentence: `${operationSentence(all ? 'Delete every version of' : 'Delete the newest version of', what.targets, what.totals)}, for good.`,
        where: `in ${sanitizeForTerminal(formatLocation(what.at))}`,
        meaning: all
          ? `${what.totals.dirs > 0 ? `Every name in ${what.totals.dirs === 1 ? 'the folder' : 'the folders'}, at any depth, goes with all its versions. ` : ''}Nothing can bring them back.`
          : 'An older version, if there is one, shows again. The deleted versions cannot be brought back.',
      };
    }
    default: {
      const never: never = what;
      return never;
    }
  }
}

/** Delete this version / all versions (B2), and F8 on a version in the versions list. */
export function ConfirmDeleteDialog({ d }: { d: DialogOf<'confirmDelete'> }): ReactNode {
  const keymap = useKeymap();
  const theme = useTheme();
  const text = irreversibleText(d.what);
  return (
    <DialogFrame title={text.title} danger hint={hintLine(keymap, 'typeYes')}>
      <Wrapped text={text.sentence} bold />
      {text.where === null ? null : <Wrapped text={text.where} />}
      <Wrapped text={text.meaning} color={theme.status.warning} />
      {d.what.bypass === null ? null : (
        <Wrapped
          text={`This bypasses governance retention: ${sanitizeForTerminal(d.what.bypass)}, and this key may lift it.`}
          color={theme.status.warning}
        />
      )}
      <DialogLine text="" />
      <DialogLine text="To delete for good, type yes:" />
      <FieldLine d={d} />
      {fieldProblem(d, theme)}
    </DialogFrame>
  );
}
