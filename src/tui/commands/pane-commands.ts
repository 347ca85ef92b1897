/**
 * Commands while the panes have the keyboard (ARCHITECTURE.md, "Keypress flow", step 3): first the
 * permission rules (a refused command only puts the reason in the status line), then reducer
 * actions, the navigator or a dialog.
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { activePane, otherSide } from '../../state/app/app-state.js';
import { childLocation, isRootLocation } from '../../state/location/pane-location.js';
import { cursorEntry, cursorOnParent } from '../../state/pane/pane-selectors.js';
import { isDirLike } from '../../state/pane/pane-state.js';
import type { Entry } from '../../state/model/entry.js';
import { sanitizeName } from '../../state/text/sanitize.js';
import { CURSOR_MOVES } from '../../state/pane/pane-cursor.js';
import { paneCommandAction, paneDecisions } from './command-permissions.js';
import { paneDo, paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { openOperationDialog } from './open-dialogs.js';
import { clearCompare, toggleCompare } from './compare-panes.js';
import { requestQuit } from '../dialogs/confirm-quit.js';
import { openViewer } from '../viewer/open-viewer.js';
import { openEditor } from '../edit/open-editor.js';
import { copyLocation } from '../clipboard/copy-location.js';
import { openSubshell, suspendToShell } from './shell-commands.js';
import { openBucketTypeDialog } from '../dialogs/bucket-admin.js';

const NAVIGATION: ReadonlySet<CommandId> = new Set(['open', 'parent', 'switchPane']);

/** The permission reason that refuses `cmd` in the active pane's folder, or null. */
export function paneRefusal(d: ControllerDeps, cmd: CommandId): string | null {
  if (paneCommandAction(cmd) === null) return null;
  const s = snapshot(d).app;
  const decision = paneDecisions(paneKey(d, s.active), paneKey(d, otherSide(s.active)), d.now()).get(cmd);
  return decision === undefined || decision.allowed ? null : (decision.reason ?? 'Not allowed here.');
}

function open(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const side = s.active;
  const pane = activePane(s);
  if (cursorOnParent(pane)) {
    void d.navigator.parent(side);
    return;
  }
  const e = cursorEntry(pane);
  if (e === null) return;
  if (e.kind === 'file') {
    setStatus(d, `${sanitizeName(e.name)} is a file: F3 views it, i shows its details, F5 copies it.`, 'info');
    return;
  }
  void d.navigator.open(side, childLocation(pane.location, e.name));
}

/**
 * Esc in the panes: stop a listing (or search) that is loading, else a count of folder sizes,
 * else clear the compare marks, else the filter, else the selection, else leave search results
 * for the folder searched.
 */
function clearOrEscape(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  if (pane.load.stage === 'loading' && d.navigator.cancel(s.active)) return;
  if (d.sizer.cancel()) return;
  if (pane.compare !== null || s.panes[otherSide(s.active)].compare !== null) clearCompare(d);
  else if (pane.filter !== '') paneDo(d, { type: 'setFilter', filter: '' });
  else if (pane.selection.size > 0) paneDo(d, { type: 'clearSelection' });
  else if (pane.found !== null) void d.navigator.leaveFound(s.active);
}

/** Ctrl+Space: the folder or bucket under the cursor; z / Alt+z: every folder of the pane. */
function countSizes(d: ControllerDeps, cmd: 'folderSize' | 'folderSizes' | 'folderSizesVersions'): void {
  const pane = activePane(snapshot(d).app);
  if (pane.found !== null)
    return setStatus(d, 'Search results hold files only: Esc goes back to the folder.', 'warning');
  const folders = cmd === 'folderSize' ? [cursorEntry(pane)] : pane.view;
  const dirs = folders.filter((e): e is Entry => e !== null && isDirLike(e));
  if (dirs.length === 0)
    return setStatus(
      d,
      cmd === 'folderSize' ? 'Put the cursor on a folder or bucket to count it.' : 'No folders here to count.',
      'warning',
    );
  void d.sizer.count(pane.location, dirs, cmd === 'folderSizesVersions');
}

function toggleHidden(d: ControllerDeps): void {
  const s = snapshot(d).app;
  paneDo(d, { type: 'toggleHidden' });
  const loc = activePane(s).location;
  const shown = activePane(snapshot(d).app).showHidden;
  setStatus(d, shown ? 'Showing dotfiles and hidden B2 files.' : 'Dotfiles and hidden B2 files are not shown.', 'info');
  // B2 lists hidden names only when asked (b2_list_file_versions), so the listing must be redone.
  if (loc.kind === 'b2' && loc.bucket !== null) void d.navigator.refresh(s.active);
}

