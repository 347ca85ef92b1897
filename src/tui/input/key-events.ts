/**
 * Splits what Ink hands the keyboard owner into key presses.
 *
 * Ink 6.8's input parser cuts stdin into escape sequences and plain-text runs, but a run of
 * ordinary characters arrives as ONE event: `jjj` typed faster than the read loop (key repeat, a
 * slow frame) or pasted text. Read as one key it would be lost, so a run is split into its code
 * points; in a text field consecutive printable characters are kept together as one insertion
 * (one state update for a paste instead of one per character).
 */
import { CONTROL_CHAR } from '../../state/text/sanitize.js';

/** One key press (`kind: 'key'`) or a run of printable text for a text field (`'text'`). */
export type KeyEvent = { kind: 'key'; raw: string } | { kind: 'text'; text: string };

/**
 * The key presses in one raw input event.
 * @param raw one event from Ink's `internal_eventEmitter` ('input')
 * @param textEntry true while a text field has the keyboard (printable runs become `text`)
 */
export function splitInput(raw: string, textEntry: boolean): KeyEvent[] {
  if (raw === '') return [];
  if (raw.startsWith('\x1b')) return [{ kind: 'key', raw }];
  const points = [...raw];
  if (points.length === 1) return [{ kind: 'key', raw }];
  const out: KeyEvent[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') out.push({ kind: 'text', text: run });
    run = '';
  };
  for (const p of points) {
    if (textEntry && !CONTROL_CHAR.test(p)) {
      run += p;
      continue;
    }
    flush();
    out.push({ kind: 'key', raw: p });
  }
  flush();
  return out;
}
