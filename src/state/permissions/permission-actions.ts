/**
 * Every action b2c offers, as data: its label, what it does on B2 and what it needs from the key.
 * The permission rules (./permissions.ts), the function-key bar, the key inspector and the CLI's
 * refusal messages all read this one table.
 *
 * Decisions recorded here (docs/b2-api.md §2.1, §4.3, §5.3):
 * - Move and rename on B2 are b2_copy_file followed by b2_hide_file on the source. A hide marker
 *   needs writeFiles, never deleteFiles: the source disappears from listings while its versions stay
 *   recoverable, so a no-delete key can still move. This matches the B2 provider's default remove
 *   mode (`hide`). Purging the old versions is a separate Delete.
 * - Server-side copy needs readFiles on the source (b2_copy_file asks for it when the source bucket is
 *   private; the rules waive it where the bucket is known to be public) and writeFiles on the
 *   destination, possibly in another bucket of the account. b2_copy_file takes the source's file
 *   ID, which b2c finds with b2_list_file_names: listFiles on the source too. A download (B2 to the
 *   local disk) goes by name and needs neither listFiles nor the bucket's ID (permissions.ts).
 * - Unhide deletes the hide-marker version (b2_delete_file_version: deleteFiles) after finding it in
 *   b2_list_file_versions (listFiles). Delete (this version) and delete all versions look the
 *   versions up likewise: b2_delete_file_version needs the version's file ID. Deleting a version
 *   whose ID the user gives (`b2c rm --version ID`) lists nothing and names no bucket: deleteFiles
 *   alone (docs/b2-api.md §2.1).
 * - Make folder writes a `.bzEmpty` placeholder (writeFiles), like the B2 web UI.
 * - Info shows the file object from the listing (b2_list_file_names: listFiles).
 * - View reads the file by name in ranged downloads (readFiles), like a download. Edit downloads it
 *   and uploads the change as a new version of the same name (readFiles and writeFiles).
 * - Look up (does this name exist?) is what every conflict choice but "overwrite" needs at the
 *   destination: b2_list_file_names (listFiles), or a HEAD download by name (readFiles) when the
 *   key cannot list. Either capability will do (`needsAny`).
 * - Acting on a folder means acting on every name under it; the pane has listed them already.
 * - Every call inside a bucket names it by ID (b2_list_file_names, b2_get_upload_url,
 *   b2_hide_file, …), and only b2_list_buckets turns a name into an ID. A key limited to buckets
 *   gets their IDs when it signs in; a key for all buckets needs listBuckets to find any. Only a
 *   download goes by the bucket's name, and a delete by file ID by none (`needsBucketId: false`).
 */

/** Everything the product can ask the rules about. */
export type PermissionAction =
  | 'browse-bucket'
  | 'list-buckets'
  | 'list'
  | 'download'
  | 'view'
  | 'edit'
  | 'upload'
  | 'copy'
  | 'move'
  | 'rename'
  | 'mkdir'
  | 'hide'
  | 'unhide'
  | 'delete'
  | 'delete-all-versions'
  | 'delete-known-version'
  | 'share-link'
  | 'show-versions'
  | 'info'
  | 'look-up'
  | 'list-keys'
  | 'create-key'
  | 'delete-key'
  | 'create-bucket'
  | 'delete-bucket'
  | 'update-bucket';

/**
 * How an action meets the key's bucket and name-prefix limits:
 * - `reach`: a folder the user may walk through: inside the prefix, or on the way down to it;
 * - `inside`: the named file, or every name under the named folder, must start with the prefix;
 * - `siblings`: rename: the new name lands beside the old one, so the whole folder must be inside;
 * - `placeholder`: make folder: the `.bzEmpty` name written must be inside;
 * - `buckets`: the bucket list: needs listBuckets unless the key names its buckets itself;
 * - `bucket`: a whole bucket: only a key for all buckets (docs/b2-api.md §2.5);
 * - `account`: account-wide: only a key for all buckets; the location does not matter.
 */