/** I, K, P: the accounts screens for the active pane's profile. */
function openAccountScreen(d: ControllerDeps, cmd: 'keyInspector' | 'profiles' | 'keys'): void {
  const s = snapshot(d).app;
  const loc = activePane(s).location;
  const profile = loc.kind === 'b2' ? loc.profile : null;
  if (cmd === 'profiles') {
    if (d.accounts.config === null)
      return setStatus(d, 'Profiles are kept in the config file, and this session has none.', 'warning');
    d.store.dispatch({ type: 'openDialog', dialog: { kind: 'screen', screen: 'profiles', side: s.active, profile } });
    return;
  }
  const what = cmd === 'keyInspector' ? 'I shows what a key may do' : 'K manages the keys of an account';
  if (profile === null)
    return setStatus(d, `The local disk has no application key: ${what} from a B2 pane.`, 'warning');
  const key = paneKey(d, s.active);
  // A key B2 refused to sign in with still gets its screen, which says why (issue 9).
  if (key.key === null && d.registry.failure(profile) === null)
    return setStatus(d, key.pendingReason ?? 'Not connected yet.', 'warning');
  d.store.dispatch({ type: 'openDialog', dialog: { kind: 'screen', screen: cmd, side: s.active, profile } });
}

/** Runs `cmd` for the panes. Commands of other contexts do nothing here. */
export function runPaneCommand(d: ControllerDeps, cmd: CommandId): void {
  const refusal = paneRefusal(d, cmd);
  if (refusal !== null) {
    setStatus(d, refusal, 'error');
    return;
  }
  const s = snapshot(d).app;
  const pane = activePane(s);
  const height = pane.viewportHeight;
  const move = CURSOR_MOVES[cmd];
  // Moving on clears the last message (the status line then shows the queue's progress again).
  if (s.status !== null && (move !== undefined || NAVIGATION.has(cmd)))
    d.store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
  if (move !== undefined) {
    paneDo(d, { type: 'moveCursor', move, height });
    return;
  }
  switch (cmd) {
    case 'open':
      return open(d);
    case 'parent':
      if (!isRootLocation(pane.location)) void d.navigator.parent(s.active);
      return;
    case 'switchPane':
      d.store.dispatch({ type: 'app', action: { type: 'switchPane' } });
      return;
    case 'toggleSelect':
      paneDo(d, { type: 'toggleSelect', height });
      return;
    case 'invertSelection':
      paneDo(d, { type: 'invertSelection' });
      return;
    case 'filter':
      d.store.dispatch({ type: 'app', action: { type: 'startFilter' } });
      return;
    case 'quickSearch':
      // The status line shows quick search's keys meanwhile (the text is in the pane's footer).
      d.store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
      d.store.dispatch({ type: 'app', action: { type: 'startQuickSearch' } });
      return;
    case 'cancel':
      return clearOrEscape(d);
    case 'sortCycle':
      paneDo(d, { type: 'cycleSort' });
      return;
    case 'sortReverse':
      paneDo(d, { type: 'reverseSort' });
      return;
    case 'sortNatural':
      paneDo(d, { type: 'toggleNatural' });
      setStatus(
        d,
        activePane(snapshot(d).app).sort.natural === true
          ? 'Natural name order: f2 before f10.'
          : 'Plain name order: f10 before f2.',
        'info',
      );
      return;
    case 'toggleHidden':
      return toggleHidden(d);
    case 'refresh':
      void d.navigator.refresh(s.active);
      return;
    case 'help':
      d.store.dispatch({ type: 'app', action: { type: 'openHelp' } });
      return;
    case 'toggleQueue':
      d.store.dispatch({ type: 'app', action: { type: 'toggleQueueFocus' } });
      return;
    case 'quit':
      return requestQuit(d);
    case 'locationPicker':
    case 'bookmarkSave':
    case 'bookmarks':
    case 'selectByMask':
    case 'unselectByMask':
    case 'versions':
    case 'info':
    case 'copy':
    case 'move':
    case 'rename':
    case 'mkdir':
    case 'delete':
    case 'unhide':
    case 'shareLink':
    case 'sync':
      return openOperationDialog(d, cmd);
    case 'compare':
      return toggleCompare(d);
    case 'find':
      return openOperationDialog(d, cmd);
    case 'folderSize':
    case 'folderSizes':
    case 'folderSizesVersions':
      return countSizes(d, cmd);
    case 'keyInspector':
    case 'profiles':
    case 'keys':
      return openAccountScreen(d, cmd);
    case 'bucketType':
      return openBucketTypeDialog(d);
    case 'view':
      void openViewer(d);
      return;
    case 'edit':
      void openEditor(d);
      return;
    case 'copyLocation':
      return copyLocation(d);
    case 'suspend':
      void suspendToShell(d);
      return;
    case 'subshell':
      void openSubshell(d);
      return;
    case 'viewWrap':
    case 'viewHex':
    case 'viewSearch':
    case 'viewSearchBack':
    case 'viewSearchNext':
    case 'viewSearchPrev':
    case 'viewGoto':
    case 'viewLeft':
    case 'viewRight':
    case 'cursorUp':
    case 'cursorDown':
    case 'cursorPageUp':
    case 'cursorPageDown':
    case 'cursorHome':
    case 'cursorEnd':
    case 'quickSearchNext':
    case 'queuePause':
    case 'queueResume':
    case 'queueCancel':
    case 'queueRetry':
    case 'queueClearFinished':
    case 'queueHistory':
    case 'confirm':
    case 'nextField':
    case 'prevField':
    case 'complete':
    case 'yes':
    case 'no':
    case 'add':
    case 'makeDefault':
    case 'saveProfile':
    case 'syncCompareMode':
    case 'syncRemoval':
    case 'syncDryRun':
      return;
    default: {
      const never: never = cmd;
      return never;
    }
  }
}
