/**
 * Command ids and their user-facing data (ARCHITECTURE.md, "Keypress flow", step 3).
 * A key press becomes a command id through the keymap (./keymap.ts); the dispatcher turns a command
 * id into reducer actions or effects. Pure data: no I/O.
 */

/** Where a command appears in the help screen. */
export type CommandGroup = 'navigate' | 'select' | 'view' | 'files' | 'app' | 'queue' | 'dialog' | 'accounts';

/** Help-screen headings, in display order. */
export const COMMAND_GROUPS: readonly { id: CommandGroup; title: string }[] = [
  { id: 'navigate', title: 'Navigate' },
  { id: 'select', title: 'Select' },
  { id: 'view', title: 'View' },
  { id: 'files', title: 'Files' },
  { id: 'queue', title: 'Transfer queue' },
  { id: 'dialog', title: 'Dialogs' },
  { id: 'accounts', title: 'Accounts' },
  { id: 'app', title: 'Application' },
];

/**
 * One command. `label` is short (≤ 7 columns: it fits a function-key bar slot at 80 columns);
 * `description` is a sentence fragment for the help screen.
 */
export interface CommandInfo {
  id: CommandId;
  label: string;
  description: string;
  group: CommandGroup;
}

/** Every command id, in help-screen order within each group. */
export const COMMAND_IDS = [
  'cursorUp',
  'cursorDown',
  'cursorPageUp',
  'cursorPageDown',
  'cursorHome',
  'cursorEnd',
  'open',
  'parent',
  'switchPane',
  'locationPicker',
  'bookmarkSave',
  'bookmarks',
  'toggleSelect',
  'selectByMask',
  'unselectByMask',
  'invertSelection',
  'filter',
  'quickSearch',
  'quickSearchNext',
  'sortCycle',
  'sortReverse',
  'sortNatural',
  'toggleHidden',
  'versions',
  'view',
  'info',
  'refresh',
  'find',
  'folderSize',
  'folderSizes',
  'folderSizesVersions',
  'copy',
  'move',
  'rename',
  'mkdir',
  'delete',
  'unhide',
  'shareLink',
  'compare',
  'sync',
  'syncCompareMode',
  'syncRemoval',
  'syncDryRun',
  'edit',
  'copyLocation',
  'viewWrap',
  'viewHex',
  'viewSearch',
  'viewSearchBack',
  'viewSearchNext',
  'viewSearchPrev',
  'viewGoto',
  'viewLeft',
  'viewRight',
  'bucketType',
  'toggleQueue',
  'queuePause',
  'queueResume',
  'queueCancel',
  'queueRetry',
  'queueClearFinished',
  'queueHistory',
  'confirm',
  'cancel',
  'nextField',
  'prevField',
  'complete',
  'yes',
  'no',
  'add',
  'makeDefault',
  'saveProfile',
  'help',
  'keyInspector',
  'profiles',
  'keys',
  'suspend',
  'subshell',
  'quit',
] as const;

/** A command id: the only currency between the keymap, the dispatcher and the permission rules. */
export type CommandId = (typeof COMMAND_IDS)[number];

type CommandRow = Omit<CommandInfo, 'id'>;

