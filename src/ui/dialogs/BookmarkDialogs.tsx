/**
 * Bookmarks: the name prompt (`B`, and rename from the list) and the list (`b`), one line per
 * bookmark — its name and its place. Names and places are sanitised like everything else.
 */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { describeBookmarkPlace } from '../../state/location/bookmark-place.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine } from './DialogFrame.js';
import { FieldLine, fieldProblem } from './InputDialogs.js';
import { Wrapped } from './Wrapped.js';

/** `B`, or rename in the list. */
export function BookmarkNameDialog({ d }: { d: DialogOf<'bookmarkName'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const where = sanitizeForTerminal(describeBookmarkPlace(d.place));
  const save = d.purpose === 'save';
  return (
    <DialogFrame
      title={save ? 'Bookmark' : 'Rename bookmark'}
      hint={hintLine(keymap, save ? 'bookmarkSave' : 'bookmarkRename')}
    >
      <Wrapped text={save ? `Name for the bookmark of ${where}:` : `New name for the bookmark of ${where}:`} />
      <FieldLine d={d} />
      {fieldProblem(d, theme)}
    </DialogFrame>
  );
}

/** `b`: the bookmarks. */
export function BookmarksDialog({ d }: { d: DialogOf<'bookmarks'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const width = Math.max(0, ...d.bookmarks.map((b) => [...sanitizeForTerminal(b.name)].length));
  return (
    <DialogFrame title="Bookmarks" hint={hintLine(keymap, d.bookmarks.length === 0 ? 'bookmarksEmpty' : 'bookmarks')}>
      {d.error !== null ? <Wrapped text={sanitizeForTerminal(d.error)} color={theme.status.error} /> : null}
      {d.bookmarks.length === 0 ? <DialogLine text={hintLine(keymap, 'bookmarksNone')} /> : null}
      {d.bookmarks.map((b, i) => (
        <DialogLine
          key={b.name}
          text={`${i === d.cursor ? '>' : ' '} ${sanitizeForTerminal(b.name).padEnd(width)}  ${sanitizeForTerminal(describeBookmarkPlace(b.place))}`}
          focus={i === d.cursor}
          bold={i === d.cursor}
          color={i === d.cursor ? theme.dialog.title : undefined}
        />
      ))}
    </DialogFrame>
  );
}
