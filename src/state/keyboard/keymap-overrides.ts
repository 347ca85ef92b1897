/**
 * User key overrides from settings, applied to a keymap with validation.
 *
 * An override maps a command to the complete list of keys it should have (an empty list unbinds
 * it). The record key is either a command id (`copy`: rebinds it in every context where it is
 * bound) or `context:command` (`help:cancel`: only there). Commands cannot be added to contexts
 * where b2c does not bind them, because the dispatcher only handles them where they are offered.
 */
import { isCommandId, type CommandId } from './commands.js';
import { KEY_CONTEXTS, type KeyContext, type Keymap, type KeymapEntry } from './keymap.js';
import { canonicalisePattern, formatKeyPattern } from './key-patterns.js';

/** Thrown by `applyOverrides`; `problems` lists every problem found, one sentence each. */
export class KeymapOverrideError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Key overrides rejected: ${problems.join('; ')}`);
    this.name = 'KeymapOverrideError';
    this.problems = problems;
  }
}

/** The first bare F1–F10 in `keys`, as its number (for the function-key bar). */
export function fkeyOf(keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const m = /^f([1-9]|10)$/.exec(k);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function isContext(s: string): s is KeyContext {
  return (KEY_CONTEXTS as readonly string[]).includes(s);
}

interface ParsedOverride {
  context: KeyContext | null;
  command: CommandId;
  keys: string[];
}

function parseOverride(name: string, keys: readonly string[], problems: string[]): ParsedOverride | null {
  const colon = name.indexOf(':');
  const ctxName = colon < 0 ? null : name.slice(0, colon);
  const cmdName = colon < 0 ? name : name.slice(colon + 1);
  if (ctxName !== null && !isContext(ctxName)) {
    problems.push(`unknown context "${ctxName}" in "${name}" (contexts: ${KEY_CONTEXTS.join(', ')})`);
    return null;
  }
  if (!isCommandId(cmdName)) {
    problems.push(`unknown command "${cmdName}"`);
    return null;
  }
  const canonical: string[] = [];
  for (const k of keys) {
    const c = canonicalisePattern(k);
    if (c === null) problems.push(`"${k}" for ${cmdName} is not a key b2c can recognise`);
    else if (!canonical.includes(c)) canonical.push(c);
  }
  return { context: ctxName, command: cmdName, keys: canonical };
}

function findConflicts(keymap: Keymap): string[] {
  const problems: string[] = [];
  const seen = new Map<string, CommandId>();
  for (const e of keymap) {
    for (const k of e.keys) {
      const id = `${e.context}\u0000${k}`;
      const other = seen.get(id);
      if (other === undefined) seen.set(id, e.command);
      else if (other !== e.command) {
        const pair = [other, e.command].sort().join(' and ');
        problems.push(`${formatKeyPattern(k)} in the ${e.context} context would run both ${pair}`);
      }
    }
  }
  return problems;
}

/**
 * Returns a new keymap with `overrides` applied (the input is not modified).
 * @param overrides `{ copy: ['x', 'F5'], 'help:cancel': ['Esc'] }`; patterns may use any spelling
 *   `canonicalisePattern` accepts.
 * @throws KeymapOverrideError listing every unknown context or command, unrecognised key, command
 *   not bound in the named context, and key that would run two commands in one context.
 */
export function applyOverrides(keymap: Keymap, overrides: Readonly<Record<string, readonly string[]>>): Keymap {
  // Nothing to apply: the keymap is returned as it is, unchecked (b2c's own has no conflicts,
  // tests/state/keyboard/keymap.test.ts), which spares every start the conflict search (≈ 3 ms).
  if (Object.keys(overrides).length === 0) return keymap;
  const problems: string[] = [];
  const parsed: ParsedOverride[] = [];
  for (const [name, keys] of Object.entries(overrides)) {
    const p = parseOverride(name, keys, problems);
    if (p !== null) parsed.push(p);
  }
  // Scoped overrides win over unscoped ones for their context, whatever the record order.
  parsed.sort((a, b) => Number(a.context !== null) - Number(b.context !== null));
  let result: KeymapEntry[] = [...keymap];
  for (const o of parsed) {
    const matches = (e: KeymapEntry): boolean =>
      e.command === o.command && (o.context === null || e.context === o.context);
    if (!result.some(matches)) {
      problems.push(`${o.command} has no keys in the ${o.context ?? 'any'} context to rebind`);
      continue;
    }
    const done = new Set<KeyContext>();
    result = result.flatMap((e) => {
      if (!matches(e)) return [e];
      if (done.has(e.context)) return [];
      done.add(e.context);
      const { fkey: _old, ...rest } = e;
      const fkey = fkeyOf(o.keys);
      return [fkey === undefined ? { ...rest, keys: o.keys } : { ...rest, keys: o.keys, fkey }];
    });
  }
  problems.push(...findConflicts(result));
  if (problems.length > 0) throw new KeymapOverrideError(problems);
  return result;
}

/** Conflicts in a keymap (empty for a valid one): the same key bound to two commands in one context. */
export function keymapConflicts(keymap: Keymap): string[] {
  return findConflicts(keymap);
}