const ROWS: Record<CommandId, CommandRow> = {
  cursorUp: { label: 'Up', description: 'Move the cursor up', group: 'navigate' },
  cursorDown: { label: 'Down', description: 'Move the cursor down', group: 'navigate' },
  cursorPageUp: { label: 'PgUp', description: 'Move the cursor up one page', group: 'navigate' },
  cursorPageDown: { label: 'PgDn', description: 'Move the cursor down one page', group: 'navigate' },
  cursorHome: { label: 'Top', description: 'Go to the first row', group: 'navigate' },
  cursorEnd: { label: 'Bottom', description: 'Go to the last row', group: 'navigate' },
  open: { label: 'Open', description: 'Open the directory or bucket under the cursor', group: 'navigate' },
  parent: { label: 'Parent', description: 'Go to the parent directory', group: 'navigate' },
  switchPane: { label: 'Switch', description: 'Switch to the other pane', group: 'navigate' },
  locationPicker: {
    label: 'Go',
    description: 'Choose a location: local path or profile, bucket, prefix',
    group: 'navigate',
  },
  bookmarkSave: { label: 'Mark', description: 'Bookmark the place of the pane under a name', group: 'navigate' },
  bookmarks: {
    label: 'Marks',
    description: 'Bookmarks: jump to one, rename or delete them',
    group: 'navigate',
  },
  toggleSelect: { label: 'Select', description: 'Select or unselect the row and move down', group: 'select' },
  selectByMask: { label: 'Select+', description: 'Select files matching a mask (*.jpg)', group: 'select' },
  unselectByMask: { label: 'Select-', description: 'Unselect files matching a mask', group: 'select' },
  invertSelection: { label: 'Invert', description: 'Invert the selection of files', group: 'select' },
  filter: { label: 'Filter', description: 'Show only names containing some text', group: 'view' },
  quickSearch: {
    label: 'Search',
    description: 'Quick search: type to jump to a name',
    group: 'navigate',
  },
  quickSearchNext: { label: 'Next', description: 'Next name that matches', group: 'navigate' },
  sortCycle: { label: 'Sort', description: 'Sort by name, size, date (cycles)', group: 'view' },
  sortReverse: { label: 'Reverse', description: 'Reverse the sort order', group: 'view' },
  sortNatural: {
    label: 'Natural',
    description: 'Natural name order on or off (f2 before f10)',
    group: 'view',
  },
  toggleHidden: { label: 'Hidden', description: 'Show or hide dotfiles and B2 hidden files', group: 'view' },
  versions: { label: 'Vers', description: 'Show the versions of the file under the cursor', group: 'view' },
  view: {
    label: 'View',
    description: 'View the file under the cursor (text or hex, read as you scroll)',
    group: 'view',
  },
  info: { label: 'Info', description: 'Size, dates, SHA1, content type, file info, file ID', group: 'view' },
  refresh: { label: 'Reload', description: 'Reload the listing', group: 'view' },
  find: {
    label: 'Find',
    description: 'Find files below this folder by name, size and date (results in the pane)',
    group: 'navigate',
  },
  folderSize: {
    label: 'Size',
    description: 'Count the files and bytes of the folder or bucket under the cursor',
    group: 'view',
  },
  folderSizes: {
    label: 'Sizes',
    description: 'Count the files and bytes of every folder in the pane (s then sorts by them)',
    group: 'view',
  },
  folderSizesVersions: {
    label: 'Sizes+',
    description: 'Count every folder in the pane with hidden and old versions (billed bytes)',
    group: 'view',
  },
  copy: { label: 'Copy', description: 'Copy to the other pane', group: 'files' },
  move: { label: 'Move', description: 'Move to the other pane', group: 'files' },
  rename: { label: 'Rename', description: 'Rename in place', group: 'files' },
  mkdir: { label: 'Mkdir', description: 'Make a directory', group: 'files' },
  delete: { label: 'Delete', description: 'Delete (on B2: hide, delete a version, or all versions)', group: 'files' },
  unhide: { label: 'Unhide', description: 'Unhide a hidden B2 file', group: 'files' },
  shareLink: { label: 'Share', description: 'Make a time-limited download link', group: 'files' },
  compare: {
    label: 'Compare',
    description: 'Compare the two panes: mark what is only here, newer, older, different or the same (again: clear)',
    group: 'view',
  },
  sync: {
    label: 'Sync',
    description: 'Make the other pane like this one: shows what is copied, replaced and removed first',
    group: 'files',
  },
  syncCompareMode: { label: 'By', description: 'Compare by modification time, size or SHA1 (cycles)', group: 'dialog' },
  syncRemoval: {
    label: 'Remove',
    description: 'What happens to files only the other pane has: keep, hide (B2) or delete (cycles)',
    group: 'dialog',
  },
  syncDryRun: { label: 'DryRun', description: 'Dry run on or off: show the result, change nothing', group: 'dialog' },
  edit: {
    label: 'Edit',
    description: 'Edit the file in $VISUAL or $EDITOR (B2: upload the change as a new version)',
    group: 'files',
  },
  copyLocation: {
    label: 'CopyURL',
    description: 'Copy the b2:// URL or local path to the clipboard (OSC 52) and show it',
    group: 'files',
  },
  viewWrap: { label: 'Wrap', description: 'Wrap long lines or cut them at the edge', group: 'view' },
  viewHex: { label: 'Hex', description: 'Switch between text and hex', group: 'view' },
  viewSearch: { label: 'Search', description: 'Search forward', group: 'view' },
  viewSearchBack: { label: 'SearchB', description: 'Search backward', group: 'view' },
  viewSearchNext: { label: 'Next', description: 'Next match (in the same direction)', group: 'view' },
  viewSearchPrev: { label: 'Prev', description: 'Previous match (the other direction)', group: 'view' },
  viewGoto: { label: 'Goto', description: 'Go to a line number or a percentage (50%)', group: 'view' },
  viewLeft: { label: 'Left', description: 'Without wrapping: scroll the text left (back to column 1)', group: 'view' },
  viewRight: {
    label: 'Right',
    description: 'Without wrapping: scroll the text right, to see long lines',
    group: 'view',
  },
  bucketType: {
    label: 'Public',
    description: 'In the bucket list: make the bucket public or private (asks first)',
    group: 'files',
  },
  toggleQueue: { label: 'Queue', description: 'Show or leave the transfer queue', group: 'queue' },
  queuePause: { label: 'Pause', description: 'Pause the transfer', group: 'queue' },
  queueResume: { label: 'Resume', description: 'Resume the transfer', group: 'queue' },
  queueCancel: { label: 'Cancel', description: 'Cancel the transfer', group: 'queue' },
  queueRetry: { label: 'Retry', description: 'Retry the failed transfer', group: 'queue' },
  queueClearFinished: { label: 'Clear', description: 'Remove finished transfers from the list', group: 'queue' },
  queueHistory: {
    label: 'History',
    description: 'Transfer history: what finished or failed, kept across runs',
    group: 'queue',
  },
  confirm: { label: 'OK', description: 'Confirm', group: 'dialog' },
  cancel: { label: 'Cancel', description: 'Cancel or close', group: 'dialog' },
  complete: {
    label: 'Compl',
    description: 'Complete the typed path or b2:// name (again: list the choices)',
    group: 'dialog',
  },
  nextField: { label: 'Next', description: 'Next field or choice', group: 'dialog' },
  prevField: { label: 'Prev', description: 'Previous field or choice', group: 'dialog' },
  yes: { label: 'Yes', description: 'Answer yes', group: 'dialog' },
  no: { label: 'No', description: 'Answer no', group: 'dialog' },
  add: { label: 'New', description: 'Add a new one', group: 'accounts' },
  makeDefault: { label: 'Default', description: 'Make the profile under the cursor the default', group: 'accounts' },
  saveProfile: { label: 'Save', description: 'Save the new key as a profile', group: 'accounts' },
  help: { label: 'Help', description: 'Show this help', group: 'app' },
  keyInspector: { label: 'KeyInfo', description: "Show what this pane's application key may do", group: 'app' },
  profiles: { label: 'Profile', description: 'Account profiles', group: 'app' },
  keys: { label: 'Keys', description: 'List, create and delete application keys', group: 'app' },
  suspend: { label: 'Suspend', description: 'Suspend b2c to the shell (fg returns)', group: 'app' },
  subshell: {
    label: 'Shell',
    description: "Open a shell in the local pane's folder (exit returns)",
    group: 'app',
  },
  quit: { label: 'Quit', description: 'Quit (asks when transfers are running)', group: 'app' },
};

/** Every command's data, in `COMMAND_IDS` order. */
export const COMMANDS: readonly CommandInfo[] = COMMAND_IDS.map((id) => ({ id, ...ROWS[id] }));

const ID_SET: ReadonlySet<string> = new Set(COMMAND_IDS);

/** True when `s` is a known command id (for validating user overrides from settings). */
export function isCommandId(s: string): s is CommandId {
  return ID_SET.has(s);
}

/** The data of one command. */
export function commandInfo(id: CommandId): CommandInfo {
  return { id, ...ROWS[id] };
}
