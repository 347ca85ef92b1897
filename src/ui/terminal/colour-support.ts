/**
 * Whether Ink can draw colours on this terminal. Ink styles text with chalk, whose default
 * instance decides once from the environment: no colours when `CI` is set (outside a few known CI
 * services), `TERM=dumb`, `FORCE_COLOR=0`, … At that level chalk drops every attribute too —
 * inverse, bold, dim — so the colour theme's cursor row (a background colour) and greyed keys (dim)
 * would vanish. This is the one place that asks chalk, and the one that changes its mind.
 */
import chalk from 'chalk';

/**
 * True when Ink draws colours. When it does not, turns on chalk's attributes without colour
 * (level 1): the caller must then draw with the mono theme, which names no colour, so only
 * inverse, bold and dim reach the terminal — the cursor row stays visible in inverse video.
 */
export function prepareInkColours(): boolean {
  if (chalk.level > 0) return true;
  chalk.level = 1;
  return false;
}