export type ActionScope = 'reach' | 'inside' | 'siblings' | 'placeholder' | 'buckets' | 'bucket' | 'account';

/** One row of the action table. */
export interface ActionInfo {
  id: PermissionAction;
  /** Short user label for keys, menus and reasons ("Delete", "Share link"). */
  label: string;
  /** What it does, one sentence for help and the inspector. */
  description: string;
  /**
   * `single`: one location; `pair`: source and destination (checkTransfer), a single location is
   * read as the source; `account`: no location.
   */
  arity: 'single' | 'pair' | 'account';
  /** Also offered on the local disk (where only the OS decides). */
  local: boolean;
  /** Capabilities on the B2 location (for `pair`: on a B2 source). */
  needs: readonly string[];
  /** `pair` only: capabilities on a B2 destination. */
  destinationNeeds: readonly string[];
  /** At least one of these is needed as well (empty: no such condition). */
  needsAny: readonly string[];
  /** Acting inside a bucket needs its ID (see above): false only for what goes by the bucket's name. */
  needsBucketId: boolean;
  scope: ActionScope;
}

type Row = readonly [
  PermissionAction,
  string,
  string,
  ActionInfo['arity'],
  boolean,
  readonly string[],
  readonly string[],
  ActionScope,
];

const ROWS: readonly Row[] = [
  [
    'browse-bucket',
    'Open bucket',
    'Enter a bucket and list its top folder.',
    'single',
    false,
    ['listFiles'],
    [],
    'reach',
  ],
  [
    'list-buckets',
    'List buckets',
    "Show the account's buckets (a restricted key shows its own).",
    'single',
    false,
    ['listBuckets'],
    [],
    'buckets',
  ],
  ['list', 'List', 'List the files and folders in a folder.', 'single', true, ['listFiles'], [], 'reach'],
  ['download', 'Download', 'Copy a file from B2 to the local disk.', 'single', true, ['readFiles'], [], 'inside'],
  [
    'view',
    'View',
    'Read a file page by page where it is (ranged downloads, nothing saved).',
    'single',
    true,
    ['readFiles'],
    [],
    'inside',
  ],
  [
    'edit',
    'Edit',
    'Download a file to a private temp file, edit it, upload the change as a new version.',
    'single',
    true,
    ['readFiles', 'writeFiles'],
    [],
    'inside',
  ],
  ['upload', 'Upload', 'Copy a file from the local disk to B2.', 'single', true, ['writeFiles'], [], 'inside'],
  [
    'copy',
    'Copy',
    'Copy files; B2 to B2 is a server-side copy, across buckets too.',
    'pair',
    true,
    ['listFiles', 'readFiles'],
    ['writeFiles'],
    'inside',
  ],
  [
    'move',
    'Move',
    'Copy files, then hide the source on B2 (its versions stay recoverable).',
    'pair',
    true,
    ['listFiles', 'readFiles', 'writeFiles'],
    ['writeFiles'],
    'inside',
  ],
  [
    'rename',
    'Rename',
    'Give a file a new name (B2: copy, then hide the old name).',
    'pair',
    true,
    ['listFiles', 'readFiles', 'writeFiles'],
    ['writeFiles'],
    'siblings',
  ],
  [
    'mkdir',
    'Make folder',
    'Create a folder (B2: a .bzEmpty placeholder, like the web UI).',
    'single',
    true,
    ['writeFiles'],
    [],
    'placeholder',
  ],
  [
    'hide',
    'Hide',
    'Hide a file behind a hide marker; older versions stay and it can be unhidden.',
    'single',
    false,
    ['writeFiles'],
    [],
    'inside',
  ],
  [
    'unhide',
    'Unhide',
    'Delete the hide marker so the newest real version shows again.',
    'single',
    false,
    ['listFiles', 'deleteFiles'],
    [],
    'inside',
  ],
  [
    'delete',
    'Delete',
    'Delete a file (B2: this version, for good).',
    'single',
    true,
    ['listFiles', 'deleteFiles'],
    [],
    'inside',
  ],
  [
    'delete-all-versions',
    'Delete all versions',
    'Delete every version of a name, for good.',
    'single',
    false,
    ['listFiles', 'deleteFiles'],
    [],
    'inside',
  ],
  [
    'delete-known-version',
    'Delete a version by ID',
    'Delete one version named by its file ID (b2c rm --version), for good.',
    'single',
    false,
    ['deleteFiles'],
    [],
    'inside',
  ],
  [
    'share-link',
    'Share link',
    'Make a link that downloads without a key, for a chosen time.',
    'single',
    false,
    ['shareFiles'],
    [],
    'inside',
  ],
  [
    'show-versions',
    'Versions',
    'List every version of a name, hide markers included.',
    'single',
    false,
    ['listFiles'],
    [],
    'inside',
  ],
  ['info', 'Info', "Show a file's size, dates, checksum and metadata.", 'single', true, ['listFiles'], [], 'inside'],
  [
    'look-up',
    'Look up names',
    'See whether a file already exists (every conflict choice but Overwrite needs it).',
    'single',
    true,
    [],
    [],
    'inside',
  ],
  ['list-keys', 'List keys', "List the account's application keys.", 'account', false, ['listKeys'], [], 'account'],
  ['create-key', 'Create key', 'Create an application key.', 'account', false, ['writeKeys'], [], 'account'],
  ['delete-key', 'Delete key', 'Delete an application key.', 'account', false, ['deleteKeys'], [], 'account'],
  ['create-bucket', 'Create bucket', 'Create a bucket.', 'account', false, ['writeBuckets'], [], 'account'],
  ['delete-bucket', 'Delete bucket', 'Delete an empty bucket.', 'single', false, ['deleteBuckets'], [], 'bucket'],
  [
    'update-bucket',
    'Make public or private',
    'Make a bucket public (anyone may download by URL) or private.',
    'single',
    false,
    ['writeBuckets'],
    [],
    'bucket',
  ],
];

