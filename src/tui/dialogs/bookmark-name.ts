/**
 * The bookmark name prompt: `B` saves the active pane's place under a name (offered: the last
 * path segment or the bucket), and rename from the bookmarks list (./bookmarks.ts) asks for the
 * new name. Problems (empty, control characters, a name taken) stay in the dialog.
 */
import type { Bookmark } from '../../config/index.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import { defaultBookmarkName } from '../../state/location/bookmark-place.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { errorText } from '../../error-text.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { closeDialog, openDialog, reduceField, type DialogModule } from './dialog-module.js';
import { bookmarkStore, openBookmarksDialog } from './bookmarks.js';

export interface BookmarkNameDialog {
  kind: 'bookmarkName';
  /** `save`: bookmark `place`; `rename`: give bookmark `from` a new name. */
  purpose: 'save' | 'rename';
  side: PaneSide;
  place: PaneLocation;
  from: string | null;
  field: LineState;
  error: string | null;
}

/** `B`: asks for the name to bookmark the active pane's place under. */
export function openSaveBookmark(d: ControllerDeps): void {
  if (bookmarkStore(d) === null) return setStatus(d, 'Bookmarks need a config file; there is none here.', 'warning');
  const s = snapshot(d).app;
  const place = activePane(s).location;
  openDialog(d, {
    kind: 'bookmarkName',
    purpose: 'save',
    side: s.active,
    place,
    from: null,
    field: lineOf(defaultBookmarkName(place)),
    error: null,
  });
}

/** Asks for a new name for `bookmark` (from the bookmarks list of pane `side`). */
export function openRenameBookmark(d: ControllerDeps, side: PaneSide, bookmark: Bookmark): void {
  openDialog(d, {
    kind: 'bookmarkName',
    purpose: 'rename',
    side,
    place: bookmark.place,
    from: bookmark.name,
    field: lineOf(bookmark.name),
    error: null,
  });
}

export const bookmarkNameDialog: DialogModule<BookmarkNameDialog> = {
  textField: true,
  reduce: reduceField,
  /** Saves or renames; a refused name stays in the dialog with the reason. */
  confirm(d, dialog) {
    const store = bookmarkStore(d);
    if (store === null) return closeDialog(d);
    const name = dialog.field.text.trim();
    try {
      if (dialog.purpose === 'save') {
        const outcome = store.saveBookmark({ name, place: dialog.place });
        closeDialog(d);
        setStatus(d, `${outcome === 'added' ? 'Bookmarked' : 'Moved the bookmark'} "${name}" (b lists them).`, 'info');
      } else {
        store.renameBookmark(dialog.from ?? name, name);
        closeDialog(d);
        openBookmarksDialog(d, dialog.side, name);
        setStatus(d, `Renamed the bookmark "${dialog.from ?? name}" to "${name}".`, 'info');
      }
    } catch (error) {
      d.store.dispatch({ type: 'dialog', action: { type: 'setError', message: errorText(error) } });
    }
  },
  /** Esc from a rename goes back to the list. */
  cancel(d, dialog) {
    closeDialog(d);
    if (dialog.purpose === 'rename') openBookmarksDialog(d, dialog.side, dialog.from);
  },
};
