/**
 * The keymap in effect (user overrides applied), for views whose hints name keys: every hint is
 * generated from the keymap (state/keyboard/key-hints.ts), so it follows a user's rebinding.
 * Views outside the app (component tests) get the built-in keymap.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_KEYMAP, type Keymap } from '../state/keyboard/keymap.js';

const KeymapContext = createContext<Keymap>(DEFAULT_KEYMAP);

export function KeymapProvider({ keymap, children }: { keymap: Keymap; children: ReactNode }): ReactNode {
  return <KeymapContext.Provider value={keymap}>{children}</KeymapContext.Provider>;
}

/** The keymap in effect. */
export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}
