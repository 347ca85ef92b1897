/** The README's keys table is the keymap's help, so the documented keys are the real ones. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { helpMarkdown } from '../../../src/state/keyboard/help-markdown.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'README.md');

describe('README keys table', () => {
  it('equals the table generated from the default keymap', () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf('<!-- keys:start');
    const end = text.indexOf('<!-- keys:end -->');
    expect(start).toBeGreaterThan(0);
    const block = text.slice(text.indexOf('\n', start) + 1, end).trim();
    expect(block).toBe(helpMarkdown(DEFAULT_KEYMAP));
  });
});
