/**
 * `b`: the bookmarks list, read from the config when opened. Enter goes to the highlighted one in
 * the pane the list was opened from, F2/r renames it (./bookmark-name.ts), F8/d deletes it.
 */
import type { Bookmark, ConfigStore } from '../../config/index.js';
import type { PaneSide } from '../../state/app/app-state.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { errorText } from '../../error-text.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { openRenameBookmark } from './bookmark-name.js';
import { clampIndex, closeDialog, openDialog, replaceDialog, type DialogModule } from './dialog-module.js';
import { goToPlace } from './picker.js';

export interface BookmarksDialog {
  kind: 'bookmarks';
  side: PaneSide;
  bookmarks: readonly Bookmark[];
  cursor: number;
  error: string | null;
}

/** Where bookmarks are kept: the config (in memory with `--demo`), or null without one. */
export function bookmarkStore(d: ControllerDeps): ConfigStore | null {
  return d.accounts.config;
}

/** Opens the list for pane `side` (default: the active one), the cursor on `focus` when given. */
export function openBookmarksDialog(d: ControllerDeps, side?: PaneSide, focus: string | null = null): void {
  const store = bookmarkStore(d);
  if (store === null) return setStatus(d, 'Bookmarks need a config file; there is none here.', 'warning');
  let bookmarks: Bookmark[] = [];
  let error: string | null = null;
  try {
    bookmarks = store.listBookmarks();
  } catch (e) {
    error = errorText(e);
  }
  const cursor = Math.max(
    0,
    bookmarks.findIndex((b) => b.name === focus),
  );
  openDialog(d, { kind: 'bookmarks', side: side ?? snapshot(d).app.active, bookmarks, cursor, error });
}

function remove(d: ControllerDeps, dialog: BookmarksDialog, bookmark: Bookmark): void {
  const store = bookmarkStore(d);
  if (store === null) return;
  try {
    store.deleteBookmark(bookmark.name);
    const bookmarks = store.listBookmarks();
    replaceDialog(d, { ...dialog, bookmarks, cursor: clampIndex(dialog.cursor, bookmarks.length), error: null });
    setStatus(d, `Deleted the bookmark "${bookmark.name}".`, 'info');
  } catch (e) {
    replaceDialog(d, { ...dialog, error: errorText(e) });
  }
}

const MOVES: Partial<Record<CommandId, number>> = { cursorUp: -1, cursorDown: 1 };

export const bookmarksDialog: DialogModule<BookmarksDialog> = {
  keyContext: 'bookmarks',
  reduce: (d, a) =>
    a.type === 'moveChoice' ? { ...d, cursor: clampIndex(d.cursor + a.delta, d.bookmarks.length) } : d,
  /** Goes to the highlighted bookmark. */
  confirm(d, dialog) {
    const bookmark = dialog.bookmarks[dialog.cursor];
    closeDialog(d);
    if (bookmark !== undefined) goToPlace(d, dialog.side, bookmark.place);
  },
  /** Commands without a meaning here do nothing. */
  command(d, cmd, dialog) {
    const bookmark = dialog.bookmarks[dialog.cursor];
    const delta = MOVES[cmd];
    if (delta !== undefined) d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta } });
    else if (cmd === 'cancel') closeDialog(d);
    else if (cmd === 'confirm') bookmarksDialog.confirm(d, dialog);
    else if (bookmark === undefined) return;
    else if (cmd === 'rename') {
      closeDialog(d);
      openRenameBookmark(d, dialog.side, bookmark);
    } else if (cmd === 'delete') remove(d, dialog, bookmark);
  },
};
