/**
 * The style of one screen cell (colours and attributes) as the terminal's SGR state holds it:
 * parsing SGR parameters into a style, and writing the shortest SGR sequence that turns one style
 * into another. Styles are interned: each distinct style has one small integer id, so cells store
 * a number and two cells have the same style exactly when their ids are equal. Id 0 is the
 * terminal's default (`ESC[0m`).
 */

/** Attribute bits. */
const BOLD = 1;
const DIM = 2;
const ITALIC = 4;
const UNDERLINE = 8;
const BLINK = 16;
const INVERSE = 32;
const HIDDEN = 64;
const STRIKE = 128;
const OVERLINE = 256;

/** SGR on/off codes of each attribute bit; bold and dim share their off code (22). */
const ATTRIBUTES: readonly { bit: number; on: string; off: string }[] = [
  { bit: BOLD, on: '1', off: '22' },
  { bit: DIM, on: '2', off: '22' },
  { bit: ITALIC, on: '3', off: '23' },
  { bit: UNDERLINE, on: '4', off: '24' },
  { bit: BLINK, on: '5', off: '25' },
  { bit: INVERSE, on: '7', off: '27' },
  { bit: HIDDEN, on: '8', off: '28' },
  { bit: STRIKE, on: '9', off: '29' },
  { bit: OVERLINE, on: '53', off: '55' },
];
const ON_CODES = new Map(ATTRIBUTES.map((a) => [Number(a.on), a.bit]));
const OFF_CODES = new Map<number, number>([
  [22, BOLD | DIM],
  ...ATTRIBUTES.filter((a) => a.off !== '22').map((a): [number, number] => [Number(a.off), a.bit]),
]);

/** A cell style: attribute bits and the SGR parameters of the colours ('' = the default colour). */
export interface CellStyle {
  readonly attrs: number;
  /** e.g. `31`, `91`, `38;5;208`, `38;2;1;2;3`, or '' */
  readonly fg: string;
  /** e.g. `46`, `104`, `48;5;17`, or '' */
  readonly bg: string;
}

const styles: CellStyle[] = [{ attrs: 0, fg: '', bg: '' }];
const ids = new Map<string, number>([['0||', 0]]);

/** The id of `style` (the same id for equal styles). */
export function styleId(style: CellStyle): number {
  const key = `${style.attrs}|${style.fg}|${style.bg}`;
  let id = ids.get(key);
  if (id === undefined) {
    id = styles.length;
    styles.push(style);
    ids.set(key, id);
  }
  return id;
}

/** The style with id `id`. */
export function styleOf(id: number): CellStyle {
  const style = styles[id];
  if (style === undefined) throw new Error(`unknown style id ${id}`);
  return style;
}

/** The default style's id: no colours, no attributes. */
export const DEFAULT_STYLE = 0;

/**
 * Whether going from style `from` to `to` turns off one of bold and dim while the other stays on.
 * Ink's output pass (Ink 6.8, @alcalzone/ansi-tokenize) writes that change as `ESC[22m` alone,
 * which turns off both, so the terminal shows the following cells without the one that stays.
 */
export function splitsBoldAndDim(from: number, to: number): boolean {
  if (from === to) return false;
  const a = styleOf(from).attrs & (BOLD | DIM);
  const b = styleOf(to).attrs & (BOLD | DIM);
  return (a & ~b) !== 0 && (a & b) !== 0;
}

/**
 * Reads an extended colour (`38;5;n`, `38;2;r;g;b`) starting at `params[i]`; returns it and the
 * index of its last parameter, or null when it is malformed (the rest is then ignored, as
 * terminals do).
 */
function extendedColour(params: readonly string[], i: number): { colour: string; last: number } | null {
  const kind = params[i + 1];
  const n = kind === '5' ? 1 : kind === '2' ? 3 : -1;
  if (n < 0 || i + 1 + n >= params.length) return null;
  return { colour: params.slice(i, i + 2 + n).join(';'), last: i + 1 + n };
}

/**
 * The style after applying SGR parameters `params` (the text between `ESC[` and `m`) to the style
 * `id`. Unknown parameters are ignored; an empty list means reset, as in `ESC[m`.
 */
export function applySgr(id: number, params: string): number {
  const list = params === '' ? ['0'] : params.split(';');
  let { attrs, fg, bg } = styleOf(id);
  for (let i = 0; i < list.length; i++) {
    const code = Number(list[i] === '' ? '0' : list[i]);
    if (code === 0) {
      attrs = 0;
      fg = '';
      bg = '';
    } else if (ON_CODES.has(code)) attrs |= ON_CODES.get(code) ?? 0;
    else if (OFF_CODES.has(code)) attrs &= ~(OFF_CODES.get(code) ?? 0);
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) fg = String(code);
    else if (code === 39) fg = '';
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) bg = String(code);
    else if (code === 49) bg = '';
    else if (code === 38 || code === 48 || code === 58) {
      const ext = extendedColour(list, i);
      if (ext === null) break;
      if (code === 38) fg = ext.colour;
      if (code === 48) bg = ext.colour;
      i = ext.last;
    }
  }
  return styleId({ attrs, fg, bg });
}

/** The SGR parameters that draw `style` from the default style. */
function fromDefault(style: CellStyle): string[] {
  const codes = ATTRIBUTES.filter((a) => (style.attrs & a.bit) !== 0).map((a) => a.on);
  if (style.fg !== '') codes.push(style.fg);
  if (style.bg !== '') codes.push(style.bg);
  return codes;
}

/** The SGR parameters that turn `from` into `to` without a reset. */
function incremental(from: CellStyle, to: CellStyle): string[] {
  const codes: string[] = [];
  const off = from.attrs & ~to.attrs;
  let on = to.attrs & ~from.attrs;
  // 22 ends both bold and dim: whichever of them stays must be turned on again.
  if ((off & (BOLD | DIM)) !== 0) {
    codes.push('22');
    on |= to.attrs & (BOLD | DIM);
  }
  for (const a of ATTRIBUTES) {
    if (a.off !== '22' && (off & a.bit) !== 0) codes.push(a.off);
  }
  for (const a of ATTRIBUTES) if ((on & a.bit) !== 0) codes.push(a.on);
  if (from.fg !== to.fg) codes.push(to.fg === '' ? '39' : to.fg);
  if (from.bg !== to.bg) codes.push(to.bg === '' ? '49' : to.bg);
  return codes;
}

/**
 * The shortest SGR sequence that changes the terminal's style from `from` to `to` ('' when they
 * are equal). `from` null means the terminal's style is not known: the sequence then starts with
 * a reset.
 */
export function sgrTransition(from: number | null, to: number): string {
  if (from === to) return '';
  const target = styleOf(to);
  const reset = ['0', ...fromDefault(target)];
  if (from === null) return `\x1b[${to === DEFAULT_STYLE ? '' : reset.join(';')}m`;
  const inc = incremental(styleOf(from), target);
  const viaReset = to === DEFAULT_STYLE ? '' : reset.join(';');
  const best = inc.join(';').length <= viaReset.length ? inc.join(';') : viaReset;
  return `\x1b[${best}m`;
}
