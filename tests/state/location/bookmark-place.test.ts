/** The name offered for a bookmark and how a place is shown (pure). */
import { describe, expect, it } from 'vitest';
import { defaultBookmarkName, describeBookmarkPlace } from '../../../src/state/location/bookmark-place.js';
import { b2PaneLocation, localPaneLocation } from '../../../src/state/location/pane-location.js';
import { bookmarksDialog, type BookmarksDialog } from '../../../src/tui/dialogs/bookmarks.js';

describe('bookmark places', () => {
  it('offers the last folder, the bucket, or the profile', () => {
    expect(defaultBookmarkName(localPaneLocation('/home/me/docs'))).toBe('docs');
    expect(defaultBookmarkName(localPaneLocation('/'))).toBe('/');
    expect(defaultBookmarkName(b2PaneLocation('work', 'photos', '2024/summer/'))).toBe('summer');
    expect(defaultBookmarkName(b2PaneLocation('work', 'photos'))).toBe('photos');
    expect(defaultBookmarkName(b2PaneLocation('work', null))).toBe('work');
  });

  it('shows a B2 place with its profile', () => {
    expect(describeBookmarkPlace(b2PaneLocation('work', 'photos', '2024/'))).toBe('b2://photos/2024/ (work)');
    expect(describeBookmarkPlace(localPaneLocation('/tmp'))).toBe('/tmp');
  });

  it('the list cursor stays inside the list', () => {
    const d: BookmarksDialog = {
      kind: 'bookmarks',
      side: 'left',
      bookmarks: [
        { name: 'a', place: localPaneLocation('/a') },
        { name: 'b', place: localPaneLocation('/b') },
      ],
      cursor: 0,
      error: null,
    };
    const reduce = (x: BookmarksDialog, a: { type: 'moveChoice'; delta: number }): BookmarksDialog =>
      bookmarksDialog.reduce?.(x, a) ?? x;
    expect(reduce(d, { type: 'moveChoice', delta: -1 }).cursor).toBe(0);
    expect(reduce(reduce(d, { type: 'moveChoice', delta: 5 }), { type: 'moveChoice', delta: 1 }).cursor).toBe(1);
  });
});
