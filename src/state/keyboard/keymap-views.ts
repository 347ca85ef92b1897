/**
 * What the help screen and the function-key bar show, generated from the keymap table so that they
 * can never disagree with what the keys do (ARCHITECTURE.md, "Keypress flow", step 6).
 */
import { COMMAND_GROUPS, commandInfo, type CommandId } from './commands.js';
import { KEY_CONTEXTS, type KeyContext, type Keymap, type KeymapEntry } from './keymap.js';
import { formatKeyPattern } from './key-patterns.js';

/** One help line: the keys as people read them (`F5`, `↑ k`), and what they do. */
export interface HelpRow {
  command: CommandId;
  keys: string;
  description: string;
}

/** A titled block of help lines. */
export interface HelpSection {
  context: KeyContext;
  title: string;
  rows: HelpRow[];
}

const CONTEXT_TITLES: Record<KeyContext, string> = {
  pane: 'Panes',
  queue: 'Transfer queue',
  dialog: 'Dialogs',
  picker: 'Location picker (F9) and the copy/move destination (F5, F6)',
  'quick-search': 'Quick search (f)',
  versions: 'Versions dialog (v)',
  bookmarks: 'Bookmarks (b)',
  sync: 'Sync dialog (C)',
  share: 'Share-link dialog (L)',
  viewer: 'Viewer (F3)',
  wizard: 'Account wizard',
  'wizard-review': 'Account wizard · review',
  help: 'Help screen',
  profiles: 'Profiles screen (P)',
  keys: 'Application keys screen (K)',
  'key-form': 'New key form · text fields',
  'key-form-list': 'New key form · bucket and capability lists',
  'new-key': 'New key shown',
  prompt: 'Accounts screens · name prompts',
  confirm: 'Accounts screens · yes/no questions',
  inspector: 'Key inspector (I)',
};

function rowOf(e: KeymapEntry): HelpRow {
  return {
    command: e.command,
    keys: e.keys.map(formatKeyPattern).join(' '),
    description: e.description ?? commandInfo(e.command).description,
  };
}

/**
 * Help sections in display order. The pane context is split by command group ("Panes · Files");
 * every other context is one section. Unbound commands (empty `keys`) are left out, and so are
 * empty sections.
 */
export function helpSections(keymap: Keymap, contexts: readonly KeyContext[] = KEY_CONTEXTS): HelpSection[] {
  const sections: HelpSection[] = [];
  for (const context of contexts) {
    const entries = keymap.filter((e) => e.context === context && e.keys.length > 0);
    if (context === 'pane') {
      for (const g of COMMAND_GROUPS) {
        const rows = entries.filter((e) => commandInfo(e.command).group === g.id).map(rowOf);
        if (rows.length > 0) sections.push({ context, title: `${CONTEXT_TITLES.pane} · ${g.title}`, rows });
      }
    } else if (entries.length > 0) {
      sections.push({ context, title: CONTEXT_TITLES[context], rows: entries.map(rowOf) });
    }
  }
  return sections;
}

/** One slot of the function-key bar. `command` is null (and `label` empty) for an unused key. */
export interface FunctionKeySlot {
  fkey: number;
  label: string;
  command: CommandId | null;
}

/**
 * The ten slots F1–F10 of the function-key bar for `context`, labelled with each command's short
 * label (`bucketList`: the pane shows buckets, F7/F8 say they act on buckets). The caller greys
 * out slots whose command the permission rules forbid.
 */
export function functionKeyBar(keymap: Keymap, context: KeyContext, bucketList = false): FunctionKeySlot[] {
  const slots: FunctionKeySlot[] = [];
  for (let n = 1; n <= 10; n++) {
    const e = keymap.find((x) => x.context === context && x.fkey === n);
    const label =
      e === undefined ? '' : ((bucketList ? BUCKET_LIST_LABELS[e.command] : undefined) ?? commandInfo(e.command).label);
    slots.push(e === undefined ? { fkey: n, label: '', command: null } : { fkey: n, label, command: e.command });
  }
  return slots;
}

/** In a bucket list, Make folder creates a bucket and Delete deletes one: the bar says so. */
const BUCKET_LIST_LABELS: Partial<Record<CommandId, string>> = { mkdir: 'MkBuckt', delete: 'DelBuck' };
