/**
 * Hint lines that name keys ("F1 help · Tab other pane"), generated from the keymap so they follow
 * a user's rebinding, like the help screen and the function-key bar (./keymap-views.ts). Pure.
 *
 * A template names commands, never keys: `{help} help · {switchPane} other pane`. Each
 * placeholder is `{command}` (the first key bound to the command in the context) or
 * `{command|keys}`, which lists the keys to show while they are bound, in that order, as canonical
 * patterns joined by the separator they are written with: `{queueCancel|c/f8}` → `c/F8`,
 * `{cancel|escape,q,f1}` → `Esc, q or F1`, `{cursorUp|up}` → `↑`. When none of the listed keys is
 * bound any more, the first bound key is shown. A part of the line (between ` · `) that names a
 * command bound to nothing is left out.
 */
import type { CommandId } from './commands.js';
import { keysForCommand, type KeyContext, type Keymap } from './keymap.js';
import { formatKeyPattern } from './key-patterns.js';

/** `a`, `a or b`, `a, b or c`. */
function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/**
 * The keys bound to `command` in `context` as people read them, or null when it is bound to
 * nothing. `preferred` (canonical patterns joined by `/` or `,`, as in a template) picks and
 * orders them; by default the first bound key.
 */
export function hintKeys(keymap: Keymap, context: KeyContext, command: CommandId, preferred?: string): string | null {
  const bound = keysForCommand(keymap, context, command);
  if (bound.length === 0) return null;
  if (preferred === undefined) return formatKeyPattern(bound[0] ?? '');
  const list = preferred.includes(',') ? preferred.split(',') : preferred.split('/');
  const shown = list.filter((k) => bound.includes(k)).map(formatKeyPattern);
  if (shown.length === 0) return formatKeyPattern(bound[0] ?? '');
  return preferred.includes(',') ? joinOr(shown) : shown.join('/');
}

const PLACEHOLDER = /\{(\w+)(?:\|([^}]+))?\}/g;

/** `template` (b2c's own text only: never put names from outside into it) with its keys filled in. */
export function keyHint(keymap: Keymap, context: KeyContext, template: string): string {
  return template
    .split(' · ')
    .flatMap((part) => {
      let unbound = false;
      const text = part.replace(PLACEHOLDER, (_m, command: string, preferred: string | undefined) => {
        const keys = hintKeys(keymap, context, command as CommandId, preferred);
        if (keys === null) unbound = true;
        return keys ?? '';
      });
      return unbound ? [] : [text];
    })
    .join(' · ');
}
