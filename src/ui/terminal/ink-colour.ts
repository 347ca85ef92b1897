/**
 * What Ink's borders and box backgrounds are drawn with, for ink-frame.ts: the same chalk calls
 * Ink makes (its colorize: a chalk colour name, `#rrggbb`, `ansi256(n)` or `rgb(r,g,b)`), so a
 * frame drawn there has exactly the styles Ink would give it, and the border characters of the
 * box styles b2c uses (Ink takes them from cli-boxes).
 */
import chalk from 'chalk';

const RGB = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ANSI256 = /^ansi256\(\s?(\d+)\s?\)$/;

type Paint = (text: string) => string;

function isChalkName(name: string): name is keyof typeof chalk {
  return name in chalk;
}

/** The chalk function a colour name (as Ink's props take it) paints with, or null for none. */
function painter(colour: string, type: 'foreground' | 'background'): Paint | null {
  const fg = type === 'foreground';
  if (isChalkName(colour)) {
    const name = fg ? colour : `bg${colour[0]?.toUpperCase() ?? ''}${colour.slice(1)}`;
    const paint: unknown = isChalkName(name) ? chalk[name] : undefined;
    return typeof paint === 'function' ? (paint as Paint) : null;
  }
  if (colour.startsWith('#')) return fg ? chalk.hex(colour) : chalk.bgHex(colour);
  if (colour.startsWith('ansi256')) {
    const m = ANSI256.exec(colour);
    if (m === null) return null;
    return fg ? chalk.ansi256(Number(m[1])) : chalk.bgAnsi256(Number(m[1]));
  }
  if (colour.startsWith('rgb')) {
    const m = RGB.exec(colour);
    if (m === null) return null;
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return fg ? chalk.rgb(r, g, b) : chalk.bgRgb(r, g, b);
  }
  return null;
}

/** `text` in `colour` (foreground or background) as Ink colours it; unchanged when there is no colour. */
export function colorize(text: string, colour: string | undefined, type: 'foreground' | 'background'): string {
  if (colour === undefined || colour === '') return text;
  return painter(colour, type)?.(text) ?? text;
}

/** `text` dimmed, as Ink dims a border. */
export const dim = (text: string): string => chalk.dim(text);

/** The characters of a box border. */
export interface BorderChars {
  topLeft: string;
  top: string;
  topRight: string;
  right: string;
  bottomRight: string;
  bottom: string;
  bottomLeft: string;
  left: string;
}

/** The border styles b2c draws (cli-boxes' characters); any other style goes through Ink. */
export const BORDERS: Readonly<Record<string, BorderChars>> = {
  single: {
    topLeft: '┌',
    top: '─',
    topRight: '┐',
    right: '│',
    bottomRight: '┘',
    bottom: '─',
    bottomLeft: '└',
    left: '│',
  },
  double: {
    topLeft: '╔',
    top: '═',
    topRight: '╗',
    right: '║',
    bottomRight: '╝',
    bottom: '═',
    bottomLeft: '╚',
    left: '║',
  },
  round: {
    topLeft: '╭',
    top: '─',
    topRight: '╮',
    right: '│',
    bottomRight: '╯',
    bottom: '─',
    bottomLeft: '╰',
    left: '│',
  },
};
