/**
 * Turns what the terminal sends into canonical key patterns (./key-patterns.ts).
 *
 * Why raw sequences matter with Ink 6.8: `useInput` reports F1–F12 and Insert with `input === ''`
 * and every `key` flag false (parse-keypress lists them as "non-alphanumeric" and blanks the input),
 * and it reports the Backspace key (DEL, 0x7f on most terminals) as `key.delete`, the same as the
 * Delete key (`ESC [3~`). So the one keyboard owner (src/ui/input/useKeyboard.ts) takes the raw
 * sequence instead — Ink's App splits stdin into one sequence per key and emits each on
 * `useStdin().internal_eventEmitter` ('input') — and every screen decodes it here.
 *
 * Sequences recognised by `parseRawKey` (ESC = \x1b, CSI = ESC [, SS3 = ESC O; `;m` is an optional
 * xterm modifier parameter, m − 1 = bit flags 1 Shift, 2 Alt, 4 Ctrl, 8 Meta):
 * - F1–F4: SS3 P/Q/R/S (xterm, VT100), SS3 m P (old xterm/konsole modified), CSI 1;m P–S (xterm
 *   modified), CSI 11~–14~ (VT220, rxvt, PuTTY), CSI [A–[D (Linux console).
 * - F5–F12: CSI 15~, 17~–21~, 23~, 24~ (with ;m), CSI [E (Linux console F5).
 * - Insert CSI 2~, Delete CSI 3~, Home CSI 1~ / 7~ / H / SS3 H, End CSI 4~ / 8~ / F / SS3 F,
 *   PageUp CSI 5~, PageDown CSI 6~; rxvt suffix `$` = Shift, `^` = Ctrl (CSI 2$, CSI 5^ …).
 * - Arrows: CSI A–D, SS3 A–D, CSI 1;m A–D; rxvt Shift CSI a–d, Ctrl SS3 a–d. Shift+Tab: CSI Z.
 * - A leading extra ESC means Alt (rxvt, and xterm with metaSendsEscape).
 * - Single bytes: CR/LF Enter, HT Tab, DEL and BS Backspace, ESC Escape, NUL Ctrl+Space, 0x01–0x1A Ctrl+letter,
 *   ESC + character Alt+character.
 * Not recognised (null): rxvt's Shift+F-keys sent as F11–F20 numbers (they collide with F11/F12),
 * kitty keyboard protocol sequences (b2c does not enable it), mouse reports, pasted text.
 */
import { buildPattern, type Modifiers } from './key-patterns.js';

const ESC = '\x1b';
const NONE: Modifiers = { ctrl: false, meta: false, shift: false };

const TILDE_KEYS: Record<string, string> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
  '11': 'f1',
  '12': 'f2',
  '13': 'f3',
  '14': 'f4',
  '15': 'f5',
  '17': 'f6',
  '18': 'f7',
  '19': 'f8',
  '20': 'f9',
  '21': 'f10',
  '23': 'f11',
  '24': 'f12',
};

const LETTER_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  P: 'f1',
  Q: 'f2',
  R: 'f3',
  S: 'f4',
};

const RXVT_ARROWS: Record<string, string> = { a: 'up', b: 'down', c: 'right', d: 'left' };
const LINUX_CONSOLE_F: Record<string, string> = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' };

function modifiersFromParam(param: string | undefined, alt: boolean): Modifiers {
  const bits = param === undefined ? 0 : Math.max(0, Number(param) - 1);
  return { shift: (bits & 1) !== 0, meta: alt || (bits & 10) !== 0, ctrl: (bits & 4) !== 0 };
}

/** Parses the part after ESC (and after an optional Alt ESC). */
function parseEscapeBody(body: string, alt: boolean): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^\[(\d+)(?:;(\d+))?~$/.exec(body))) {
    const base = TILDE_KEYS[m[1] ?? ''];
    return base === undefined ? null : buildPattern(modifiersFromParam(m[2], alt), base);
  }
  if ((m = /^\[(\d+)([$^])$/.exec(body))) {
    const base = TILDE_KEYS[m[1] ?? ''];
    if (base === undefined) return null;
    return buildPattern({ ctrl: m[2] === '^', shift: m[2] === '$', meta: alt }, base);
  }
  if ((m = /^\[(?:1;(\d+))?([ABCDHFPQRS])$/.exec(body)) || (m = /^O(\d?)([ABCDHFPQRS])$/.exec(body))) {
    const base = LETTER_KEYS[m[2] ?? ''];
    const param = m[1] === '' ? undefined : m[1];
    return base === undefined ? null : buildPattern(modifiersFromParam(param, alt), base);
  }
  if ((m = /^\[\[([A-E])$/.exec(body))) {
    const base = LINUX_CONSOLE_F[m[1] ?? ''];
    return base === undefined ? null : buildPattern({ ...NONE, meta: alt }, base);
  }
  if ((m = /^\[([abcd])$/.exec(body)) || (m = /^O([abcd])$/.exec(body))) {
    const base = RXVT_ARROWS[m[1] ?? ''] ?? '';
    return buildPattern({ ctrl: body.startsWith('O'), shift: body.startsWith('['), meta: alt }, base);
  }
  if (body === '[Z') return buildPattern({ ...NONE, shift: true, meta: alt }, 'tab');
  return null;
}

/** One key as a single character or control byte (no escape sequence). */
function parseSingle(ch: string, meta: boolean): string | null {
  const mods: Modifiers = { ...NONE, meta };
  switch (ch) {
    case '\r':
    case '\n':
      return buildPattern(mods, 'enter');
    case '\t':
      return buildPattern(mods, 'tab');
    case '\x7f':
    case '\b':
      return buildPattern(mods, 'backspace');
    case ' ':
      return buildPattern(mods, 'space');
    case '\0':
      // Ctrl+Space (and Ctrl+@): terminals send NUL.
      return buildPattern({ ...mods, ctrl: true }, 'space');
    case ESC:
      return 'escape';
    default:
      break;
  }
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return buildPattern({ ...mods, ctrl: true }, String.fromCharCode(code + 96));
  return buildPattern(mods, ch);
}

/**
 * Canonical pattern for one raw key sequence as read from the terminal (see the module comment
 * for the list), or null when it is not a single recognised key.
 */
export function parseRawKey(raw: string): string | null {
  if (raw === '') return null;
  if (!raw.startsWith(ESC)) return [...raw].length === 1 ? parseSingle(raw, false) : null;
  if (raw === ESC || raw === ESC + ESC) return 'escape';
  let body = raw.slice(1);
  let alt = false;
  if (body.startsWith(ESC)) {
    alt = true;
    body = body.slice(1);
  }
  if (body.length >= 2 && (body.startsWith('[') || body.startsWith('O'))) return parseEscapeBody(body, alt);
  return [...body].length === 1 && !alt ? parseSingle(body, true) : null;
}
