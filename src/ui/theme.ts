/**
 * Semantic theme tokens. The only module that names raw colours (ARCHITECTURE.md,
 * "Conventions"). With NO_COLOR set (https://no-color.org) or the `mono` theme, every colour
 * token is undefined and emphasis falls back to inverse/bold, which Ink renders without colour
 * codes.
 */

/** A colour Ink's <Text color> accepts, or undefined for the terminal default. */
export type Colour = string | undefined;

export interface Theme {
  /** False under NO_COLOR / mono: components use inverse video for cursors instead. */
  colour: boolean;
  pane: {
    activeBorder: Colour;
    inactiveBorder: Colour;
    header: Colour;
    directory: Colour;
    file: Colour;
    link: Colour;
    hidden: Colour;
    selected: Colour;
    cursorBg: Colour;
    cursorFg: Colour;
  };
  /** Compare marks (`c`): each mark also has its own marker character, so colour is never the only sign. */
  compare: { only: Colour; newer: Colour; older: Colour; different: Colour; same: Colour };
  bar: { key: Colour; label: Colour; disabled: Colour };
  status: { info: Colour; error: Colour; warning: Colour; success: Colour };
  dialog: { border: Colour; title: Colour; danger: Colour };
  progress: { done: Colour; todo: Colour };
  muted: Colour;
  ok: Colour;
  denied: Colour;
}

const COLOUR_THEME: Theme = {
  colour: true,
  pane: {
    activeBorder: 'cyan',
    inactiveBorder: 'gray',
    header: 'cyanBright',
    directory: 'blueBright',
    file: undefined,
    link: 'magenta',
    hidden: 'gray',
    selected: 'yellowBright',
    cursorBg: 'cyan',
    cursorFg: 'black',
  },
  compare: { only: 'greenBright', newer: 'cyanBright', older: 'magenta', different: 'redBright', same: 'gray' },
  bar: { key: 'black', label: 'cyan', disabled: 'gray' },
  status: { info: undefined, error: 'redBright', warning: 'yellow', success: 'green' },
  dialog: { border: 'yellow', title: 'yellowBright', danger: 'redBright' },
  progress: { done: 'green', todo: 'gray' },
  muted: 'gray',
  ok: 'green',
  denied: 'red',
};

const MONO_THEME: Theme = {
  colour: false,
  pane: {
    activeBorder: undefined,
    inactiveBorder: undefined,
    header: undefined,
    directory: undefined,
    file: undefined,
    link: undefined,
    hidden: undefined,
    selected: undefined,
    cursorBg: undefined,
    cursorFg: undefined,
  },
  compare: { only: undefined, newer: undefined, older: undefined, different: undefined, same: undefined },
  bar: { key: undefined, label: undefined, disabled: undefined },
  status: { info: undefined, error: undefined, warning: undefined, success: undefined },
  dialog: { border: undefined, title: undefined, danger: undefined },
  progress: { done: undefined, todo: undefined },
  muted: undefined,
  ok: undefined,
  denied: undefined,
};

/**
 * Picks the theme: mono when NO_COLOR is set to anything non-empty, when asked for, or when the
 * terminal library draws no colours here (`colours` false: src/ui/terminal/colour-support.ts), so
 * that the cursor row is inverse video rather than an invisible background colour.
 */
export function chooseTheme(
  env: Record<string, string | undefined>,
  preference: 'default' | 'mono' = 'default',
  colours = true,
): Theme {
  if (!colours || preference === 'mono' || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return MONO_THEME;
  return COLOUR_THEME;
}
