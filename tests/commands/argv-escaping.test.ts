/**
 * Command-line arguments echoed in errors are escaped like names are (issue 10, item 5): an
 * argument holding an escape sequence comes back as visible text (`\x1b[31m`), never raw.
 * (The emulator's own lines: tests/emulator/cli.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ESC_ARG = 'x\x1b[31m';

describe('arguments in error messages', () => {
  it.each([
    [[ESC_ARG], 64, 'b2c: unknown command "x\\x1b[31m"'],
    [['keys', ESC_ARG], 64, 'b2c keys x\\x1b[31m: Unknown keys command "x\\x1b[31m".'],
    [['ls', `--${ESC_ARG}`], 64, 'b2c ls: Unknown option "--x\\x1b[31m"'],
  ])('b2c %j: exit %i, the argument escaped', async (args, code, line) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n')[0]?.startsWith(line)).toBe(true);
    expect(r.stderr + r.stdout).not.toContain('\x1b');
  });
});
