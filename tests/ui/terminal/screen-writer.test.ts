/**
 * The terminal writer is exact: random sequences of frames (wide characters, emoji, escaped
 * names, style changes, lines of every length, frames that shrink) go through the writer into a
 * headless terminal, and after every frame the terminal's screen — every cell's character,
 * colours and attributes — equals a fresh terminal that was sent the whole frame.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from '../../../src/state/text/sanitize.js';
import { displayWidth } from '../../../src/state/text/sanitize.js';
import { applySgr, DEFAULT_STYLE, sgrTransition } from '../../../src/ui/terminal/cell-style.js';
import { ScreenWriter } from '../../../src/ui/terminal/screen-writer.js';
import {
  headlessTerminal,
  screenCells,
  screenText,
  writeTo,
  type HeadlessTerminal,
} from '../../support/xterm-screen.js';

/** A small seeded generator, so that a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = [
  'readme.txt',
  'photos/',
  ' <DIR> ',
  'Dec  3 14:06',
  '─────',
  '│',
  '┌──┐',
  '└┘',
  ' ',
  '   ',
  'x',
  'ab',
  '中文字',
  '日本語',
  '가나',
  '😀',
  '🦀',
  '❤️',
  '👍🏽',
  '🇩🇪',
  '👨‍👩‍👧',
  'e\u0301',
  'café',
  '…',
  '·',
  '↑',
  '✔',
  sanitizeForTerminal('evil\x1b[2J\nname'),
  sanitizeForTerminal('\u202etxt.exe'),
  sanitizeForTerminal('bell\x07\x9b'),
];
const FG = ['30', '31', '36', '96', '39', '38;5;208', '38;2;10;200;30'];
const BG = ['40', '46', '49', '44', '104', '48;5;17', '48;2;1;2;3'];
const ON = ['1', '2', '3', '4', '5', '7', '8', '9', '53'];
const OFF = ['22', '23', '24', '25', '27', '28', '29', '55'];

class FrameMaker {
  constructor(
    private readonly rnd: () => number,
    private readonly cols: number,
    private readonly rows: number,
  ) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }

  /** An SGR sequence as Ink and chalk write them: opening, closing, several at once, or a reset. */
  private sgr(): string {
    const r = this.rnd();
    if (r < 0.3) return '';
    if (r < 0.4) return '\x1b[0m';
    if (r < 0.45) return '\x1b[m';
    const codes = Array.from({ length: 1 + Math.floor(this.rnd() * 3) }, () =>
      this.pick([FG, BG, ON, OFF, ON][Math.floor(this.rnd() * 5)] ?? ON),
    );
    return `\x1b[${codes.join(';')}m`;
  }

  /** A line at most `cols` columns wide. */
  line(): string {
    const budget = Math.floor(this.rnd() * (this.cols + 1));
    let width = 0;
    let out = '';
    for (;;) {
      const text = this.pick(TEXTS);
      const w = displayWidth(text);
      if (width + w > budget) break;
      out += this.sgr() + text;
      width += w;
    }
    return this.rnd() < 0.7 ? `${out}\x1b[0m` : out;
  }

  /** `line` cut before one of its escape sequences (Ink never cuts inside a character or sequence). */
  private shorten(line: string): string {
    const cuts = Array.from({ length: line.length }, (_, i) => i).filter((i) => line[i] === '\x1b');
    return line.slice(0, this.pick([0, ...cuts]));
  }

  frame(): string[] {
    return Array.from({ length: Math.floor(this.rnd() * this.rows) }, () => this.line());
  }

  /** The next frame: mostly a few lines changed, sometimes shrunk, grown, shifted or new. */
  next(lines: string[]): string[] {
    const r = this.rnd();
    const copy = [...lines];
    const at = Math.floor(this.rnd() * Math.max(1, copy.length));
    if (r < 0.1) return this.frame();
    if (r < 0.15) return [];
    if (r < 0.25) return copy.slice(0, at);
    if (r < 0.35 && copy.length < this.rows - 1) copy.splice(at, 0, this.line());
    else if (r < 0.45) copy.splice(at, 1);
    else if (r < 0.55) copy[at] = this.shorten(copy[at] ?? '');
    else
      for (let i = 0; i < 1 + Math.floor(this.rnd() * 3); i++)
        copy[Math.floor(this.rnd() * (this.rows - 1))] = this.line();
    return Array.from({ length: Math.min(copy.length, this.rows - 1) }, (_, i) => copy[i] ?? '');
  }
}

/** The reference terminals, one per size: cleared before each frame. */
const references = new Map<string, HeadlessTerminal>();

