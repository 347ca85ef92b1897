/**
 * Command-line arguments echoed in errors are escaped like names are (issue 10, item 5): an
 * argument holding an escape sequence comes back as visible text (`\x1b[31m`), never raw.
 * (The emulator's own lines: tests/emulator/cli.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './cli-harness.js';

const ESC_ARG = 'x\x1b[31m';

function run(args: string[]): { status: number | null; stderr: string; stdout: string } {
  ensureBuilt();
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
}

describe('arguments in error messages', () => {
  it.each([
    [[ESC_ARG], 2, 'b2c: unknown command "x\\x1b[31m"'],
    [['keys', ESC_ARG], 1, 'b2c keys x\\x1b[31m: Unknown keys command "x\\x1b[31m".'],
    [['ls', `--${ESC_ARG}`], 2, "b2c ls: Unknown option '--x\\x1b[31m'."],
  ])('b2c %j: exit %i, the argument escaped', (args, code, line) => {
    const r = run(args);
    expect(r.status).toBe(code);
    expect(r.stderr.split('\n')[0]?.startsWith(line)).toBe(true);
    expect(r.stderr + r.stdout).not.toContain('\x1b');
  });
});
