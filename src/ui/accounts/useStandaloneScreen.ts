/**
 * An accounts screen running on its own, outside the app (component tests, a wizard before the
 * app exists): its store is made once, and the keyboard reaches it through the same path as in
 * the app — the one keyboard reader (../input/useKeyboard.ts) and the core's `feedScreen`, which
 * the controller calls for the screen on top. No screen reads the keyboard any other way.
 */
import { useEffect, useState } from 'react';
import type { KeyedScreen } from '../../tui/accounts/screen-store.js';
import { feedScreen } from '../../tui/input/screen-keys.js';
import { useKeyboard } from '../input/useKeyboard.js';
import { useKeymap } from '../keymap-context.js';

/** The screen `create` makes (once), fed every key while mounted and disposed on unmount. */
export function useStandaloneScreen<T extends KeyedScreen>(create: () => T): T {
  const [screen] = useState(create);
  const keymap = useKeymap();
  useKeyboard((raw) => feedScreen(screen, raw, keymap));
  useEffect(() => () => screen.dispose(), [screen]);
  return screen;
}