/** What the terminal must show: a cleared terminal sent each line at the start of its row. */
async function expectedScreen(lines: readonly string[], cols: number, rows: number): Promise<string[]> {
  const key = `${cols}x${rows}`;
  const term = references.get(key) ?? headlessTerminal(cols, rows);
  references.set(key, term);
  await writeTo(term, `\x1b[0m\x1b[H\x1b[2J${lines.map((l, y) => `\x1b[${y + 1};1H\x1b[0m${l}`).join('')}`);
  return screenCells(term);
}

async function step(
  writer: ScreenWriter,
  term: HeadlessTerminal,
  lines: readonly string[],
  context: string,
): Promise<string> {
  const bytes = writer.render(lines.join('\n'), term.cols, term.rows);
  await writeTo(term, bytes);
  expect(screenCells(term), context).toEqual(await expectedScreen(lines, term.cols, term.rows));
  return bytes;
}

describe('ScreenWriter', () => {
  it('keeps the terminal exactly equal to the frame through random sequences of frames', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = random(seed);
      const cols = 12 + Math.floor(rnd() * 40);
      const rows = 4 + Math.floor(rnd() * 10);
      const maker = new FrameMaker(rnd, cols, rows);
      const writer = new ScreenWriter();
      const term = headlessTerminal(cols, rows);
      let lines = maker.frame();
      for (let i = 0; i < 25; i++) {
        await step(writer, term, lines, `seed ${seed}, frame ${i}, ${cols}×${rows}:\n${lines.join('\n')}`);
        lines = maker.next(lines);
      }
    }
    // 750 frames: a few seconds, much longer on a loaded machine.
  }, 180_000);

  it('repaints everything at a new size', async () => {
    const rnd = random(99);
    const writer = new ScreenWriter();
    let term = headlessTerminal(40, 10);
    const sizes: [number, number][] = [
      [40, 10],
      [30, 8],
      [60, 14],
      [20, 5],
      [60, 14],
    ];
    for (const [cols, rows] of sizes) {
      term.resize(cols, rows);
      const lines = new FrameMaker(rnd, cols, rows).frame();
      await step(writer, term, lines, `${cols}×${rows}`);
    }
    // After invalidate() (what the writer does on a resize event) the whole frame is drawn again,
    // so a terminal that lost its contents shows it all.
    term = headlessTerminal(60, 14);
    writer.invalidate();
    await step(writer, term, new FrameMaker(rnd, 60, 14).frame(), 'after invalidate');
  });

  it('writes nothing for an unchanged frame and only the change for a small one', async () => {
    const writer = new ScreenWriter();
    const term = headlessTerminal(80, 24);
    const rows = Array.from(
      { length: 23 },
      (_, i) => `\x1b[36m│\x1b[39m file-${i}.txt${' '.repeat(40)}\x1b[36m│\x1b[39m`,
    );
    await step(writer, term, rows, 'first');
    expect(writer.render(rows.join('\n'), 80, 24)).toBe('');
    const moved = [...rows];
    moved[5] = `\x1b[36m│\x1b[39m\x1b[46;30m file-5.txt${' '.repeat(40)}\x1b[49;39m\x1b[36m│\x1b[39m`;
    const bytes = await step(writer, term, moved, 'cursor row');
    expect(bytes.length).toBeLessThan(90);
  });

  it('cuts what does not fit and never sends control characters or other escape sequences', async () => {
    const writer = new ScreenWriter();
    const term = headlessTerminal(10, 4);
    const bytes = writer.render(
      [
        '0123456789abc',
        '123456789中',
        'a\x07b\x1b]0;title\x07c\x1b[2Jd\x1b[>4;2me\tf',
        'x',
        'beyond the last row',
      ].join('\n'),
      10,
      4,
    );
    await writeTo(term, bytes);
    expect(screenText(term)).toEqual(['0123456789', '123456789', 'abcdef', 'x']);
    // No BEL, no OSC, no tab, and one clear screen: the writer's own.
    for (const sent of ['\x07', '\x1b]', '\t']) expect(bytes).not.toContain(sent);
    expect(bytes.split('\x1b[2J')).toHaveLength(2);
  });

  it('keeps the rest of a row right on a terminal that measures an emoji otherwise', async () => {
    // xterm.js's own Unicode 6 tables draw 😀 and 🦀 one column wide, and 👨‍👩‍👧 three.
    const writer = new ScreenWriter();
    const term = headlessTerminal(20, 3, 'xterm');
    const draw = (lines: string[]): Promise<void> => writeTo(term, writer.render(lines.join('\n'), 20, 3));
    const cells = (y: number, xs: number[]): (string | undefined)[] =>
      xs.map((x) => term.buffer.active.getLine(y)?.getCell(x)?.getChars());
    await draw(['ab😀cd🦀ef', 'xy😀zz│', 'abXYcd']);
    await draw(['ab😀cD🦀ef', 'xy👨‍👩‍👧zz│', 'ab🦀cd']);
    // Every cell after each emoji is where the model puts it: the 👨‍👩‍👧 drawn three columns wide
    // covered the unchanged `z` after it, which is drawn again; the 🦀 drawn one column wide left
    // its second column blank, not the `Y` that was there.
    expect(cells(0, [4, 5, 8, 9])).toEqual(['c', 'D', 'e', 'f']);
    expect(cells(1, [4, 5, 6])).toEqual(['z', 'z', '│']);
    expect(cells(2, [2, 3, 4, 5])).toEqual(['🦀', '', 'c', 'd']);
  });

  it('turns every style into every other with the SGR sequence it writes', async () => {
    const attrs = ['', '1', '2', '1;2', '7', '1;7', '2;4', '1;2;4;7;9'];
    const colours = ['', '31', '38;5;208', '46', '31;46', '96;48;2;1;2;3'];
    const params = attrs.flatMap((a) => colours.map((c) => [a, c].filter((x) => x !== '').join(';')));
    const ids = params.map((p) => applySgr(DEFAULT_STYLE, p));
    const term = headlessTerminal(ids.length + 1, ids.length);
    let bytes = '';
    ids.forEach((from, y) => {
      // Column 0: the style drawn from scratch; then each other style reached from it.
      bytes += `\x1b[${y + 1};1H${sgrTransition(null, from)}X`;
      ids.forEach((to, x) => {
        bytes += `\x1b[${y + 1};${x + 2}H${sgrTransition(null, from)}${sgrTransition(from, to)}X`;
      });
    });
    await writeTo(term, bytes);
    const reference = screenCells(term).map((row) => row.slice(0, row.indexOf(']') + 1));
    const rows = screenCells(term);
    ids.forEach((_, y) => {
      const row = rows[y] ?? '';
      const got = row.split(/(?<=\])/).slice(1);
      expect(got, `from ${params[y]}`).toEqual(reference);
    });
  });
});
