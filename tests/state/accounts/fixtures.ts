/** KeyInfo fixtures and small drivers for the pure accounts tests. */
import type { KeyInfo } from '../../../src/state/model/key-info.js';
import { textEditForKey, type ScreenKey } from '../../../src/state/keyboard/screen-key.js';

/** "Now" of the pure tests: 2026-05-10T00:00:00Z. */
export const NOW = Date.UTC(2026, 4, 10);
export const DAY = 86_400_000;

export function keyInfo(overrides: Partial<KeyInfo> = {}): KeyInfo {
  return {
    accountId: 'acc-1',
    applicationKeyId: 'key-1',
    isMaster: false,
    buckets: null,
    capabilities: [],
    namePrefix: null,
    expiresAt: null,
    ...overrides,
  };
}

/** A key press as the screens read it: named keys by pattern, anything else as typed text. */
export function k(pattern: string): ScreenKey {
  const named =
    /^(enter|escape|tab|shift\+tab|up|down|left|right|home|end|pageup|pagedown|backspace|delete|insert|space|ctrl\+\w|f\d+)$/.test(
      pattern,
    );
  if (named) return { pattern, text: pattern === 'space' ? ' ' : '' };
  return { pattern: [...pattern].length === 1 ? pattern : null, text: pattern };
}

/** The text edit for typing `text`. */
export function typed(text: string): NonNullable<ReturnType<typeof textEditForKey>> {
  const edit = textEditForKey(k(text));
  if (edit === null) throw new Error(`not typeable: ${text}`);
  return edit;
}
