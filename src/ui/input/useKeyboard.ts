/**
 * The one keyboard reader of the TUI (ARCHITECTURE.md, "Keypress flow", step 1).
 *
 * Ink 6.8's `useInput` cannot be used for this: it reports F1–F12 and Insert as empty input with
 * every flag false, and Backspace and Delete both as `key.delete`. Ink's App does split stdin into
 * one raw sequence per key (plain-text runs excepted, see src/tui/input/key-events.ts) and emits
 * each on `useStdin().internal_eventEmitter` ('input'), so this hook listens there and hands the
 * raw sequence on; the core decodes it (src/state/keyboard/key-decoder.ts). Raw mode is switched on through
 * `setRawMode`, which keeps Ink's own reference count right.
 */
import { useStdin } from 'ink';
import { useLayoutEffect, useRef } from 'react';

/**
 * Calls `onInput(raw)` for every input event while the component is mounted.
 * @param onInput receives one raw sequence (or plain-text run) at a time
 */
export function useKeyboard(onInput: (raw: string) => void): void {
  const { setRawMode, isRawModeSupported, internal_eventEmitter: events } = useStdin();
  const handler = useRef(onInput);
  handler.current = onInput;
  // A layout effect: subscribed in the same commit that draws the first frame, so a key sent as
  // soon as the screen shows is never missed (passive effects run later).
  useLayoutEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const listener = (raw: string): void => handler.current(raw);
    events.on('input', listener);
    return () => {
      events.off('input', listener);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, isRawModeSupported, setRawMode]);
}
