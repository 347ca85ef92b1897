/**
 * The key-pattern grammar shared by the keymap table, user overrides and key normalisation.
 *
 * A canonical pattern is `[ctrl+][meta+][shift+]BASE` (modifiers in that order, lower case) where
 * BASE is a named key (`up`, `pageup`, `f5`, `insert`, `space`, …) or one printable character.
 * Printable characters carry their own case, so `G` means Shift+g and `shift+g` canonicalises to `G`;
 * `ctrl+` only combines with letters (terminals send Ctrl+letter as C0 bytes 0x01–0x1A and cannot
 * express Ctrl+digit or Ctrl+punctuation portably).
 */

/** Named keys, as they appear in canonical patterns. */
export const NAMED_KEYS = [
  'up',
  'down',
  'left',
  'right',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'escape',
  'tab',
  'backspace',
  'delete',
  'insert',
  'space',
  'f1',
  'f2',
  'f3',
  'f4',
  'f5',
  'f6',
  'f7',
  'f8',
  'f9',
  'f10',
  'f11',
  'f12',
] as const;

export type NamedKey = (typeof NAMED_KEYS)[number];

const NAMED: ReadonlySet<string> = new Set(NAMED_KEYS);

/** Spellings users write in settings, mapped to canonical names. */
const ALIASES: Record<string, string> = {
  return: 'enter',
  esc: 'escape',
  pgup: 'pageup',
  pgdn: 'pagedown',
  pgdown: 'pagedown',
  ins: 'insert',
  del: 'delete',
  bs: 'backspace',
  arrowup: 'up',
  arrowdown: 'down',
  arrowleft: 'left',
  arrowright: 'right',
};

const MODIFIER_ALIASES: Record<string, 'ctrl' | 'meta' | 'shift'> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  meta: 'meta',
  alt: 'meta',
  option: 'meta',
  shift: 'shift',
};

/** Modifier flags of a key press. */
export interface Modifiers {
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

/**
 * Builds a canonical pattern from modifiers and a base (a named key or one printable character).
 * Returns null for combinations no terminal can send distinctly (see the module comment).
 */
export function buildPattern(mods: Modifiers, base: string): string | null {
  let b = base;
  let shift = mods.shift;
  const isChar = !NAMED.has(b);
  if (isChar) {
    if ([...b].length !== 1 || /^[\p{Cc}\p{Cs} ]$/u.test(b)) return null;
    if (mods.ctrl) {
      // Ctrl+Shift+letter sends the same byte as Ctrl+letter.
      if (shift || !/^[a-z]$/i.test(b)) return null;
      b = b.toLowerCase();
    } else if (shift) {
      // Printable characters already carry shift in their case; Shift+digit is layout-dependent.
      if (!/^[a-z]$/i.test(b)) return null;
      b = b.toUpperCase();
    }
    if (!mods.ctrl) shift = false;
  }
  return `${mods.ctrl ? 'ctrl+' : ''}${mods.meta ? 'meta+' : ''}${shift ? 'shift+' : ''}${b}`;
}

/**
 * Parses a pattern as a user may write it (`Ctrl+R`, `F5`, `shift+F6`, `Esc`, `+`, `alt+x`) into
 * canonical form, or returns null when it is not a key b2c can recognise.
 */
export function canonicalisePattern(pattern: string): string | null {
  if (pattern === ' ') return 'space';
  const p = pattern.trim();
  if (p === '') return null;
  if ([...p].length === 1) return buildPattern({ ctrl: false, meta: false, shift: false }, p);
  let parts: string[];
  if (p.endsWith('++')) parts = [...p.slice(0, -2).split('+'), '+'];
  else parts = p.split('+');
  const rawBase = parts.pop() ?? '';
  const mods: Modifiers = { ctrl: false, meta: false, shift: false };
  for (const m of parts) {
    const mod = MODIFIER_ALIASES[m.toLowerCase()];
    if (mod === undefined || mods[mod]) return null;
    mods[mod] = true;
  }
  if ([...rawBase].length === 1) return buildPattern(mods, rawBase);
  const lower = rawBase.toLowerCase();
  const base = ALIASES[lower] ?? lower;
  if (!NAMED.has(base)) return null;
  return buildPattern(mods, base);
}

const DISPLAY: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  space: 'Space',
};

/** A canonical pattern for people: `ctrl+r` → `Ctrl+R`, `pageup` → `PgUp`, `meta+x` → `Alt+x`. */
export function formatKeyPattern(pattern: string): string {
  const parts =
    pattern.length > 1 && pattern.endsWith('++')
      ? [...pattern.slice(0, -2).split('+'), '+']
      : pattern.length === 1
        ? [pattern]
        : pattern.split('+');
  const base = parts.pop() ?? '';
  const prefix = parts.map((m) => (m === 'ctrl' ? 'Ctrl+' : m === 'meta' ? 'Alt+' : 'Shift+')).join('');
  const fkey = /^f(\d+)$/.exec(base);
  let shown = DISPLAY[base] ?? (fkey ? `F${fkey[1]}` : base);
  if (parts.includes('ctrl') && base.length === 1) shown = base.toUpperCase();
  return prefix + shown;
}