/** Alternatives: the action needs at least one of these on top of its `needs`. */
const NEEDS_ANY: Partial<Record<PermissionAction, readonly string[]>> = {
  'look-up': ['listFiles', 'readFiles'],
  // Edit looks the file up before and after (is the newest version still the one opened?): even
  // in a public bucket, where reading asks nothing of the key, that needs one of these.
  edit: ['listFiles', 'readFiles'],
};

/**
 * What needs no bucket ID: downloads by the bucket's name (docs/b2-api.md §6), and a delete by
 * file ID, which names no bucket at all (§2.1).
 */
const BY_BUCKET_NAME: ReadonlySet<PermissionAction> = new Set(['download', 'view', 'delete-known-version']);

/** Every action, in the order menus and the inspector list them. */
export const ACTIONS: readonly ActionInfo[] = ROWS.map(
  ([id, label, description, arity, local, needs, destinationNeeds, scope]) => ({
    id,
    label,
    description,
    arity,
    local,
    needs,
    destinationNeeds,
    needsAny: NEEDS_ANY[id] ?? [],
    needsBucketId: !BY_BUCKET_NAME.has(id),
    scope,
  }),
);

/** Every action id, in table order. */
export const PERMISSION_ACTIONS: readonly PermissionAction[] = ACTIONS.map((a) => a.id);

/** The table row of an action. */
export function actionInfo(action: PermissionAction): ActionInfo {
  const info = ACTIONS.find((a) => a.id === action);
  if (info === undefined) {
    // Unreachable for a well-typed caller: ROWS lists every member of PermissionAction (tested).
    throw new Error(`unknown permission action: ${String(action)}`);
  }
  return info;
}

/** The short user label of an action ("Delete"). */
export function actionLabel(action: PermissionAction): string {
  return actionInfo(action).label;
}
